import type { TextEdit } from '../engine/diagnostic.js';
import { enclosingParens } from '../sql/inside-parens.js';
import { memoizeLast } from '../sql/statement-memo.js';
import { isPunctuation, isWord, type Token } from '../sql/token.js';

/**
 * Small token-level helpers shared by the dialect rules. They work on the significant tokens
 * of one statement (`statement.tokens`), never on raw text, so nothing inside a string, a
 * comment or a quoted identifier can ever match a keyword check.
 */

/**
 * Index of the `)` that closes the `(` at `open`, or -1 when the statement ends first. Rules ask
 * it for each function call they look at, and calls nest: for a group longer than STEP_OVER_FROM
 * tokens, the answer comes from one pass over the statement, made at the first such question
 * (80,000 nested calls took 176 s when each was scanned to its end).
 */
export function matchingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    // Most groups close within a few tokens; a longer one is looked up instead.
    if (i === open + STEP_OVER_FROM && isPunctuation(tokens[open], '(')) return closingParens(tokens)[open];
    const token = tokens[i];
    if (token.kind !== 'punctuation') continue;
    if (token.text === '(') depth++;
    else if (token.text === ')' && --depth === 0) return i;
  }
  return -1;
}

// Rules ask about the parentheses around each token they flag, and one statement may hold
// thousands of them (a SELECT of 40,000 TRUEs): the answers below are worked out in one pass
// for the token list asked about last (memoizeLast), not per token.

/** For each `(`, the index of the `)` that closes it, or -1 when the statement ends first (other tokens: -1). */
const closingParens = memoizeLast((tokens: readonly Token[]) => {
  const closing = new Int32Array(tokens.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'punctuation') continue;
    if (token.text === '(') open.push(i);
    else if (token.text === ')') {
      // A `)` with nothing open closes nothing, as a scan forward from a later `(` never sees it.
      const opener = open.pop();
      if (opener !== undefined) closing[opener] = i;
    }
  }
  return closing;
});

/** Index of the `(` that encloses tokens[index] (or the end, at `tokens.length`) most closely, or -1 at depth 0. */
export function enclosingParen(tokens: readonly Token[], index: number): number {
  return enclosingParens(tokens)[Math.min(index, tokens.length)];
}

/** Parenthesis depth of every token of a statement (a `(` has the depth outside it). */
export const parenDepths: (tokens: readonly Token[]) => readonly number[] = memoizeLast((tokens: readonly Token[]) => {
  const depths: number[] = new Array(tokens.length);
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (isPunctuation(token, ')')) depth = Math.max(0, depth - 1);
    depths[i] = depth;
    if (isPunctuation(token, '(')) depth++;
  }
  return depths;
});

/** Ranges longer than this step over their parenthesized groups when split (see forEachTopLevelPart). */
const STEP_OVER_FROM = 64;

/** Splits tokens[from, to) at commas of parenthesis depth 0; returns [start, end) index pairs. */
export function splitTopLevel(tokens: readonly Token[], from: number, to: number): [number, number][] {
  const parts: [number, number][] = [];
  forEachTopLevelPart(tokens, from, to, (start, end) => parts.push([start, end]));
  return parts;
}

/** splitTopLevel's cut, each part handed over as it is found: for hot callers, no list of index pairs. */
export function forEachTopLevelPart(tokens: readonly Token[], from: number, to: number, visit: (start: number, end: number) => void): void {
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.kind !== 'punctuation') continue;
    if (token.text === '(') {
      // In a long range, a group closed within it holds no top-level comma: stepped over, so
      // that nested calls, each split by a rule, do not cost the square of their depth. (A short
      // range costs less to count through than the statement's closers cost to work out.)
      const close = depth === 0 && to - from > STEP_OVER_FROM ? closingParens(tokens)[i] : -1;
      if (close > i && close < to) i = close;
      else depth++;
    } else if (token.text === ')') depth--;
    else if (token.text === ',' && depth === 0) {
      visit(start, i);
      start = i + 1;
    }
  }
  if (start < to) visit(start, to);
}

/** True when the token is a bare or quoted name part (not a keyword check: `[order]` counts). */
export function isNameToken(token: Token | undefined): boolean {
  return token !== undefined && (token.kind === 'word' || token.kind === 'quoted-identifier');
}

/**
 * End (exclusive index) of a possibly qualified name starting at `start`: `a`, `dbo.t`,
 * `[db].[dbo].[t]`, `db..t`. Returns `start` when no name starts there.
 */
export function qualifiedNameEnd(tokens: readonly Token[], start: number): number {
  if (!isNameToken(tokens[start])) return start;
  let i = start + 1;
  while (isPunctuation(tokens[i], '.')) {
    let j = i + 1;
    while (isPunctuation(tokens[j], '.')) j++; // db..t
    if (!isNameToken(tokens[j])) break;
    i = j + 1;
  }
  return i;
}

/**
 * Words after which an expression (and so a function call) can begin. A name followed by `(`
 * elsewhere is a table, view, CTE or column list (`CREATE TABLE total (`, `INSERT total (a)`),
 * never a call, so function rules must not read it as one.
 */
const EXPRESSION_LEAD_WORDS = new Set([
  'SELECT', 'WHERE', 'AND', 'OR', 'NOT', 'THEN', 'ELSE', 'WHEN', 'DEFAULT', 'RETURN', 'BY', 'HAVING', 'CASE',
  'PRINT', 'DISTINCT', 'ALL', 'LIKE', 'BETWEEN', 'IF', 'WHILE', 'IS', 'IN', 'EXISTS', 'ANY', 'SOME',
]);

/** True when `tokens[index]` stands where an expression may start, judged by the token before it. */
export function isExpressionPosition(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  if (!previous) return false;
  if (previous.kind === 'operator') return true;
  if (previous.kind === 'punctuation') return previous.text === '(' || previous.text === ',';
  return previous.kind === 'word' && EXPRESSION_LEAD_WORDS.has(previous.upper);
}

/**
 * True when `tokens[index]` is an unqualified function call `name(`: a bare word, followed by
 * `(`, standing where an expression starts, and not a CTE declaration (`, name (a) AS (`).
 */
export function isFunctionCall(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (!token || token.kind !== 'word' || !isPunctuation(tokens[index + 1], '(')) return false;
  if (isPunctuation(tokens[index - 1], '.')) return false;
  if (!isExpressionPosition(tokens, index)) return false;
  const close = matchingParen(tokens, index + 1);
  if (close >= 0 && isWord(tokens[close + 1], 'AS') && isPunctuation(tokens[close + 2], '(')) return false;
  return true;
}

/** The source text from the start of `first` to the end of `last`. */
export function textBetween(text: string, first: Token, last: Token): string {
  return text.slice(first.start, last.end);
}

/**
 * An edit that deletes tokens[from..to] (inclusive) together with the blank space before
 * them on the same line, so `ADD COLUMN c` becomes `ADD c`, not `ADD  c`.
 */
export function removeTokensEdit(text: string, first: Token, last: Token): TextEdit {
  let start = first.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  // Keep one separator when the removed words stood at the start of a line.
  if (start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r') {
    let end = last.end;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    return { range: [first.start, end], text: '' };
  }
  return { range: [start, last.end], text: '' };
}

/** An edit that replaces one token's text. */
export function replaceTokenEdit(token: Token, replacement: string): TextEdit {
  return { range: [token.start, token.end], text: replacement };
}
