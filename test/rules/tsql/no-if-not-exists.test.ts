import rule from '../../../rules/tsql/no-if-not-exists.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (object: string): string => `SQL Server rejects CREATE ${object} IF NOT EXISTS: Incorrect syntax near 'IF'.`;

runRuleTests(rule, {
  valid: [
    'DROP TABLE IF EXISTS dbo.t',
    'DROP INDEX IF EXISTS ix ON dbo.t',
    "IF NOT EXISTS (SELECT 1 FROM sys.tables WHERE name = N't') CREATE TABLE t (a INT)",
    "IF OBJECT_ID(N'dbo.t', N'U') IS NULL\nBEGIN\n  CREATE TABLE dbo.t (a INT)\nEND",
    'CREATE OR ALTER VIEW v AS SELECT 1 AS a',
    '-- CREATE TABLE IF NOT EXISTS t (a INT)\nCREATE TABLE t (a INT)',
  ],
  invalid: [
    {
      code: 'CREATE TABLE IF NOT EXISTS t (a INT)',
      errors: [
        {
          line: 1,
          column: 14,
          endColumn: 27,
          message: message('TABLE'),
          help: "Guard the statement instead: IF OBJECT_ID(N't', N'U') IS NULL CREATE TABLE t (...).",
        },
      ],
      output: "IF OBJECT_ID(N't', N'U') IS NULL CREATE TABLE t (a INT)",
    },
    {
      code: 'CREATE TABLE IF NOT EXISTS [dbo].[signals] (\n  id INT NOT NULL\n);\nGO',
      errors: [{ line: 1, column: 14, message: message('TABLE') }],
      output: "IF OBJECT_ID(N'[dbo].[signals]', N'U') IS NULL CREATE TABLE [dbo].[signals] (\n  id INT NOT NULL\n);\nGO",
    },
    {
      name: 'a backtick name is looked up as SQL Server quotes it, not with the backticks in it',
      code: 'CREATE TABLE IF NOT EXISTS `dbo`.`sig]nals` (a INT)',
      errors: [
        {
          line: 1,
          column: 14,
          endColumn: 27,
          message: message('TABLE'),
          help: "Guard the statement instead: IF OBJECT_ID(N'[dbo].[sig]]nals]', N'U') IS NULL CREATE TABLE [dbo].[sig]]nals] (...).",
        },
      ],
      output: "IF OBJECT_ID(N'[dbo].[sig]]nals]', N'U') IS NULL CREATE TABLE `dbo`.`sig]nals` (a INT)",
    },
    {
      code: 'CREATE TABLE IF NOT EXISTS #work (a INT)',
      errors: [{ line: 1, column: 14, message: message('TABLE') }],
      output: "IF OBJECT_ID(N'tempdb..#work', N'U') IS NULL CREATE TABLE #work (a INT)",
    },
    {
      code: 'CREATE UNIQUE INDEX IF NOT EXISTS ix_a ON t (a)',
      errors: [
        {
          line: 1,
          column: 21,
          message: message('INDEX'),
          help: "Guard the statement instead: IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_a') CREATE INDEX ...",
        },
      ],
      output: null,
    },
    {
      code: 'CREATE VIEW IF NOT EXISTS v AS SELECT 1 AS a',
      errors: [{ line: 1, column: 13, message: message('VIEW'), help: 'Write CREATE OR ALTER VIEW v (SQL Server 2016 SP1 and later).' }],
    },
    {
      code: 'CREATE TRIGGER IF NOT EXISTS tr ON t AFTER INSERT AS SELECT 1',
      errors: [{ line: 1, column: 16, message: message('TRIGGER') }],
    },
  ],
});
