import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enclosingParen, parenDepths } from '../../src/rules-support/tokens.js';
import { tokenize } from '../../src/sql/lexer.js';
import { isTrivia, type Token } from '../../src/sql/token.js';

/** What enclosingParen did before it was worked out once per token list: a scan back from the token. */
function enclosingParenByScan(tokens: readonly Token[], index: number): number {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.kind !== 'punctuation') continue;
    if (token.text === ')') depth++;
    else if (token.text === '(') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

const significant = (text: string) => tokenize(text, 'tsql').filter((token) => !isTrivia(token));
// Balanced and unbalanced parentheses, with words and commas between.
const text = fc.array(fc.constantFrom('(', ')', 'a', ',', 'f('), { maxLength: 40 }).map((pieces) => pieces.join(' '));

describe('enclosingParen', () => {
  it('finds the ( a scan back from the token finds, for every token, with any nesting and stray )', () => {
    fc.assert(
      fc.property(text, text, (first, second) => {
        // Two token lists asked about in turn: the answers of one are never the other's.
        for (const tokens of [significant(first), significant(second), significant(first)]) {
          for (let i = 0; i <= tokens.length; i++) expect(enclosingParen(tokens, i)).toBe(enclosingParenByScan(tokens, i));
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parenDepths', () => {
  it('gives each token list its own depths when lists are asked about in turn', () => {
    const outer = significant('a ( b ( c ) ) d');
    const flat = significant('a b c');
    expect(parenDepths(outer)).toEqual([0, 0, 1, 1, 2, 1, 0, 0]);
    expect(parenDepths(flat)).toEqual([0, 0, 0]);
    expect(parenDepths(outer)).toEqual([0, 0, 1, 1, 2, 1, 0, 0]);
  });
});
