import { identifierName, isPunctuation, type Token } from '../sql/token.js';

/** One statement as the engine saw it: its text and where that text sits in the file. */
export interface EngineStatement {
  /** Significant tokens, with offsets into the file. */
  tokens: readonly Token[];
  /** The statement's text: the file from the first token's start to the last token's end. */
  text: string;
  /** File offset of `text[0]`. */
  offset: number;
}

export interface OffsetRange {
  start: number;
  end: number;
}

/** SQLite's parser messages: they name the token where parsing stopped. */
const NEAR = /^near "([\s\S]*)": syntax error$/;
const UNRECOGNIZED = /^unrecognized token: "([\s\S]*)"$/;

/** Messages that name an object or column, and which part of the message is the name. */
const NAMED: { pattern: RegExp; occurrence?: 'second'; call?: boolean }[] = [
  { pattern: /^no such (?:table|view|index|trigger|module|collation sequence|savepoint): (.+)$/ },
  { pattern: /^no such function: (.+)$/, call: true },
  { pattern: /^wrong number of arguments to function (.+)\(\)$/, call: true },
  { pattern: /^no such column: (.+)$/ },
  { pattern: /^ambiguous column name: (.+)$/ },
  { pattern: /^(?:table|index|view|trigger) (.+) already exists$/ },
  { pattern: /^duplicate column name: (.+)$/, occurrence: 'second' },
  { pattern: /^table .+ has no column named (.+)$/ },
  { pattern: /^unknown database (.+)$/ },
  { pattern: /^unknown datatype for .+: "(.+)"$/ },
  { pattern: /^object name reserved for internal use: (.+)$/ },
  { pattern: /^cannot (?:create|drop|modify) .+ (?:on|of) (?:table|view) (.+)$/ },
];

/**
 * Finds the place in the file that an SQLite error message is about.
 *
 * The library at hand (sql.js) does not expose `sqlite3_error_offset()`, so the place is
 * recovered from the message. For parser errors SQLite names the token it stopped at; when
 * that text occurs more than once, the occurrence is found by asking SQLite again: a prefix
 * of the statement that ends with the offending occurrence fails with the very same message,
 * a prefix that ends with an earlier occurrence does not (the parser had not failed yet), so
 * a binary search over the occurrences finds it with a few cheap prepares.
 */
export function locateError(
  statement: EngineStatement,
  message: string,
  failsWith: (sql: string) => string | undefined,
): OffsetRange {
  const near = NEAR.exec(message) ?? UNRECOGNIZED.exec(message);
  if (near) {
    const found = locateParserToken(statement, near[1], message, failsWith);
    if (found) return found;
  }
  if (message === 'incomplete input') return tokenRange(statement.tokens[statement.tokens.length - 1]);
  for (const { pattern, occurrence, call } of NAMED) {
    const match = pattern.exec(message);
    if (!match) continue;
    const token = findName(statement.tokens, match[1], occurrence === 'second' ? 2 : 1, call === true);
    if (token) return tokenRange(token);
  }
  const quoted = /"([^"]+)"/.exec(message);
  const fallback = quoted ? findName(statement.tokens, quoted[1], 1, false) : findLastWordOf(statement.tokens, message);
  return tokenRange(fallback ?? statement.tokens[0]);
}

function locateParserToken(
  statement: EngineStatement,
  tokenText: string,
  message: string,
  failsWith: (sql: string) => string | undefined,
): OffsetRange | undefined {
  if (tokenText === '') return undefined;
  const candidates: number[] = [];
  for (let at = statement.text.indexOf(tokenText); at >= 0; at = statement.text.indexOf(tokenText, at + 1)) {
    if (isWholeToken(statement.text, at, tokenText)) candidates.push(at);
  }
  if (candidates.length === 0) return undefined;
  // The smallest candidate whose prefix fails the same way; the predicate is monotonic.
  let low = 0;
  let high = candidates.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const prefix = statement.text.slice(0, candidates[mid] + tokenText.length);
    if (failsWith(prefix) === message) {
      found = mid;
      high = mid - 1;
    } else {
      low = mid + 1;
    }
  }
  const at = candidates[found >= 0 ? found : 0];
  // An unrecognized token can run to the end of the input (an unterminated string): keep the
  // range to its first line so the report stays readable.
  const lineBreak = /[\r\n]/.exec(tokenText);
  const length = lineBreak ? lineBreak.index : tokenText.length;
  return { start: statement.offset + at, end: statement.offset + at + Math.max(1, length) };
}

const WORD_CHAR = /[\p{L}\p{N}_$]/u;
const OPERATOR_CHAR = /[=<>|&!*/%+\-~]/;

/**
 * True when `text` at `at` is the token SQLite named and not the start or the middle of a
 * longer token: cutting the statement there must give SQLite the same token.
 */
function isWholeToken(text: string, at: number, token: string): boolean {
  const first = token[0];
  const last = token[token.length - 1];
  const before = at > 0 ? text[at - 1] : '';
  const after = text[at + token.length] ?? '';
  if (WORD_CHAR.test(first) && before !== '' && WORD_CHAR.test(before)) return false;
  if (WORD_CHAR.test(last) && after !== '' && WORD_CHAR.test(after)) return false;
  if (OPERATOR_CHAR.test(last) && after !== '' && OPERATOR_CHAR.test(after)) return false;
  if (OPERATOR_CHAR.test(first) && before !== '' && OPERATOR_CHAR.test(before)) return false;
  if ((last === "'" || last === '"') && after === last) return false;
  return true;
}

/** The n-th token that names `name` (an identifier, or a string used as one), case-insensitively. */
function findName(tokens: readonly Token[], rawName: string, nth: number, call: boolean): Token | undefined {
  const parts = splitQualifiedName(rawName);
  const name = parts[parts.length - 1].toLowerCase();
  const qualifier = parts.length > 1 ? parts[parts.length - 2].toLowerCase() : undefined;
  let seen = 0;
  let firstMatch: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'word' && token.kind !== 'quoted-identifier' && token.kind !== 'string') continue;
    const tokenName = (token.kind === 'string' ? (token.value ?? '') : identifierName(token)).toLowerCase();
    if (tokenName !== name) continue;
    if (call && !isPunctuation(tokens[i + 1], '(')) continue;
    if (qualifier !== undefined && !hasQualifier(tokens, i, qualifier) && !isSchemaName(qualifier)) continue;
    firstMatch ??= token;
    seen++;
    if (seen === nth) return token;
  }
  return firstMatch;
}

/** `main.t`, `t.c`, `main.t.c`: SQLite prints qualified names with dots. */
function splitQualifiedName(name: string): string[] {
  const trimmed = name.trim().replace(/^"(.*)"$/, '$1');
  return trimmed.split('.').filter((part) => part !== '');
}

function hasQualifier(tokens: readonly Token[], index: number, qualifier: string): boolean {
  const dot = tokens[index - 1];
  const owner = tokens[index - 2];
  return isPunctuation(dot, '.') && owner !== undefined && identifierName(owner).toLowerCase() === qualifier;
}

function isSchemaName(name: string): boolean {
  return name === 'main' || name === 'temp';
}

/** Last resort: the last word of the message that is also a token of the statement. */
function findLastWordOf(tokens: readonly Token[], message: string): Token | undefined {
  const words = message.split(/[^\p{L}\p{N}_$]+/u).filter((word) => word.length > 1);
  for (let i = words.length - 1; i >= 0; i--) {
    const token = findName(tokens, words[i], 1, false);
    if (token && token.kind !== 'word') return token;
    if (token && !/^(table|column|index|view|trigger|no|such|on|of|the)$/i.test(words[i])) return token;
  }
  return undefined;
}

function tokenRange(token: Token): OffsetRange {
  return { start: token.start, end: token.end };
}
