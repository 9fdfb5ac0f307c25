import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import type { TextEdit } from '../../src/engine/diagnostic.js';
import { isFunctionCall, matchingParen, splitTopLevel } from '../../src/rules-support/tokens.js';
import { sqlServerSupports } from '../../src/rules-support/tsql-versions.js';
import type { RuleSettings } from '../../src/engine/rule.js';
import type { Token } from '../../src/sql/token.js';

/** SQLite's built-in functions SQL Server lacks, with what to write instead. */
const REWRITES = new Map<string, (settings: RuleSettings) => string>(Object.entries({
  DATETIME: () => "GETDATE() for now (SQLite's datetime('now') is UTC: SYSUTCDATETIME() for UTC), CONVERT(DATETIME2, x) otherwise",
  DATE: () => 'CAST(GETDATE() AS DATE), or CAST(x AS DATE)',
  TIME: () => 'CAST(GETDATE() AS TIME), or CAST(x AS TIME)',
  JULIANDAY: () => 'DATEDIFF(DAY, start, finish) for differences between dates',
  UNIXEPOCH: () => "DATEDIFF_BIG(SECOND, '1970-01-01', SYSUTCDATETIME())",
  STRFTIME: () => "FORMAT(x, 'yyyy-MM-dd') or CONVERT(VARCHAR(10), x, 126)",
  IFNULL: () => 'ISNULL(x, y) or COALESCE(x, y)',
  SUBSTR: () => 'SUBSTRING(x, start, length)',
  LENGTH: () => 'LEN(x) (characters, trailing spaces ignored) or DATALENGTH(x) (bytes)',
  INSTR: () => 'CHARINDEX(needle, haystack) (arguments swapped)',
  RANDOM: () => 'CHECKSUM(NEWID()) or RAND()',
  RANDOMBLOB: () => 'CRYPT_GEN_RANDOM(n)',
  HEX: () => 'CONVERT(VARCHAR(MAX), x, 2)',
  LAST_INSERT_ROWID: () => 'SCOPE_IDENTITY()',
  CHANGES: () => '@@ROWCOUNT',
  TOTAL_CHANGES: () => '@@ROWCOUNT after each statement',
  GROUP_CONCAT: (settings) =>
    sqlServerSupports(settings.sqlserverVersion, '2017')
      ? 'STRING_AGG(x, separator)'
      : "STUFF((SELECT ',' + x FROM ... FOR XML PATH('')), 1, 1, '') (STRING_AGG needs SQL Server 2017)",
  PRINTF: () => 'FORMATMESSAGE(), CONCAT() or FORMAT()',
  TYPEOF: () => "SQL_VARIANT_PROPERTY(x, 'BaseType')",
  TOTAL: () => 'ISNULL(SUM(x), 0)',
  JSON_EXTRACT: () => "JSON_VALUE(x, '$.path') or JSON_QUERY(x, '$.path')",
  SQLITE_VERSION: () => '@@VERSION',
}));

/** Scalar MAX(a, b) and MIN(a, b) are SQLite's; SQL Server's MAX and MIN are aggregates of one argument. */
const SCALAR_MIN_MAX = new Set(['MAX', 'MIN']);

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { words: [...REWRITES.keys(), ...SCALAR_MIN_MAX] };

export default defineRule({
  meta: {
    id: 'tsql/no-sqlite-functions',
    description: "Disallow SQLite functions SQL Server does not have: datetime('now'), ifnull, substr, length, group_concat, ...",
    dialects: ['tsql'],
    severity: 'error',
    fixable: true,
    messages: {
      unknownFunction: "SQL Server has no {{name}}() function: '{{name}}' is not a recognized built-in function name.",
      scalarMinMax: 'SQL Server rejects {{name}}() with {{count}} arguments: The {{name}} function requires 1 argument(s).',
    },
    help: {
      unknownFunction: 'Write {{rewrite}}.',
      scalarMinMax: 'Write {{rewrite}}.',
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        if (token.kind !== 'word') return;
        const rewrite = REWRITES.get(token.upper);
        const minMax = SCALAR_MIN_MAX.has(token.upper);
        if (!rewrite && !minMax) return;
        const tokens = statement.tokens;
        if (!isFunctionCall(tokens, index)) return;
        const close = matchingParen(tokens, index + 1);
        if (close < 0) return;
        const args = splitTopLevel(tokens, index + 2, close);
        if (minMax) {
          if (args.length < 2) return;
          const greatest = token.upper === 'MAX' ? 'GREATEST' : 'LEAST';
          const rewriteText = sqlServerSupports(context.settings.sqlserverVersion, '2022')
            ? `${greatest}(...)`
            : `CASE WHEN a > b THEN a ELSE b END (${greatest}() needs SQL Server 2022)`;
          context.report({
            node: token,
            endNode: tokens[close],
            messageId: 'scalarMinMax',
            data: { name: token.upper, count: args.length, rewrite: rewriteText },
          });
          return;
        }
        if (!rewrite) return;
        // TIME(7) and DATE(...) with a number are a type with a precision, not SQLite's function.
        if ((token.upper === 'TIME' || token.upper === 'DATE') && args.length === 1) {
          const [from, to] = args[0];
          if (to === from + 1 && tokens[from].kind === 'number') return;
        }
        context.report({
          node: token,
          endNode: tokens[close],
          messageId: 'unknownFunction',
          data: { name: token.text, rewrite: rewrite(context.settings) },
          fix: nowFix(tokens, index, close),
        });
      },
    };
  },
});

/** `datetime('now')` has one rewrite the brief of this rule fixes: `GETDATE()`. */
function nowFix(tokens: readonly Token[], index: number, close: number): TextEdit | undefined {
  const name = tokens[index];
  const argument = tokens[index + 2];
  if (name.upper !== 'DATETIME' || close !== index + 3) return undefined;
  if (argument.kind !== 'string' || argument.quote === 'N' || argument.value?.toLowerCase() !== 'now') return undefined;
  return { range: [name.start, tokens[close].end], text: 'GETDATE()' };
}
