import rule from '../../../rules/tsql/no-sqlite-collations.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (name: string): string => `SQL Server rejects COLLATE ${name}: Invalid collation '${name}'.`;

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (name NVARCHAR(50) COLLATE SQL_Latin1_General_CP1_CI_AS)',
    'SELECT a FROM t WHERE a = b COLLATE Latin1_General_BIN2',
    'SELECT RTRIM(a), binary FROM t',
    "SELECT 'COLLATE NOCASE' AS note",
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (name NVARCHAR(50) COLLATE NOCASE)',
      errors: [
        {
          line: 1,
          column: 35,
          endColumn: 49,
          message: message('NOCASE'),
          help: 'Write a case-insensitive collation such as SQL_Latin1_General_CP1_CI_AS (or leave the database default).',
        },
      ],
      output: null,
    },
    {
      code: 'SELECT a FROM t ORDER BY a COLLATE binary',
      errors: [{ line: 1, column: 28, message: message('binary') }],
    },
    {
      code: 'CREATE TABLE t (\n  code VARCHAR(10) COLLATE RTRIM\n)',
      errors: [
        {
          line: 2,
          column: 20,
          message: message('RTRIM'),
          help: 'Write nothing: SQL Server already ignores trailing spaces when comparing strings with =.',
        },
      ],
    },
  ],
});
