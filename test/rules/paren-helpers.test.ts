import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enclosingParen, matchingParen, parenDepths, splitTopLevel } from '../../src/rules-support/tokens.js';
import { lastTopLevelAs } from '../../src/rules-support/tsql-columns.js';
import { limitQueries } from '../../rules/tsql/no-limit.js';
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

/** What matchingParen did for every start before a statement's closers were worked out once: a scan forward. */
function matchingParenByScan(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'punctuation') continue;
    if (token.text === '(') depth++;
    else if (token.text === ')' && --depth === 0) return i;
  }
  return -1;
}

const significant = (text: string) => tokenize(text, 'tsql').filter((token) => !isTrivia(token));
/** What splitTopLevel did before it stepped over long ranges' groups: count the depth through every token. */
function splitTopLevelByCounting(tokens: readonly Token[], from: number, to: number): [number, number][] {
  const parts: [number, number][] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.kind !== 'punctuation') continue;
    if (token.text === '(') depth++;
    else if (token.text === ')') depth--;
    else if (token.text === ',' && depth === 0) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  if (start < to) parts.push([start, to]);
  return parts;
}

// Balanced and unbalanced parentheses, with words and commas between, and runs long enough
// (80 tokens) for the helpers' lookups of long groups.
const LONG = Array.from({ length: 40 }, () => 'x ,').join(' ');
const text = fc.array(fc.constantFrom('(', ')', 'a', ',', 'f(', LONG), { maxLength: 40 }).map((pieces) => pieces.join(' '));

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

describe('matchingParen', () => {
  it('finds the ) a scan forward finds, from every token, with any nesting and stray )', () => {
    fc.assert(
      fc.property(text, text, (first, second) => {
        for (const tokens of [significant(first), significant(second), significant(first)]) {
          for (let i = 0; i <= tokens.length; i++) expect(matchingParen(tokens, i)).toBe(matchingParenByScan(tokens, i));
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('splitTopLevel', () => {
  it('cuts any range where counting the depth through every token cuts it', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (source, a, b) => {
        const tokens = significant(source);
        const from = tokens.length === 0 ? 0 : a % (tokens.length + 1);
        const to = from + (tokens.length === 0 ? 0 : b % (tokens.length - from + 1));
        expect(splitTopLevel(tokens, from, to)).toEqual(splitTopLevelByCounting(tokens, from, to));
      }),
      { numRuns: 2000 },
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

/** What findTypePositions asked for each CAST before the answers were worked out once per token list: a scan of its parentheses. */
function lastTopLevelAsByScan(tokens: readonly Token[], open: number): number {
  const close = matchingParenByScan(tokens, open);
  let depth = 0;
  let found = -1;
  for (let i = open + 1; i < (close < 0 ? tokens.length : close); i++) {
    const token = tokens[i];
    if (token.kind === 'punctuation' && token.text === '(') depth++;
    else if (token.kind === 'punctuation' && token.text === ')') depth--;
    else if (depth === 0 && token.kind === 'word' && token.upper === 'AS') found = i;
  }
  return found;
}

describe('lastTopLevelAs', () => {
  it('finds the AS a scan of the parentheses finds, for every (, with any nesting and stray )', () => {
    const withAs = fc.array(fc.constantFrom('(', ')', 'a', 'AS', 'as', 'CAST(', LONG), { maxLength: 40 }).map((pieces) => pieces.join(' '));
    fc.assert(
      fc.property(withAs, withAs, (first, second) => {
        for (const tokens of [significant(first), significant(second), significant(first)]) {
          const answers = lastTopLevelAs(tokens);
          for (let i = 0; i < tokens.length; i++) {
            if (tokens[i].text === '(') expect(answers[i]).toBe(lastTopLevelAsByScan(tokens, i));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/** What tsql/no-limit asked for each LIMIT before the answers were worked out once per token list: a look back to its SELECT. */
function limitQueryByScan(tokens: readonly Token[], limitIndex: number, isClause: (index: number) => boolean): { select: number; orderBy: boolean } | undefined {
  const depths = parenDepths(tokens);
  const depth = depths[limitIndex];
  const word = (i: number, ...words: string[]) => tokens[i]?.kind === 'word' && words.includes(tokens[i].upper);
  let select = -1;
  let orderBy = false;
  for (let i = limitIndex - 1; i >= 0; i--) {
    if (depths[i] < depth) break;
    if (depths[i] !== depth || tokens[i].kind !== 'word') continue;
    // A second LIMIT after the SELECT has no rewrite of its own (added with the one-pass version).
    if (word(i, 'UNION', 'EXCEPT', 'INTERSECT', 'TOP') || isClause(i)) return undefined;
    if (word(i, 'ORDER') && word(i + 1, 'BY')) orderBy = true;
    if (word(i, 'SELECT')) {
      select = i;
      break;
    }
  }
  if (select < 0) return undefined;
  for (let i = select - 1; i >= 0 && depths[i] >= depth; i--) {
    if (depths[i] === depth && word(i, 'UNION', 'EXCEPT', 'INTERSECT')) return undefined;
  }
  return { select, orderBy };
}

describe('limitQueries (tsql/no-limit)', () => {
  it('finds the SELECT a look back from each LIMIT finds, with any nesting, set operators, TOP and ORDER BY', () => {
    const query = fc
      .array(fc.constantFrom('(', ')', 'SELECT', 'a', 'LIMIT 1', 'LIMIT', ',', 'UNION', 'EXCEPT', 'TOP 2', 'ORDER BY a', 'ORDER', 'BY'), { maxLength: 40 })
      .map((pieces) => pieces.join(' '));
    fc.assert(
      fc.property(query, query, (first, second) => {
        for (const tokens of [significant(first), significant(second), significant(first)]) {
          const answers = limitQueries(tokens);
          // Answered for exactly the LIMIT clauses (a LIMIT followed by its count, not a name).
          for (const index of answers.keys()) expect([tokens[index].upper, tokens[index + 1]?.kind]).toEqual(['LIMIT', 'number']);
          for (const index of answers.keys()) expect(answers.get(index)).toEqual(limitQueryByScan(tokens, index, (k) => answers.has(k)));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
