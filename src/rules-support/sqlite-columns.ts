import type { Statement } from '../sql/statement.js';
import { memoizeLastStatement } from '../sql/statement-memo.js';
import { isPunctuation, isWord, type Token } from '../sql/token.js';
import { isNameToken, matchingParen, qualifiedNameEnd, splitTopLevel } from './tokens.js';

/**
 * Column definitions as SQLite reads them. SQLite's type name is every name word after the
 * column name up to the first column-constraint keyword, then an optional `(n)` or `(n, m)`:
 * so `id INT IDENTITY(1,1) PRIMARY KEY` declares the type "INT IDENTITY" with arguments (1,1),
 * while in `id INT PRIMARY KEY IDENTITY(1,1)` the IDENTITY stands among the constraints,
 * where SQLite rejects it. Rules about types and column options work from this reading.
 */
export interface SqliteColumn {
  /** Index of the column name in `statement.tokens`. */
  nameIndex: number;
  /** Index of the first type-name word; equals `typeNameEnd` when the column has no type. */
  typeStart: number;
  /** One past the last type-name word. */
  typeNameEnd: number;
  /** One past the `)` of the type's arguments, or `typeNameEnd` when there are none. */
  typeEnd: number;
  /** One past the last token of the definition (before the `,` or `)` that ends it). */
  end: number;
}

/** Words that end SQLite's type name: they begin a column constraint. */
const CONSTRAINT_KEYWORDS = new Set([
  'CONSTRAINT', 'PRIMARY', 'NOT', 'NULL', 'UNIQUE', 'CHECK', 'DEFAULT', 'COLLATE', 'REFERENCES', 'GENERATED', 'AS',
]);

/** Words that begin a table element that is not a column (T-SQL adds inline INDEX). */
const TABLE_ELEMENT_KEYWORDS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN', 'INDEX']);

/** The column definitions of a CREATE TABLE or of an ALTER TABLE ... ADD [COLUMN]. Several rules ask. */
export const sqliteColumns: (statement: Statement) => SqliteColumn[] = memoizeLastStatement(findColumns);

function findColumns(statement: Statement): SqliteColumn[] {
  const tokens = statement.tokens;
  const end = isPunctuation(tokens[tokens.length - 1], ';') ? tokens.length - 1 : tokens.length;
  const columns: SqliteColumn[] = [];
  if (statement.kind === 'create table') {
    const open = createTableListStart(tokens);
    if (open < 0) return columns;
    const close = matchingParen(tokens, open);
    for (const [from, to] of splitTopLevel(tokens, open + 1, close < 0 ? end : close)) {
      const column = parseColumn(tokens, from, to);
      if (column) columns.push(column);
    }
  } else if (statement.kind === 'alter table') {
    const add = alterTableAddIndex(tokens);
    if (add < 0) return columns;
    const start = isWord(tokens[add + 1], 'COLUMN') ? add + 2 : add + 1;
    for (const [from, to] of splitTopLevel(tokens, start, end)) {
      const column = parseColumn(tokens, from, to);
      if (column) columns.push(column);
    }
  }
  return columns;
}

/** Index of the `(` opening CREATE TABLE's element list; -1 for `CREATE TABLE t AS SELECT`. */
export function createTableListStart(tokens: readonly Token[]): number {
  let i = 1;
  while (i < tokens.length && !isWord(tokens[i], 'TABLE')) i++;
  i++;
  if (isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'NOT') && isWord(tokens[i + 2], 'EXISTS')) i += 3;
  const nameEnd = qualifiedNameEnd(tokens, i);
  if (nameEnd === i || !isPunctuation(tokens[nameEnd], '(')) return -1;
  return nameEnd;
}

/** Index of ADD in `ALTER TABLE name ADD ...`, or -1. */
export function alterTableAddIndex(tokens: readonly Token[]): number {
  if (!isWord(tokens[1], 'TABLE')) return -1;
  const nameEnd = qualifiedNameEnd(tokens, 2);
  return isWord(tokens[nameEnd], 'ADD') ? nameEnd : -1;
}

function parseColumn(tokens: readonly Token[], start: number, end: number): SqliteColumn | undefined {
  const name = tokens[start];
  if (start >= end || !isNameToken(name)) return undefined;
  if (name.kind === 'word' && TABLE_ELEMENT_KEYWORDS.has(name.upper)) return undefined;
  let i = start + 1;
  while (i < end && isTypeWord(tokens[i])) i++;
  const typeNameEnd = i;
  let typeEnd = typeNameEnd;
  if (typeNameEnd > start + 1 && isPunctuation(tokens[typeNameEnd], '(')) {
    const close = matchingParen(tokens, typeNameEnd);
    if (close >= 0 && close < end) typeEnd = close + 1;
  }
  return { nameIndex: start, typeStart: start + 1, typeNameEnd, typeEnd, end };
}

function isTypeWord(token: Token): boolean {
  if (token.kind === 'quoted-identifier' || token.kind === 'string') return true;
  return token.kind === 'word' && !CONSTRAINT_KEYWORDS.has(token.upper);
}

/** The type name as SQLite stores it: the type words joined by single spaces, quotes removed. */
export function declaredTypeName(tokens: readonly Token[], column: SqliteColumn): string {
  const words: string[] = [];
  for (let i = column.typeStart; i < column.typeNameEnd; i++) {
    const token = tokens[i];
    words.push(token.kind === 'word' ? token.text : (token.value ?? token.text));
  }
  return words.join(' ');
}

export type SqliteAffinity = 'INTEGER' | 'TEXT' | 'BLOB' | 'REAL' | 'NUMERIC';

/** SQLite's column affinity rules (datatype3.html, section 3.1), applied in their order. */
export function affinityOf(typeName: string): SqliteAffinity {
  const upper = typeName.toUpperCase();
  if (upper.includes('INT')) return 'INTEGER';
  if (upper.includes('CHAR') || upper.includes('CLOB') || upper.includes('TEXT')) return 'TEXT';
  if (upper.includes('BLOB') || upper.trim() === '') return 'BLOB';
  if (upper.includes('REAL') || upper.includes('FLOA') || upper.includes('DOUB')) return 'REAL';
  return 'NUMERIC';
}
