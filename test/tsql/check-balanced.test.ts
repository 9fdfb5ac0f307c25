import { describe, expect, it } from 'vitest';
import { splitAll } from '../../src/sql/splitter.js';
import { TokenCursor } from '../../src/tsql/cursor.js';
import { checkBalanced } from '../../src/tsql/schema-statements.js';

/** Where the cursor stopped, or the error's message. */
function run(sql: string): string {
  const c = new TokenCursor(splitAll(sql, 'tsql')[0].tokens);
  try {
    checkBalanced(c);
    return `ok at ${c.pos}`;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('checkBalanced', () => {
  it('consumes a balanced statement up to its `;`', () => {
    expect(run('SELECT (1), ((2));')).toBe('ok at 10');
  });

  it('points at a stray `)`, or at the last token of a statement that leaves one open', () => {
    expect(run('SELECT 1) + (2')).toBe("Incorrect syntax near ')'.");
    expect(run('SELECT (1 + (2)')).toBe("Incorrect syntax near ')'.");
    expect(run('SELECT ((x;')).toBe("Incorrect syntax near 'x'.");
  });
});
