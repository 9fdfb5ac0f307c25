import type { Token } from '../sql/token.js';
import type { CreateIndexNode, CreateViewNode, ExpressionNode, IfNode, InsertNode, RoutineHeaderNode } from './ast.js';
import { RESERVED, TsqlSyntaxError, type TokenCursor } from './cursor.js';
import { parseDataType } from './data-type.js';
import { parseExpression, parseScalarExpression, type ExpressionOptions } from './expression.js';
import { parseName } from './names.js';
import { parseCommonTableExpressions, parseQueryExpression } from './query.js';
import { parseIndexColumns, parseIndexOptionsAndStorage, parseNameList, parseTableElementList } from './table.js';

/**
 * The schema statements other than tables: indexes, views, routine headers, seed inserts,
 * and the IF guards around them.
 */

/** `CREATE [UNIQUE] [CLUSTERED | NONCLUSTERED] [COLUMNSTORE] INDEX ix ON t (cols) [INCLUDE] [WHERE] [WITH] [ON]`. */
export function parseCreateIndex(c: TokenCursor, options: ExpressionOptions): CreateIndexNode {
  const first = c.expectWord('CREATE');
  const unique = c.acceptWord('UNIQUE');
  let clustered: boolean | undefined;
  if (c.acceptWord('CLUSTERED')) clustered = true;
  else if (c.acceptWord('NONCLUSTERED')) clustered = false;
  const columnstore = c.acceptWord('COLUMNSTORE');
  c.expectWord('INDEX');
  const name = c.expectIdentifier();
  c.expectWord('ON');
  const table = parseName(c);
  const node: CreateIndexNode = { kind: 'create index', first, last: first, name, table, unique, columns: [], include: [] };
  if (clustered !== undefined) node.clustered = clustered;
  if (columnstore) {
    if (c.at('(')) node.columns = parseIndexColumns(c);
    if (c.acceptWord('ORDER')) parseNameList(c);
  } else {
    node.columns = parseIndexColumns(c);
    if (c.acceptWord('INCLUDE')) node.include = parseNameList(c);
  }
  if (c.acceptWord('WHERE')) node.where = parseExpression(c, options);
  parseIndexOptionsAndStorage(c);
  if (c.acceptWord('FILESTREAM_ON')) c.next();
  if (!c.done) throw c.error();
  node.last = c.previous!;
  return node;
}

/** `CREATE [OR ALTER] VIEW v [(cols)] [WITH SCHEMABINDING, ...] AS SELECT ... [WITH CHECK OPTION]`. */
export function parseCreateView(c: TokenCursor, strict?: ExpressionOptions): CreateViewNode {
  const first = c.next(); // CREATE or ALTER
  if (c.acceptWord('OR')) c.expectWord('ALTER');
  c.expectWord('VIEW');
  const name = parseName(c);
  const columns = c.at('(') ? parseNameList(c) : undefined;
  if (c.acceptWord('WITH')) {
    c.expectWord('SCHEMABINDING', 'ENCRYPTION', 'VIEW_METADATA');
    while (c.accept(',')) c.expectWord('SCHEMABINDING', 'ENCRYPTION', 'VIEW_METADATA');
  }
  c.expectWord('AS');
  const queryFirst = c.peek();
  if (!queryFirst) throw c.error();
  if (!c.atWord('SELECT', 'WITH') && !c.at('(')) throw c.error();
  if (strict) {
    // The validator judges the SELECT; the model builder only needs its text.
    if (c.atWord('WITH')) parseCommonTableExpressions(c, strict);
    parseQueryExpression(c, strict);
    if (c.atWords('WITH', 'CHECK', 'OPTION')) c.pos += 3;
    if (!c.done) throw c.error();
  } else checkBalanced(c);
  return { kind: 'create view', first, last: c.previous!, name, columns, query: { first: queryFirst, last: c.previous! } };
}

/**
 * Consumes the rest of the statement, requiring balanced parentheses: the structural check
 * applied to SELECT bodies, whose full grammar this project does not judge.
 */
export function checkBalanced(c: TokenCursor): void {
  // A count of open parentheses: which `(` is unclosed never matters, the error is at the end.
  let open = 0;
  while (!c.done) {
    const token = c.next();
    if (token.kind !== 'punctuation') continue;
    if (token.text === '(') open++;
    else if (token.text === ')' && open-- === 0) throw new TsqlSyntaxError(token);
  }
  if (open > 0) throw c.error();
}

/**
 * A procedure, function or trigger header up to its AS (the splitter cuts the body off
 * there): name, parameters, RETURNS, WITH options, a trigger's table and events.
 */
export function parseRoutineHeader(c: TokenCursor, options: ExpressionOptions): RoutineHeaderNode {
  const first = c.next(); // CREATE or ALTER
  if (c.acceptWord('OR')) c.expectWord('ALTER');
  const word = c.expectWord('PROCEDURE', 'PROC', 'FUNCTION', 'TRIGGER');
  const routine = word.upper === 'FUNCTION' ? 'function' : word.upper === 'TRIGGER' ? 'trigger' : 'procedure';
  const name = parseName(c);
  const node: RoutineHeaderNode = { kind: 'create routine', routine, name, first, last: name.last };
  if (routine === 'trigger') {
    c.expectWord('ON');
    if (c.acceptWord('DATABASE')) {
      // DDL trigger
    } else if (c.acceptWord('ALL')) c.expectWord('SERVER');
    else node.table = parseName(c);
    parseRoutineOptions(c);
    if (c.acceptWord('INSTEAD')) c.expectWord('OF');
    else c.expectWord('FOR', 'AFTER');
    do c.expectIdentifierOrKeyword();
    while (c.accept(','));
    if (c.atWords('WITH', 'APPEND')) c.pos += 2;
    if (c.atWords('NOT', 'FOR', 'REPLICATION')) c.pos += 3;
  } else if (routine === 'procedure') {
    if (c.accept(';')) c.next(); // numbered procedure: p;2
    const parenthesized = c.accept('(');
    if (c.peek()?.kind === 'variable') {
      do parseParameter(c, options);
      while (c.accept(','));
    }
    if (parenthesized) c.expect(')');
    parseRoutineOptions(c);
    if (c.atWords('FOR', 'REPLICATION')) c.pos += 2;
  } else {
    c.expect('(');
    if (c.peek()?.kind === 'variable') {
      do parseParameter(c, options);
      while (c.accept(','));
    }
    c.expect(')');
    c.expectWord('RETURNS');
    if (c.peek()?.kind === 'variable') {
      c.next();
      c.expectWord('TABLE');
      parseTableElementList(c, options);
    } else if (c.acceptWord('TABLE')) {
      if (c.at('(')) parseTableElementList(c, options); // a CLR table-valued function's columns
    } else parseDataType(c);
    parseRoutineOptions(c);
  }
  c.acceptWord('AS');
  if (!c.done) throw c.error();
  node.last = c.previous ?? node.last;
  return node;
}

/** `@p [AS] type [VARYING] [NULL | NOT NULL] [= default] [OUT | OUTPUT] [READONLY]`. */
function parseParameter(c: TokenCursor, options: ExpressionOptions): void {
  const name = c.next();
  if (name.kind !== 'variable') throw new TsqlSyntaxError(name);
  c.acceptWord('AS');
  parseDataType(c);
  c.acceptWord('VARYING');
  if (!c.acceptWord('NULL')) c.acceptWords('NOT', 'NULL');
  if (c.accept('=')) parseScalarExpression(c, options);
  c.acceptWord('OUT', 'OUTPUT');
  c.acceptWord('READONLY');
}

/** `WITH ENCRYPTION, RECOMPILE, EXECUTE AS OWNER, SCHEMABINDING, RETURNS NULL ON NULL INPUT, INLINE = OFF, ...`. */
function parseRoutineOptions(c: TokenCursor): void {
  if (!c.atWord('WITH') || c.peek(1)?.upper === 'APPEND') return;
  c.next();
  do {
    if (c.acceptWord('EXECUTE', 'EXEC')) {
      c.expectWord('AS');
      const who = c.next();
      if (who.kind !== 'string' && who.kind !== 'word') throw new TsqlSyntaxError(who);
    } else if (c.acceptWords('RETURNS', 'NULL', 'ON', 'NULL', 'INPUT') || c.acceptWords('CALLED', 'ON', 'NULL', 'INPUT')) {
      continue;
    } else if (c.acceptWord('INLINE')) {
      c.expect('=');
      c.expectWord('ON', 'OFF');
    } else {
      c.expectWord('ENCRYPTION', 'RECOMPILE', 'SCHEMABINDING', 'NATIVE_COMPILATION', 'VIEW_METADATA');
    }
  } while (c.accept(','));
}

/** Reserved words that may follow INSERT (INTO, as in nearly every insert, is one). */
const RESERVED_AFTER_INSERT: ReadonlySet<string> = new Set(['INTO', 'TOP', 'OPENQUERY', 'OPENROWSET', 'OPENDATASOURCE']);

/** `INSERT [INTO] t [(cols)] VALUES (...), (...)`; other INSERT forms give a node without rows. */
export function parseInsert(c: TokenCursor, options: ExpressionOptions): InsertNode | undefined {
  const first = c.expectWord('INSERT');
  const next = c.peek();
  if (!next) throw c.error();
  // INSERT OR IGNORE (SQLite) and other reserved words cannot follow INSERT.
  if (next.kind === 'word' && RESERVED.has(next.upper) && !RESERVED_AFTER_INSERT.has(next.upper)) {
    throw c.error();
  }
  c.acceptWord('INTO');
  if (!c.atIdentifier()) return undefined; // INSERT TOP (n), INSERT @table_variable ...: not seed data
  const table = parseName(c);
  const node: InsertNode = { kind: 'insert', first, last: first, table, columns: [] };
  if (c.atWord('WITH') && c.peek(1)?.text === '(') {
    c.next();
    c.skipParenthesized();
  }
  const afterParenthesis = c.peek(1);
  if (c.at('(') && !(afterParenthesis?.kind === 'word' && (afterParenthesis.upper === 'SELECT' || afterParenthesis.upper === 'WITH'))) {
    node.columns = parseNameList(c);
  }
  if (!c.atWord('VALUES')) return undefined;
  node.valuesKeyword = c.next();
  const rows: ExpressionNode[][] = [];
  do {
    c.expect('(');
    const row = [parseExpression(c, options)];
    while (c.accept(',')) row.push(parseExpression(c, options));
    c.expect(')');
    rows.push(row);
  } while (c.accept(','));
  if (!c.done) throw c.error();
  node.rows = rows;
  node.last = c.previous!;
  return node;
}

/**
 * `IF OBJECT_ID(N'dbo.t', N'U') IS NULL`, `IF NOT EXISTS (SELECT ...)`, `IF (OBJECT_ID(...) IS NULL)`:
 * guards that create what follows only when it is missing.
 */
export function parseIf(c: TokenCursor, options: ExpressionOptions): IfNode {
  const first = c.expectWord('IF');
  const conditionStart = c.pos;
  parseExpression(c, options);
  return { kind: 'if', first, last: c.previous!, guardsCreation: isCreationGuard(c.tokens, conditionStart, c.pos) };
}

/**
 * The condition in tokens[start, end) tests for a missing object: `NOT EXISTS (...)` after any
 * opening parentheses, or (parentheses aside) at least three tokens starting with a word and
 * ending in `IS NULL`. Read in place: a copy of every IF's condition was most of parseIf.
 */
function isCreationGuard(tokens: readonly Token[], start: number, end: number): boolean {
  let i = start;
  while (i < end && tokens[i].text === '(') i++;
  if (i < end && tokens[i].upper === 'NOT' && i + 1 < end && tokens[i + 1].upper === 'EXISTS') return true;
  let firstIndex = start;
  while (firstIndex < end && isParenthesis(tokens[firstIndex])) firstIndex++;
  let lastIndex = end - 1;
  while (lastIndex >= start && isParenthesis(tokens[lastIndex])) lastIndex--;
  let beforeLast = lastIndex - 1;
  while (beforeLast >= start && isParenthesis(tokens[beforeLast])) beforeLast--;
  // Three tokens or more: the first comes before the last two.
  if (beforeLast < start || firstIndex >= beforeLast) return false;
  return tokens[beforeLast].upper === 'IS' && tokens[lastIndex].upper === 'NULL' && tokens[firstIndex].kind === 'word';
}

function isParenthesis(token: Token): boolean {
  return token.kind === 'punctuation' && (token.text === '(' || token.text === ')');
}
