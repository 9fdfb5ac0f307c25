import rule from '../../../rules/tsql/no-sqlite-functions.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (name: string): string =>
  `SQL Server has no ${name}() function: '${name}' is not a recognized built-in function name.`;

runRuleTests(rule, {
  valid: [
    'SELECT REPLACE(a, b, c), LEFT(a, 2), ISNULL(a, 0), LEN(a), SUBSTRING(a, 1, 2) FROM t',
    { name: 'time and date types with a precision', code: 'CREATE TABLE t (a TIME(7), b DATETIME2(3), c DATETIMEOFFSET(0))' },
    { name: 'tables and CTEs named like functions', code: 'CREATE TABLE total (length INT)\nGO\nWITH a AS (SELECT 1 AS x), total (x) AS (SELECT x FROM a) SELECT x FROM total' },
    'INSERT INTO total (length) VALUES (1)',
    'SELECT dbo.length(a), MAX(a), MIN(b) FROM t',
    "SELECT 'datetime(''now'')' AS text",
  ],
  invalid: [
    {
      code: "CREATE TABLE t (created DATETIME2 DEFAULT (datetime('now')))",
      errors: [
        {
          line: 1,
          column: 44,
          endColumn: 59,
          message: message('datetime'),
          help: "Write GETDATE() for now (SQLite's datetime('now') is UTC: SYSUTCDATETIME() for UTC), CONVERT(DATETIME2, x) otherwise.",
        },
      ],
      output: 'CREATE TABLE t (created DATETIME2 DEFAULT (GETDATE()))',
    },
    {
      code: 'SELECT ifnull(a, 0), substr(b, 1, 2), length(c) FROM t',
      errors: [
        { line: 1, column: 8, message: message('ifnull'), help: 'Write ISNULL(x, y) or COALESCE(x, y).' },
        { line: 1, column: 22, message: message('substr') },
        { line: 1, column: 39, message: message('length') },
      ],
      output: null,
    },
    {
      code: 'SELECT group_concat(name) FROM t',
      errors: [{ line: 1, column: 8, message: message('group_concat'), help: 'Write STRING_AGG(x, separator).' }],
    },
    {
      code: 'SELECT group_concat(name) FROM t',
      sqlserverVersion: '2016',
      errors: [
        {
          line: 1,
          column: 8,
          message: message('group_concat'),
          help: "Write STUFF((SELECT ',' + x FROM ... FOR XML PATH('')), 1, 1, '') (STRING_AGG needs SQL Server 2017).",
        },
      ],
    },
    {
      code: 'SELECT id FROM t\nWHERE date(created) = date() AND strftime(\'%Y\', created) > 0',
      errors: [
        { line: 2, column: 7, message: message('date') },
        { line: 2, column: 23, message: message('date') },
        { line: 2, column: 34, message: message('strftime') },
      ],
    },
    {
      code: 'SELECT MAX(a, b) FROM t',
      errors: [
        {
          line: 1,
          column: 8,
          message: 'SQL Server rejects MAX() with 2 arguments: The MAX function requires 1 argument(s).',
          help: 'Write CASE WHEN a > b THEN a ELSE b END (GREATEST() needs SQL Server 2022).',
        },
      ],
    },
    {
      code: 'SELECT last_insert_rowid()',
      errors: [{ line: 1, column: 8, message: message('last_insert_rowid'), help: 'Write SCOPE_IDENTITY().' }],
    },
  ],
});
