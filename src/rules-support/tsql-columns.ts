import type { Statement } from '../sql/statement.js';
import { directlyInsideParens } from '../sql/inside-parens.js';
import { memoizeLast, memoizeLastStatement } from '../sql/statement-memo.js';
import { isPunctuation, isWord, type Token } from '../sql/token.js';
import { forEachTopLevelPart, isNameToken, matchingParen, qualifiedNameEnd, splitTopLevel } from './tokens.js';

/**
 * Finds column definitions and data-type positions in T-SQL statements, so type rules judge
 * a word only where a type stands: `blob VARBINARY(MAX)` names a column `blob`, while
 * `data BLOB` declares SQLite's type. Results are cached per statement because several rules
 * ask about the same statement.
 */
export interface ColumnDefinition {
  /** The column name token and its index in `statement.tokens`. */
  name: Token;
  nameIndex: number;
  /** Index of the first type token; -1 for a computed column (`c AS (a + b)`) or no type. */
  typeStart: number;
  /** One past the last type token (type name words and the `( ... )` arguments). */
  typeEnd: number;
  /** One past the last token of the whole definition (before the `,` or `)` that ends it). */
  end: number;
}

/** Words that begin a table constraint or table index rather than a column. */
const TABLE_ELEMENT_KEYWORDS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK', 'INDEX', 'DEFAULT']);

/** Words that continue a type name: `DOUBLE PRECISION`, `CHAR VARYING`, `NATIONAL CHARACTER VARYING`. */
// A Map, not an object: indexing an object by a fresh (upper-cased) string looks it up in V8's string table first.
const TYPE_CONTINUATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['DOUBLE', ['PRECISION']],
  ['CHAR', ['VARYING']],
  ['CHARACTER', ['VARYING']],
  ['NCHAR', ['VARYING']],
  ['NATIONAL', ['CHAR', 'CHARACTER', 'TEXT']],
]);

/** Every column definition of a CREATE TABLE, ALTER TABLE ADD/ALTER COLUMN, table type or table variable. */
export const columnDefinitions: (statement: Statement) => ColumnDefinition[] = memoizeLastStatement((statement) =>
  findColumnDefinitions(statement.tokens, statement.kind),
);

function findColumnDefinitions(tokens: readonly Token[], kind: string): ColumnDefinition[] {
  const columns: ColumnDefinition[] = [];
  if (kind === 'create table') {
    const open = createTableListStart(tokens);
    if (open >= 0) addColumnList(tokens, open, columns);
  } else if (kind === 'alter table') {
    collectAlterTableColumns(tokens, columns);
  }
  // Table types and table variables: `AS TABLE (`, `@t TABLE (`.
  for (let i = 1; i < tokens.length - 1; i++) {
    // `upper` is '' for anything but a word: one string compare per token in this hot loop.
    if (tokens[i].upper !== 'TABLE' || !isWord(tokens[i], 'TABLE') || !isPunctuation(tokens[i + 1], '(')) continue;
    const before = tokens[i - 1];
    if (before.kind === 'variable' || isWord(before, 'AS')) addColumnList(tokens, i + 1, columns);
  }
  return columns;
}

/**
 * The column definitions of the element list whose `(` is at `open`: each element between
 * top-level commas, up to the matching `)`, parsed as it is cut (this runs for every CREATE TABLE).
 */
function addColumnList(tokens: readonly Token[], open: number, columns: ColumnDefinition[]): void {
  const close = matchingParen(tokens, open);
  forEachTopLevelPart(tokens, open + 1, close < 0 ? tokens.length : close, (start, end) => {
    const column = parseColumn(tokens, start, end);
    if (column) columns.push(column);
  });
}

/** Index of the `(` that opens CREATE TABLE's element list, or -1 (`CREATE TABLE t AS SELECT`). */
export function createTableListStart(tokens: readonly Token[]): number {
  let i = 1;
  while (i < tokens.length && !isWord(tokens[i], 'TABLE')) i++;
  i++;
  if (isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'NOT') && isWord(tokens[i + 2], 'EXISTS')) i += 3;
  const nameEnd = qualifiedNameEnd(tokens, i);
  if (nameEnd === i || !isPunctuation(tokens[nameEnd], '(')) return -1;
  return nameEnd;
}

function collectAlterTableColumns(tokens: readonly Token[], columns: ColumnDefinition[]): void {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (isPunctuation(token, '(')) depth++;
    else if (isPunctuation(token, ')')) depth--;
    if (depth !== 0 || token.kind !== 'word') continue;
    if (token.upper === 'ALTER' && isWord(tokens[i + 1], 'COLUMN')) {
      const end = tokens.length - (isPunctuation(tokens[tokens.length - 1], ';') ? 1 : 0);
      const column = parseColumn(tokens, i + 2, end);
      if (column) columns.push(column);
      return;
    }
    if (token.upper === 'ADD') {
      let start = i + 1;
      if (isWord(tokens[start], 'COLUMN')) start++;
      const end = tokens.length - (isPunctuation(tokens[tokens.length - 1], ';') ? 1 : 0);
      for (const [from, to] of splitTopLevel(tokens, start, end)) {
        const column = parseColumn(tokens, from, to);
        if (column) columns.push(column);
      }
      return;
    }
  }
}

function parseColumn(tokens: readonly Token[], start: number, end: number): ColumnDefinition | undefined {
  const name = tokens[start];
  if (!isNameToken(name) || start >= end) return undefined;
  if (name.kind === 'word' && TABLE_ELEMENT_KEYWORDS.has(name.upper)) return undefined;
  // PERIOD FOR SYSTEM_TIME (a, b) is a table element; a column may still be named `period`.
  if (isWord(name, 'PERIOD') && isWord(tokens[start + 1], 'FOR')) return undefined;
  const typeStart = start + 1;
  if (typeStart >= end || isWord(tokens[typeStart], 'AS') || !isNameToken(tokens[typeStart])) {
    return { name, nameIndex: start, typeStart: -1, typeEnd: typeStart, end };
  }
  return { name, nameIndex: start, typeStart, typeEnd: typeEnd(tokens, typeStart, end), end };
}

/** One past the last token of the type starting at `start`: name words, `schema.type`, `(args)`. */
export function typeEnd(tokens: readonly Token[], start: number, limit = tokens.length): number {
  let i = qualifiedNameEnd(tokens, start);
  let last = tokens[i - 1];
  while (i < limit && last.kind === 'word') {
    const continuations = TYPE_CONTINUATIONS.get(last.upper);
    const next = tokens[i];
    // isWord's test without its rest list (an array per call).
    if (!continuations || next.kind !== 'word' || !continuations.includes(next.upper)) break;
    last = tokens[i];
    i++;
  }
  if (i < limit && isPunctuation(tokens[i], '(')) {
    const close = matchingParen(tokens, i);
    if (close >= 0 && close < limit) i = close + 1;
  }
  return i;
}

const TYPE_OPENING_WORDS = new Set(['RETURNS', 'CAST', 'TRY_CAST', 'CONVERT', 'TRY_CONVERT']);

const ROUTINE_HEADERS = new Set([
  'create procedure', 'alter procedure', 'create function', 'alter function',
]);

/**
 * Indexes of the tokens where a data type begins in this statement: column definitions,
 * variable and parameter declarations, `RETURNS type`, `CAST(x AS type)`, `CONVERT(type, x)`.
 */
export const typePositions: (statement: Statement) => Set<number> = memoizeLastStatement((statement) => new Set(findTypePositions(statement)));

/**
 * typePositions in ascending order. Every type rule walks them in file order; sorting once per
 * statement for all of them spares each rule a copy and a sort.
 */
export const sortedTypePositions: (statement: Statement) => readonly number[] = memoizeLastStatement((statement) => {
  const found = findTypePositions(statement);
  // Found mostly in ascending order without repeats: then the list is the answer as it stands.
  for (let i = 1; i < found.length; i++) {
    if (found[i - 1] >= found[i]) return [...new Set(found)].sort((a, b) => a - b);
  }
  return found;
});

/** The answer for the many statements without a type: shared, so they allocate nothing. */
const NO_POSITIONS: readonly number[] = [];

/** The type positions in the order they are found, a position possibly more than once. */
function findTypePositions(statement: Statement): readonly number[] {
  let positions: number[] | undefined;
  const add = (position: number): void => {
    (positions ??= []).push(position);
  };
  const columns = columnDefinitions(statement);
  for (let c = 0; c < columns.length; c++) if (columns[c].typeStart >= 0) add(columns[c].typeStart);
  const tokens = statement.tokens;
  const declares = statement.kind === 'declare' || ROUTINE_HEADERS.has(statement.kind);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // Only a variable or one of these words can open a type position; most tokens are neither (a hot loop).
    if (token.kind === 'word' ? !TYPE_OPENING_WORDS.has(token.upper) : token.kind !== 'variable') continue;
    if (declares && token.kind === 'variable' && isDeclaredVariable(tokens, i)) {
      const type = isWord(tokens[i + 1], 'AS') ? i + 2 : i + 1;
      if (isNameToken(tokens[type]) && !isWord(tokens[type], 'TABLE', 'CURSOR')) add(type);
    } else if (isWord(token, 'RETURNS') && ROUTINE_HEADERS.has(statement.kind) && isNameToken(tokens[i + 1])) {
      if (!isWord(tokens[i + 1], 'TABLE')) add(i + 1);
    } else if (isWord(token, 'CAST', 'TRY_CAST') && isPunctuation(tokens[i + 1], '(')) {
      const as = lastTopLevelAs(tokens)[i + 1];
      if (as >= 0 && isNameToken(tokens[as + 1])) add(as + 1);
    } else if (isWord(token, 'CONVERT', 'TRY_CONVERT') && isPunctuation(tokens[i + 1], '(') && isNameToken(tokens[i + 2])) {
      add(i + 2);
    }
  }
  return positions ?? NO_POSITIONS;
}

/** `DECLARE @a INT, @b INT` and routine parameters, not `SET @a = 1` or `@a = @b` arguments. */
function isDeclaredVariable(tokens: readonly Token[], index: number): boolean {
  const before = tokens[index - 1];
  if (!before) return false;
  if (isWord(before, 'DECLARE')) return true;
  if (isPunctuation(before, ',') || isPunctuation(before, '(')) return true;
  // CREATE PROCEDURE p @a INT: the first parameter follows the procedure name.
  return isNameToken(before) && !isWord(before, 'SET', 'SELECT', 'EXEC', 'EXECUTE', 'PRINT', 'RETURN');
}

/**
 * For each `(` of a token list, the last AS directly inside its parentheses (not in a group
 * within them), or -1; an unclosed `(` runs to the end of the list. Made in one pass per list: a
 * scan of each CAST's parentheses made nested CASTs quadratic (32,000: 9.0 s).
 */
export const lastTopLevelAs = memoizeLast((tokens: readonly Token[]): Int32Array =>
  directlyInsideParens(tokens, (index) => isWord(tokens[index], 'AS'), 'last'),
);

/** The names of user-defined types a file creates (`CREATE TYPE dbo.Flag FROM BIT`), upper-cased. */
export function createdTypeName(statement: Statement): string | undefined {
  if (statement.kind !== 'create type') return undefined;
  const tokens = statement.tokens;
  const start = 2;
  const end = qualifiedNameEnd(tokens, start);
  if (end === start) return undefined;
  const last = tokens[end - 1];
  return (last.kind === 'quoted-identifier' ? (last.value ?? last.text) : last.text).toUpperCase();
}

/**
 * The upper-cased name of a one-token type: a bare word, or a bracketed name as SSMS scripts
 * types (`[varchar]`). Undefined for anything else.
 */
export function simpleTypeName(token: Token | undefined): string | undefined {
  if (!token || token.error) return undefined;
  if (token.kind === 'word') return token.upper;
  if (token.kind === 'quoted-identifier' && token.quote === '[') return (token.value ?? '').toUpperCase();
  return undefined;
}
