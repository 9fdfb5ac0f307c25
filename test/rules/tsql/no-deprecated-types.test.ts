import rule from '../../../rules/tsql/no-deprecated-types.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (type: string): string =>
  `SQL Server accepts ${type} but it is deprecated: most string functions, comparisons and ORDER BY reject ${type} values.`;

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (body NVARCHAR(MAX), data VARBINARY(MAX))',
    { name: 'columns named text and image', code: 'CREATE TABLE t (text NVARCHAR(100), [image] VARBINARY(MAX))' },
    'SELECT text, image FROM t',
    "SELECT 'TEXT' AS kind",
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (body TEXT NOT NULL)',
      errors: [{ line: 1, column: 22, endColumn: 26, message: message('TEXT'), help: 'Write NVARCHAR(MAX) instead of TEXT.' }],
      output: null,
    },
    {
      code: 'CREATE TABLE t (\n  notes ntext,\n  photo IMAGE\n)',
      errors: [
        { line: 2, column: 9, message: message('NTEXT') },
        { line: 3, column: 9, message: message('IMAGE'), help: 'Write VARBINARY(MAX) instead of IMAGE.' },
      ],
    },
    {
      name: 'a bracketed type, as SSMS scripts it',
      code: 'CREATE TABLE [dbo].[t] ([notes] [text] NULL)',
      errors: [{ line: 1, column: 33, message: message('TEXT') }],
    },
    {
      code: 'DECLARE @body TEXT',
      errors: [{ line: 1, column: 15, message: message('TEXT') }],
    },
  ],
});
