import type { Statement } from '../sql/statement.js';
import { memoizeLastStatement } from '../sql/statement-memo.js';
import { isPunctuation, isWord, type Token } from '../sql/token.js';
import { isFunctionCall, matchingParen } from './tokens.js';

/**
 * SQL Server built-in functions that SQLite does not have, with the SQLite way to write each.
 * Names SQLite also has (coalesce, replace, substring, iif, concat, format, string_agg,
 * upper, trim, abs, round, max, min...) are deliberately absent: they are valid SQLite.
 */
export const TSQL_ONLY_FUNCTIONS: Readonly<Record<string, string>> = {
  GETDATE: "CURRENT_TIMESTAMP (UTC) or datetime('now', 'localtime')",
  GETUTCDATE: 'CURRENT_TIMESTAMP',
  SYSDATETIME: "CURRENT_TIMESTAMP (UTC) or strftime('%Y-%m-%d %H:%M:%f', 'now')",
  SYSUTCDATETIME: "CURRENT_TIMESTAMP or strftime('%Y-%m-%d %H:%M:%f', 'now')",
  SYSDATETIMEOFFSET: "strftime('%Y-%m-%d %H:%M:%f', 'now') || '+00:00'",
  CURRENT_TIMEZONE: "a fixed offset: SQLite's clock is UTC",
  NEWID: 'lower(hex(randomblob(16)))',
  NEWSEQUENTIALID: 'lower(hex(randomblob(16))), or an INTEGER PRIMARY KEY',
  ISNULL: 'ifnull(a, b) or coalesce(a, b)',
  LEN: 'length(x) (which also counts trailing spaces)',
  DATALENGTH: 'length(CAST(x AS BLOB))',
  CHARINDEX: 'instr(string, search) (arguments the other way round)',
  PATINDEX: 'instr() or LIKE/GLOB',
  DATEADD: "datetime(x, '+1 day') (date modifiers)",
  DATEDIFF: 'julianday(b) - julianday(a) (days) or unixepoch(b) - unixepoch(a) (seconds)',
  DATEDIFF_BIG: 'unixepoch(b) - unixepoch(a)',
  DATEPART: "strftime('%Y', x) and its other formats",
  DATENAME: "strftime() formats",
  DATEFROMPARTS: "date(printf('%04d-%02d-%02d', y, m, d))",
  DATETIMEFROMPARTS: "datetime(printf('%04d-%02d-%02d %02d:%02d:%02d', ...))",
  DATETIME2FROMPARTS: "datetime(printf(...))",
  SMALLDATETIMEFROMPARTS: "datetime(printf(...))",
  TIMEFROMPARTS: "time(printf('%02d:%02d:%02d', h, m, s))",
  DATETIMEOFFSETFROMPARTS: "datetime(printf(...))",
  EOMONTH: "date(x, 'start of month', '+1 month', '-1 day')",
  SWITCHOFFSET: "datetime(x, '+N hours')",
  TODATETIMEOFFSET: "datetime(x, '+N hours')",
  DATETRUNC: "date(x, 'start of month') and the other 'start of' modifiers",
  DATE_BUCKET: 'arithmetic on unixepoch(x)',
  CONVERT: 'CAST(x AS type)',
  TRY_CONVERT: 'CAST(x AS type)',
  TRY_CAST: 'CAST(x AS type)',
  PARSE: 'CAST(x AS type)',
  TRY_PARSE: 'CAST(x AS type)',
  SCOPE_IDENTITY: 'last_insert_rowid()',
  IDENT_CURRENT: "last_insert_rowid() or SELECT seq FROM sqlite_sequence WHERE name = 't'",
  IDENT_SEED: 'nothing: SQLite keys start at 1',
  IDENT_INCR: 'nothing: SQLite keys grow by 1',
  OBJECT_ID: "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 't'",
  OBJECT_NAME: 'sqlite_schema.name',
  OBJECT_SCHEMA_NAME: "'main'",
  OBJECTPROPERTY: 'sqlite_schema or PRAGMA table_info',
  COL_LENGTH: 'PRAGMA table_info',
  COL_NAME: 'PRAGMA table_info',
  COLUMNPROPERTY: 'PRAGMA table_info',
  DB_ID: 'PRAGMA database_list',
  DB_NAME: "'main' or PRAGMA database_list",
  SCHEMA_ID: "'main'",
  SCHEMA_NAME: "'main'",
  TYPE_ID: 'typeof(x)',
  TYPE_NAME: 'typeof(x)',
  USER_ID: 'a value from application code',
  USER_NAME: 'a value from application code',
  SUSER_SNAME: 'a value from application code',
  SUSER_SID: 'a value from application code',
  SUSER_NAME: 'a value from application code',
  ORIGINAL_LOGIN: 'a value from application code',
  HOST_NAME: 'a value from application code',
  APP_NAME: 'a value from application code',
  SESSION_CONTEXT: 'a value from application code',
  ISNUMERIC: "typeof(x) IN ('integer', 'real')",
  ISDATE: 'julianday(x) IS NOT NULL',
  ISJSON: 'json_valid(x)',
  JSON_VALUE: "json_extract(x, '$.path')",
  JSON_QUERY: "json_extract(x, '$.path')",
  JSON_MODIFY: "json_set(x, '$.path', value)",
  OPENJSON: 'json_each(x) or json_tree(x)',
  STUFF: 'substr(x, 1, start - 1) || new || substr(x, start + length)',
  REPLICATE: "replace(printf('%.*c', n, 'x'), 'x', s)",
  SPACE: "printf('%*s', n, '')",
  REVERSE: 'a recursive CTE or application code',
  LEFT: 'substr(x, 1, n)',
  RIGHT: 'substr(x, -n)',
  STR: "printf('%.2f', x)",
  STRING_SPLIT: 'json_each() over a JSON array, or a recursive CTE',
  STRING_ESCAPE: 'replace() or json_quote()',
  TRANSLATE: 'nested replace() calls',
  QUOTENAME: 'quote(x) or "..." quoting',
  CHOOSE: 'CASE n WHEN 1 THEN a WHEN 2 THEN b END',
  RAND: 'abs(random()) / 9223372036854775807.0',
  SQUARE: 'x * x',
  ATN2: 'atan2(y, x)',
  COT: '1 / tan(x)',
  GREATEST: 'max(a, b, ...) (the multi-argument form)',
  LEAST: 'min(a, b, ...) (the multi-argument form)',
  COUNT_BIG: 'count(...)',
  STDEV: 'an aggregate in application code',
  STDEVP: 'an aggregate in application code',
  VAR: 'an aggregate in application code',
  VARP: 'an aggregate in application code',
  CHECKSUM_AGG: 'an aggregate in application code',
  GROUPING_ID: 'separate GROUP BY queries (SQLite has no GROUPING SETS)',
  APPROX_COUNT_DISTINCT: 'count(DISTINCT x)',
  CHECKSUM: 'hex(x) or an application-side hash',
  BINARY_CHECKSUM: 'hex(x) or an application-side hash',
  HASHBYTES: 'an application-side hash (or the sha3 extension)',
  COMPRESS: 'application code',
  DECOMPRESS: 'application code',
  FORMATMESSAGE: 'printf(format, ...)',
  NCHAR: 'char(code)',
  ASCII: 'unicode(x)',
  DIFFERENCE: 'application code',
  ROWCOUNT_BIG: 'changes()',
  ERROR_MESSAGE: 'application error handling',
  ERROR_NUMBER: 'application error handling',
  ERROR_LINE: 'application error handling',
  ERROR_SEVERITY: 'application error handling',
  ERROR_STATE: 'application error handling',
  ERROR_PROCEDURE: 'application error handling',
  XACT_STATE: 'application error handling',
};

const FUNCTION_NAMES = new Set(Object.keys(TSQL_ONLY_FUNCTIONS));

/** T-SQL's current-time functions: `DEFAULT GETDATE()` is SQLite's `DEFAULT CURRENT_TIMESTAMP`. */
export const CURRENT_TIME_FUNCTIONS = new Set(['GETDATE', 'GETUTCDATE', 'SYSDATETIME', 'SYSUTCDATETIME']);

/** Where a call stands decides when SQLite notices the missing function. */
export type CallContext =
  | 'immediate' // prepared now: queries, DML, CHECK, generated columns, index expressions
  | 'bare-default' // DEFAULT f() without parentheses: a syntax error
  | 'default' // DEFAULT (f()): evaluated on each insert that needs it
  | 'view' // evaluated when the view is queried
  | 'trigger' // evaluated when the trigger fires
  | 'condition'; // the condition of a T-SQL IF/WHILE: the whole statement is no-tsql-control-flow's

export interface TsqlFunctionCall {
  /** Index of the function name in `statement.tokens`. */
  index: number;
  name: Token;
  /** Index of the `)` closing the argument list, or -1. */
  close: number;
  context: CallContext;
  /** For DEFAULT (...): index of the `(` after DEFAULT and of its `)`. */
  defaultGroup?: [number, number];
}

/** Every call of a T-SQL-only function in the statement, with the context SQLite meets it in. Several rules ask. */
export const tsqlFunctionCalls: (statement: Statement) => TsqlFunctionCall[] = memoizeLastStatement(findCalls);

function findCalls(statement: Statement): TsqlFunctionCall[] {
  const tokens = statement.tokens;
  const calls: TsqlFunctionCall[] = [];
  const statementContext: CallContext =
    statement.kind === 'create view' ? 'view' : statement.kind === 'create trigger' ? 'trigger' : 'immediate';
  const hasDefaults = statement.kind === 'create table' || statement.kind === 'alter table';
  let defaultGroup: [number, number] | undefined;
  const conditionEnd = controlFlowConditionEnd(tokens);
  for (let i = 0; i < tokens.length; i++) {
    if (defaultGroup && i > defaultGroup[1]) defaultGroup = undefined;
    const token = tokens[i];
    if (token.kind !== 'word') continue;
    if (hasDefaults && token.upper === 'DEFAULT' && isPunctuation(tokens[i + 1], '(')) {
      const close = matchingParen(tokens, i + 1);
      if (close > 0) defaultGroup = [i + 1, close];
      continue;
    }
    if (!FUNCTION_NAMES.has(token.upper)) continue;
    if (!isFunctionCall(tokens, i)) continue;
    const close = matchingParen(tokens, i + 1);
    let context: CallContext = statementContext;
    if (i < conditionEnd) context = 'condition';
    else if (isWord(tokens[i - 1], 'DEFAULT')) context = 'bare-default';
    else if (defaultGroup) context = 'default';
    calls.push({ index: i, name: token, close, context, defaultGroup: context === 'default' ? defaultGroup : undefined });
  }
  return calls;
}

/** Words that end the condition of `IF <condition> <statement>`. */
const CONDITION_ENDS = new Set([
  'DROP', 'BEGIN', 'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'ALTER', 'SET', 'PRINT', 'EXEC', 'EXECUTE',
  'RETURN', 'BREAK', 'CONTINUE', 'RAISERROR', 'THROW', 'TRUNCATE', 'DECLARE', 'IF', 'WHILE', 'GOTO',
]);

/**
 * For a statement that starts with T-SQL's IF or WHILE, the index just past its condition
 * (`IF OBJECT_ID('t') IS NOT NULL` in front of `DROP TABLE t`); 0 otherwise. The function
 * calls of that condition belong to the IF, which no-tsql-control-flow reports as a whole.
 */
function controlFlowConditionEnd(tokens: readonly Token[]): number {
  if (!isWord(tokens[0], 'IF', 'WHILE')) return 0;
  let depth = 0;
  for (let i = 1; i < tokens.length; i++) {
    if (isPunctuation(tokens[i], '(')) depth++;
    else if (isPunctuation(tokens[i], ')')) depth--;
    else if (depth === 0 && tokens[i].kind === 'word' && CONDITION_ENDS.has(tokens[i].upper)) return i;
  }
  return tokens.length;
}
