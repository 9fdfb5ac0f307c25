import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { tokenize } from '../../src/sql/lexer.js';
import { isTrivia, type Token } from '../../src/sql/token.js';
import { rowsAfterTheFirst } from '../../src/sqlite/literal-rows.js';
import { findNewerFeatures, orderByInsideCalls } from '../../src/sqlite/version-features.js';

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

describe('findNewerFeatures, asked with many targets in one process', () => {
  it('keeps what it works out per target minor version, not per spelling: 4,000 spellings of 11 minor versions make entries for the 10 new ones only', () => {
    const tokens = significant('SELECT 1_000;');
    findNewerFeatures(tokens, '3.40');
    // Every Map entry made while asking: the answers per target were kept by the option's text,
    // so each spelling (3.40.0, 3.40.1, ...) added two entries that stayed for the process's life.
    const set = vi.spyOn(Map.prototype, 'set');
    try {
      for (let patch = 0; patch < 2000; patch++) findNewerFeatures(tokens, `3.40.${patch}`);
      for (let patch = 0; patch < 2000; patch++) findNewerFeatures(tokens, ` 3.${30 + (patch % 10)}.${patch}`);
      expect(set.mock.calls.length).toBeLessThanOrEqual(2 * 10);
    } finally {
      set.mockRestore();
    }
    // Spellings of one minor version share its answers; the minor version still decides them.
    expect(findNewerFeatures(tokens, '3.45.9').map((found) => [found.feature, found.since])).toEqual([['a digit separator in a number', '3.46']]);
    expect(findNewerFeatures(tokens, '3.46.0')).toEqual([]);
    expect(findNewerFeatures(tokens, ' 3.45 ').map((found) => found.since)).toEqual(['3.46']);
  });
});

/** What findNewerFeatures asked for each ordered aggregate before the answers were worked out once per token list: a scan of its parentheses. */
function orderByInsideCallByScan(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'punctuation' && token.text === '(') depth++;
    else if (token.kind === 'punctuation' && token.text === ')') {
      depth--;
      if (depth === 0) return -1;
    } else if (depth === 1 && token.kind === 'word' && token.upper === 'ORDER' && tokens[i + 1]?.kind === 'word' && tokens[i + 1].upper === 'BY') return i;
  }
  return -1;
}

describe('orderByInsideCalls', () => {
  it('finds the ORDER BY a scan of the parentheses finds, for every (, with any nesting and stray )', () => {
    const text = fc.array(fc.constantFrom('(', ')', 'a', 'ORDER BY a', 'ORDER', 'BY', 'group_concat(', ','), { maxLength: 40 }).map((pieces) => pieces.join(' '));
    fc.assert(
      fc.property(text, text, (first, second) => {
        for (const tokens of [significant(first), significant(second), significant(first)]) {
          const answers = orderByInsideCalls(tokens);
          for (let i = 0; i < tokens.length; i++) {
            if (tokens[i].text === '(') expect(answers[i]).toBe(orderByInsideCallByScan(tokens, i));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
