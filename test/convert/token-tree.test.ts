import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTree, sourceOf } from '../../src/convert/token-tree.js';

/** Pieces of expressions, parentheses unbalanced either way included. */
const piece = fc.constantFrom('(', ')', '((', '))', 'a', ' ', ',', "'x)'", '[b(]', '/* ( */', '-- )\n', 'f(', '1');

describe('sourceOf', () => {
  it('gives back the text a tree was built from, in both dialects', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => {
        const text = pieces.join('');
        for (const dialect of ['tsql', 'sqlite'] as const) expect(sourceOf(buildTree(text, dialect))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a group nested 100,000 deep, where a call per group overflowed the stack', () => {
    const text = `${'('.repeat(100_000)}a${')'.repeat(100_000)}`;
    expect(sourceOf(buildTree(text, 'sqlite'))).toBe(text);
  });
});
