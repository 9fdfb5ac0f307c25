import rule from '../../../rules/tsql/no-sqlite-types.js';
import { runRuleTests } from '../../support/rule-tester.js';

const unknown = (type: string): string => `SQL Server rejects ${type}: Cannot find data type ${type} (Msg 2715).`;
const double = "SQL Server rejects DOUBLE alone: only DOUBLE PRECISION is a type (Incorrect syntax near 'DOUBLE').";

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (active BIT NOT NULL DEFAULT 0, data VARBINARY(MAX), body NVARCHAR(MAX))',
    'CREATE TABLE t (ratio DOUBLE PRECISION)',
    { name: 'columns named like the types', code: 'CREATE TABLE t (boolean BIT, blob VARBINARY(MAX), [clob] NVARCHAR(MAX))' },
    "SELECT boolean, blob FROM t WHERE note = 'BOOLEAN'",
    '-- a BOOLEAN column would be rejected\nCREATE TABLE t (a INT)',
    { name: 'a user-defined type of that name', code: 'CREATE TYPE dbo.Boolean FROM BIT\nGO\nCREATE TABLE t (a Boolean)' },
    'CREATE TABLE t (a dbo.Blob)',
    { name: 'a bracketed user-defined type the file creates', code: 'CREATE TYPE [Boolean] FROM [bit]\nGO\nCREATE TABLE t ([a] [Boolean])' },
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (active BOOLEAN NOT NULL DEFAULT 0)',
      errors: [{ line: 1, column: 24, endColumn: 31, message: unknown('BOOLEAN'), help: 'Write BIT instead of BOOLEAN.' }],
      output: 'CREATE TABLE t (active BIT NOT NULL DEFAULT 0)',
    },
    {
      code: 'CREATE TABLE t (\n  payload blob,\n  body CLOB\n)',
      errors: [
        { line: 2, column: 11, message: unknown('BLOB') },
        { line: 3, column: 8, message: unknown('CLOB') },
      ],
      output: 'CREATE TABLE t (\n  payload VARBINARY(MAX),\n  body NVARCHAR(MAX)\n)',
    },
    {
      code: 'ALTER TABLE t ADD ratio DOUBLE',
      errors: [{ line: 1, column: 25, message: double }],
      output: 'ALTER TABLE t ADD ratio FLOAT',
    },
    {
      code: 'DECLARE @done BOOLEAN = 0',
      errors: [{ line: 1, column: 15, message: unknown('BOOLEAN') }],
      output: 'DECLARE @done BIT = 0',
    },
    {
      code: 'SELECT CAST(flag AS boolean) FROM t',
      errors: [{ line: 1, column: 21, message: unknown('BOOLEAN') }],
      output: 'SELECT CAST(flag AS BIT) FROM t',
    },
    {
      code: 'CREATE PROCEDURE p @flag BOOLEAN AS SELECT 1',
      errors: [{ line: 1, column: 26, message: unknown('BOOLEAN') }],
    },
    {
      name: 'a bracketed type, as SSMS writes types',
      code: 'CREATE TABLE [t] ([flag] [boolean] NOT NULL)',
      errors: [{ line: 1, column: 26, message: unknown('BOOLEAN') }],
      output: 'CREATE TABLE [t] ([flag] BIT NOT NULL)',
    },
    {
      name: 'arguments leave no single rewrite',
      code: 'CREATE TABLE t (amount DOUBLE(10, 2))',
      errors: [{ line: 1, column: 24, message: double }],
      output: null,
    },
  ],
});
