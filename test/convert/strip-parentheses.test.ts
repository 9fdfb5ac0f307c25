import { describe, expect, it, vi } from 'vitest';
import { stripOuterParentheses } from '../../src/convert/emit-support.js';
import type * as Lexer from '../../src/sql/lexer.js';

// Counts the lexer's runs: stripping the parentheses around an expression one pair at a time
// lexed the rest again per pair, so 16,000 nested pairs lexed ~16,000 texts of ~32,000 tokens.
const counts = vi.hoisted(() => ({ tokenized: 0 }));
vi.mock('../../src/sql/lexer.js', async (importOriginal) => {
  const { countingModule } = await import('../support/counting-module.js');
  return countingModule(await importOriginal<typeof Lexer>(), ['tokenize'], () => counts.tokenized++);
});

describe("convert's stripOuterParentheses", () => {
  it('strips every wrapping pair, and only those', () => {
    expect(stripOuterParentheses(' ((0)) ', 'tsql')).toBe('0');
    expect(stripOuterParentheses('((a) + (b))', 'sqlite')).toBe('(a) + (b)');
    expect(stripOuterParentheses('(a) + (b)', 'tsql')).toBe('(a) + (b)');
    expect(stripOuterParentheses("( /* c */ (')' + x) -- d\n)", 'tsql')).toBe("')' + x");
  });

  it('lexes the expression once, however many pairs wrap it', () => {
    for (const depth of [100, 800]) {
      counts.tokenized = 0;
      expect(stripOuterParentheses(`${'('.repeat(depth)}a > 0${')'.repeat(depth)}`, 'sqlite')).toBe('a > 0');
      expect(counts.tokenized).toBe(1);
    }
  });
});
