import { isPunctuation, isWord, type Token } from '../sql/token.js';
import type { OffsetRange } from './error-location.js';

/**
 * Seed data comes as `INSERT INTO t (...) VALUES (...), (...), ...` with thousands of rows, and
 * SQLite compiles every row: time, and engine memory about twenty times the statement's size,
 * which the WebAssembly engine never gives back. When every row is plain literals with as many
 * terms as the first, the rows after the first cannot change SQLite's answer: literals parse,
 * resolve no name and raise no error, and equal term counts leave only the first row's count to
 * be checked against the table. Such a statement is accepted when it is accepted with its
 * first row alone; when it is not, the whole statement is compiled as written, so every
 * problem is reported exactly as before.
 */

/**
 * The rows after the first: `start`..`end` is the part of the statement's text to leave out (from
 * the end of the first row to the end of the last), `tokens[from..to)` the same part as tokens.
 */
export interface LaterRows extends OffsetRange, SkippedTokens {}

/** Token indexes `[from, to)` that a walk over a statement's tokens reads past. */
export interface SkippedTokens {
  from: number;
  to: number;
}

/**
 * The index after `i` in a walk over a statement's tokens that reads past `skip`: from the token
 * before it straight to the one after it.
 */
export function indexAfter(i: number, skip: SkippedTokens | undefined): number {
  return skip !== undefined && i + 1 === skip.from ? skip.to : i + 1;
}

export function rowsAfterTheFirst(tokens: readonly Token[]): LaterRows | undefined {
  let i = 0;
  if (!isWord(tokens[i], 'INSERT', 'REPLACE')) return undefined;
  // The VALUES of the statement itself: at depth 0, not in a subquery, not DEFAULT VALUES.
  let depth = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i];
    if (isPunctuation(token, '(')) depth++;
    else if (isPunctuation(token, ')')) depth--;
    else if (depth === 0 && token.kind === 'word' && token.upper === 'VALUES') break;
  }
  if (i >= tokens.length || isWord(tokens[i - 1], 'DEFAULT')) return undefined;
  const firstEnd = literalRowEnd(tokens, i + 1);
  if (firstEnd === undefined) return undefined;
  const terms = termCount(tokens, i + 1, firstEnd);
  let lastEnd = firstEnd;
  while (isPunctuation(tokens[lastEnd + 1], ',')) {
    const rowEnd = literalRowEnd(tokens, lastEnd + 2);
    if (rowEnd === undefined || termCount(tokens, lastEnd + 2, rowEnd) !== terms) return undefined;
    lastEnd = rowEnd;
  }
  if (lastEnd === firstEnd) return undefined;
  return { start: tokens[firstEnd].end, end: tokens[lastEnd].end, from: firstEnd + 1, to: lastEnd + 1 };
}

/** Index of the `)` that closes the row of literals opening at `open`; undefined for any other row. */
function literalRowEnd(tokens: readonly Token[], open: number): number | undefined {
  if (!isPunctuation(tokens[open], '(')) return undefined;
  let i = open + 1;
  for (;;) {
    const token = tokens[i];
    if (token?.kind === 'operator' && (token.text === '-' || token.text === '+') && tokens[i + 1]?.kind === 'number') i++;
    if (!isPlainLiteral(tokens[i])) return undefined;
    i++;
    if (isPunctuation(tokens[i], ')')) return i;
    if (!isPunctuation(tokens[i], ',')) return undefined;
    i++;
  }
}

function termCount(tokens: readonly Token[], open: number, close: number): number {
  let count = 1;
  for (let i = open + 1; i < close; i++) if (isPunctuation(tokens[i], ',')) count++;
  return count;
}

/** Decimal numbers without digit separators (SQLite 3.46); hexadecimal can be too big. */
const PLAIN_NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const PLAIN_BLOB = /^[xX]'(?:[0-9a-fA-F]{2})*'$/;

/** A literal SQLite reads exactly as this lexer does: a decimal number, a 'string', a blob, NULL. */
function isPlainLiteral(token: Token | undefined): boolean {
  if (!token || token.error !== undefined) return false;
  switch (token.kind) {
    case 'number':
      return PLAIN_NUMBER.test(token.text);
    case 'string':
      return token.quote === "'" && token.text.startsWith("'");
    case 'blob':
      return PLAIN_BLOB.test(token.text);
    case 'word':
      return token.upper === 'NULL';
    default:
      return false;
  }
}
