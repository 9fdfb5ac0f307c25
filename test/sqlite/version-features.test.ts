import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/sql/lexer.js';
import { isTrivia } from '../../src/sql/token.js';
import { rowsAfterTheFirst } from '../../src/sqlite/literal-rows.js';
import { findNewerFeatures } from '../../src/sqlite/version-features.js';

const significant = (sql: string) => tokenize(sql, 'sqlite').filter((token) => !isTrivia(token));

describe('findNewerFeatures, reading past the literal rows after the first', () => {
  it('finds what the first row and what follows the rows hold, as when it reads every row', () => {
    const seeded = significant("INSERT INTO t VALUES (1, 'a'), (2, 'concat'), (NULL, -3.5e2), (4, x'00') RETURNING unhex(x), 1_000;");
    const rows = rowsAfterTheFirst(seeded);
    expect(rows).toBeDefined();
    const skipping = findNewerFeatures(seeded, '3.40', rows);
    expect(skipping.map((found) => found.feature)).toEqual(['unhex()', 'a digit separator in a number']);
    expect(skipping).toEqual(findNewerFeatures(seeded, '3.40'));
  });

  it('reads rows the statement does not skip', () => {
    const tokens = significant("INSERT INTO t VALUES (1, 'a'), (unhex('00'), 2);");
    expect(rowsAfterTheFirst(tokens)).toBeUndefined();
    expect(findNewerFeatures(tokens, '3.40', undefined).map((found) => found.feature)).toEqual(['unhex()']);
  });
});
