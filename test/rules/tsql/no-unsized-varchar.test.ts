import rule from '../../../rules/tsql/no-unsized-varchar.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (type: string): string =>
  `SQL Server gives ${type} without a length a length of 1: longer values fail with "String or binary data would be truncated".`;

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (name NVARCHAR(100), body VARCHAR(MAX))',
    'CREATE TABLE t (varchar INT)',
    { name: 'CAST is not a column', code: 'SELECT CAST(a AS VARCHAR) FROM t' },
    'CREATE TABLE t (code CHAR(2))',
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (name VARCHAR NOT NULL)',
      errors: [
        {
          line: 1,
          column: 22,
          endColumn: 29,
          message: message('VARCHAR'),
          help: 'Give the column a length: VARCHAR(100), or VARCHAR(MAX) for unbounded text.',
        },
      ],
      output: null,
    },
    {
      code: 'CREATE TABLE t (\n  a INT,\n  label nvarchar\n)',
      errors: [{ line: 3, column: 9, message: message('NVARCHAR') }],
    },
    {
      code: 'CREATE TABLE [t] ([label] [varchar] NULL)',
      errors: [{ line: 1, column: 27, message: message('VARCHAR') }],
    },
    {
      code: 'ALTER TABLE t ALTER COLUMN label NVARCHAR NULL',
      errors: [{ line: 1, column: 34, message: message('NVARCHAR') }],
    },
  ],
});
