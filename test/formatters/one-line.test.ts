import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownCode } from '../../src/formatters/markdown.js';
import { oneLine } from '../../src/formatters/one-line.js';

/** What it did before: one replacement by an expression that read a run without a line break again from each position. */
const byExpression = (text: string): string => text.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');

describe('oneLine', () => {
  it('folds as the expression did, on any text of whitespace of every kind, line breaks and words', () => {
    const piece = fc.constantFrom(' ', '\t', '\n', '\r', '\r\n', '\u00a0', '\u2028', '\v', 'a', 'b c', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(oneLine(text)).toBe(byExpression(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['a\nb', 'a b'],
    ['a  \r\n\t b', 'a b'],
    ['a    b', 'a    b'],
    ['a\u2028b', 'a\u2028b'],
    ['\n', ' '],
  ])('%j', (text, expected) => {
    expect(oneLine(text)).toBe(expected);
  });
});

describe('markdownCode on a message with very many backtick runs', () => {
  it('fences it, where spreading the runs into Math.max overflowed the stack', () => {
    const text = '`a'.repeat(300_000);
    const code = markdownCode(text);
    expect(code.startsWith('`` `a')).toBe(true);
    expect(code.endsWith('`a ``')).toBe(true);
  });
});
