import type { Dialect } from '../sql/dialect.js';

/**
 * Built-in functions convert knows in each direction. A function is translated only when the
 * target computes the same value for every input convert can think of; anything else is
 * "unsupported" and the object holding it is reported, never written with a guess.
 * CAST and CONVERT are handled by the expression translator, which maps their type.
 */
export interface FunctionCall {
  /** The name as written. */
  name: string;
  /** Translated arguments, trimmed. */
  args: string[];
  /**
   * Each argument's source text upper-cased without whitespace, its parenthesised groups left
   * out: `'NOW'`, `16`, `RANDOMBLOB(…)`. The handlers compare arguments with literals only, and
   * the whole text of every argument of every nested call grew with the square of the depth.
   */
  signatures: string[];
}

export type CallResult = { text: string } | { unsupported: string };

type Handler = (call: FunctionCall) => CallResult;

const ok = (text: string): CallResult => ({ text });
const no = (unsupported: string): CallResult => ({ unsupported });

/** Same name, same meaning, with the argument counts both dialects accept. */
function same(upperName: string, ...counts: number[]): Handler {
  return (call) =>
    counts.includes(call.args.length)
      ? ok(`${upperName}(${call.args.join(', ')})`)
      : no(`${call.name}() with ${call.args.length} argument(s) has no exact equivalent`);
}

function arity(count: number, build: (args: string[]) => string): Handler {
  return (call) =>
    call.args.length === count ? ok(build(call.args)) : no(`${call.name}() with ${call.args.length} argument(s) has no exact equivalent`);
}

const COUNTS_ANY = Array.from({ length: 64 }, (_, i) => i + 1);

/** Aggregates and functions that are spelt and behave the same in both engines. */
const SHARED: Record<string, Handler> = {
  COALESCE: same('COALESCE', ...COUNTS_ANY.slice(1)),
  NULLIF: same('NULLIF', 2),
  ABS: same('ABS', 1),
  UPPER: same('UPPER', 1),
  LOWER: same('LOWER', 1),
  REPLACE: same('REPLACE', 3),
  LTRIM: same('LTRIM', 1),
  RTRIM: same('RTRIM', 1),
  TRIM: same('TRIM', 1),
  IIF: same('IIF', 3),
  UNICODE: same('UNICODE', 1),
  COUNT: same('COUNT', 1),
  SUM: same('SUM', 1),
  AVG: same('AVG', 1),
  // MIN/MAX with several arguments are SQLite's scalar forms; T-SQL has only the aggregates.
  MIN: same('MIN', 1),
  MAX: same('MAX', 1),
};

const UTC_NOW_TSQL = 'SYSUTCDATETIME()';
const UNIX_SECONDS_TSQL = "DATEDIFF_BIG(SECOND, '1970-01-01', SYSUTCDATETIME())";

const TSQL_TO_SQLITE: Record<string, Handler> = {
  ...SHARED,
  // SQLite's clock is UTC; GETDATE() is the server's local time. Both are "now" for a default.
  GETDATE: arity(0, () => 'CURRENT_TIMESTAMP'),
  GETUTCDATE: arity(0, () => 'CURRENT_TIMESTAMP'),
  SYSDATETIME: arity(0, () => 'CURRENT_TIMESTAMP'),
  SYSUTCDATETIME: arity(0, () => 'CURRENT_TIMESTAMP'),
  NEWID: arity(0, () => 'lower(hex(randomblob(16)))'),
  NEWSEQUENTIALID: arity(0, () => 'lower(hex(randomblob(16)))'),
  ISNULL: arity(2, ([a, b]) => `ifnull(${a}, ${b})`),
  COUNT_BIG: arity(1, ([a]) => `count(${a})`),
  // LEN ignores trailing spaces; length() counts them. rtrim() with one argument trims spaces only.
  LEN: arity(1, ([a]) => `length(rtrim(${a}))`),
  SUBSTRING: arity(3, ([a, b, c]) => `substr(${a}, ${b}, ${c})`),
  CHARINDEX: arity(2, ([needle, haystack]) => `instr(${haystack}, ${needle})`),
  LEFT: arity(2, ([a, n]) => `substr(${a}, 1, ${n})`),
  ROUND: arity(2, ([a, n]) => `round(${a}, ${n})`),
  CONCAT: (call) =>
    call.args.length >= 2
      ? ok(`(${call.args.map((arg) => `ifnull(${arg}, '')`).join(' || ')})`)
      : no('CONCAT() needs at least two arguments'),
  YEAR: arity(1, ([a]) => `CAST(strftime('%Y', ${a}) AS INTEGER)`),
  MONTH: arity(1, ([a]) => `CAST(strftime('%m', ${a}) AS INTEGER)`),
  DAY: arity(1, ([a]) => `CAST(strftime('%d', ${a}) AS INTEGER)`),
  CHAR: arity(1, ([a]) => `char(${a})`),
  NCHAR: arity(1, ([a]) => `char(${a})`),
};

const isNow = (signature: string | undefined): boolean => signature === "'NOW'";

const SQLITE_TO_TSQL: Record<string, Handler> = {
  ...SHARED,
  DATETIME: (call) => {
    if (call.signatures.length === 1 && isNow(call.signatures[0])) return ok(UTC_NOW_TSQL);
    if (call.signatures.length === 2 && isNow(call.signatures[0]) && call.signatures[1] === "'LOCALTIME'") return ok('SYSDATETIME()');
    return no(`${call.name}() other than ${call.name}('now') has no exact equivalent`);
  },
  DATE: (call) =>
    call.signatures.length === 1 && isNow(call.signatures[0])
      ? ok(`CAST(${UTC_NOW_TSQL} AS DATE)`)
      : no(`${call.name}() other than ${call.name}('now') has no exact equivalent`),
  TIME: (call) =>
    call.signatures.length === 1 && isNow(call.signatures[0])
      ? ok(`CAST(${UTC_NOW_TSQL} AS TIME)`)
      : no(`${call.name}() other than ${call.name}('now') has no exact equivalent`),
  STRFTIME: (call) =>
    call.signatures.length === 2 && call.signatures[0] === "'%S'" && isNow(call.signatures[1])
      ? ok(UNIX_SECONDS_TSQL)
      : no("strftime() other than strftime('%s', 'now') has no exact equivalent"),
  UNIXEPOCH: (call) =>
    call.signatures.length === 0 || (call.signatures.length === 1 && isNow(call.signatures[0]))
      ? ok(UNIX_SECONDS_TSQL)
      : no("unixepoch() other than unixepoch('now') has no exact equivalent"),
  IFNULL: arity(2, ([a, b]) => `COALESCE(${a}, ${b})`),
  // LEN ignores trailing spaces where length() counts them: documented in docs/convert.md.
  LENGTH: arity(1, ([a]) => `LEN(${a})`),
  SUBSTR: (call) => substring(call),
  SUBSTRING: (call) => substring(call),
  INSTR: arity(2, ([haystack, needle]) => `CHARINDEX(${needle}, ${haystack})`),
  ROUND: (call) =>
    call.args.length === 1 ? ok(`ROUND(${call.args[0]}, 0)`) : call.args.length === 2 ? ok(`ROUND(${call.args[0]}, ${call.args[1]})`) : no('round() needs one or two arguments'),
  CHAR: arity(1, ([a]) => `NCHAR(${a})`),
};

function substring(call: FunctionCall): CallResult {
  if (call.args.length === 3) return ok(`SUBSTRING(${call.args.join(', ')})`);
  // Two arguments run to the end of the string; DATALENGTH is never shorter than the text.
  if (call.args.length === 2 && /^[1-9]\d*$/.test(call.signatures[1] ?? '')) {
    return ok(`SUBSTRING(${call.args[0]}, ${call.args[1]}, DATALENGTH(${call.args[0]}))`);
  }
  return no(`${call.name}() with these arguments has no exact equivalent`);
}

/**
 * Whole calls that are one idiom and translate as a unit, before their arguments are looked
 * at: SQLite's `lower(hex(randomblob(16)))` is "a random identifier", not three functions.
 * Keys are upper-case signatures without whitespace.
 */
const SQLITE_IDIOMS: Record<string, string> = {
  'LOWER(HEX(RANDOMBLOB(16)))': 'NEWID()',
  'UPPER(HEX(RANDOMBLOB(16)))': 'NEWID()',
  'HEX(RANDOMBLOB(16))': 'NEWID()',
};

/** The longest idiom signature: a call whose signature is longer is none of them. */
export const LONGEST_IDIOM = Math.max(...Object.keys(SQLITE_IDIOMS).map((signature) => signature.length));

export function translateIdiom(from: Dialect, to: Dialect, signature: string): string | undefined {
  if (from === 'sqlite' && to === 'tsql') return SQLITE_IDIOMS[signature];
  return undefined;
}

/** Translates a call of a built-in function of `from` into `to`. */
export function translateCall(from: Dialect, to: Dialect, call: FunctionCall): CallResult {
  if (from === to) return ok(`${call.name}(${call.args.join(', ')})`);
  const table = from === 'tsql' ? TSQL_TO_SQLITE : SQLITE_TO_TSQL;
  const handler = Object.prototype.hasOwnProperty.call(table, call.name.toUpperCase()) ? table[call.name.toUpperCase()] : undefined;
  if (!handler) return no(`function ${call.name}() has no ${to === 'tsql' ? 'SQL Server' : 'SQLite'} equivalent`);
  return handler(call);
}

/** What kind of value a function returns, to read `+` (T-SQL) and `||` (SQLite) correctly. */
export function functionResultKind(name: string): 'text' | 'number' | 'datetime' | 'unknown' {
  const upper = name.toUpperCase();
  if (TEXT_FUNCTIONS.has(upper)) return 'text';
  if (NUMBER_FUNCTIONS.has(upper)) return 'number';
  if (DATETIME_FUNCTIONS.has(upper)) return 'datetime';
  return 'unknown';
}

const TEXT_FUNCTIONS = new Set([
  'UPPER', 'LOWER', 'LTRIM', 'RTRIM', 'TRIM', 'REPLACE', 'SUBSTRING', 'SUBSTR', 'LEFT', 'RIGHT', 'CONCAT', 'CHAR',
  'NCHAR', 'HEX', 'FORMAT', 'STR', 'QUOTENAME', 'PRINTF', 'STRFTIME', 'DATE', 'TIME', 'DATETIME',
]);
const NUMBER_FUNCTIONS = new Set([
  'LEN', 'LENGTH', 'ABS', 'ROUND', 'COUNT', 'SUM', 'AVG', 'CHARINDEX', 'INSTR', 'DATALENGTH', 'YEAR', 'MONTH', 'DAY',
  'UNICODE', 'DATEDIFF', 'UNIXEPOCH', 'JULIANDAY', 'CEILING', 'FLOOR', 'SIGN', 'RANDOM',
]);
const DATETIME_FUNCTIONS = new Set(['GETDATE', 'GETUTCDATE', 'SYSDATETIME', 'SYSUTCDATETIME', 'DATEADD', 'SYSDATETIMEOFFSET']);
