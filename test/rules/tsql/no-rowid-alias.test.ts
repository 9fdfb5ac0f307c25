import rule from '../../../rules/tsql/no-rowid-alias.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (column: string): string =>
  `INTEGER PRIMARY KEY generates no values in SQL Server (in SQLite it is the auto-numbered rowid): inserts without ${column} fail.`;

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (id INT IDENTITY(1,1) PRIMARY KEY)',
    'CREATE TABLE t (id INTEGER IDENTITY(1,1) PRIMARY KEY)',
    { name: 'INT keys are ordinary T-SQL keys', code: 'CREATE TABLE t (id INT PRIMARY KEY, code INT NOT NULL)' },
    { name: 'AUTOINCREMENT is reported by tsql/no-autoincrement', code: 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT)' },
    'CREATE TABLE t (id INTEGER NOT NULL, CONSTRAINT pk PRIMARY KEY (id))',
    "SELECT 'INTEGER PRIMARY KEY' AS note",
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (id INTEGER PRIMARY KEY, name NVARCHAR(50))',
      errors: [
        {
          line: 1,
          column: 20,
          endColumn: 39,
          message: message('id'),
          help: 'Write id INT IDENTITY(1,1) PRIMARY KEY if the database should number the rows.',
        },
      ],
    },
    {
      code: 'CREATE TABLE dbo.orders (\n  [order_id] integer NOT NULL PRIMARY KEY\n)',
      errors: [{ line: 2, column: 14, message: message('[order_id]') }],
    },
    {
      name: 'bracketed, as in an SSMS-style script',
      code: 'SET ANSI_NULLS ON\nCREATE TABLE [dbo].[t] ([id] [integer] NOT NULL PRIMARY KEY)',
      errors: [{ line: 2, column: 30, message: message('[id]') }],
    },
    {
      code: 'ALTER TABLE t ADD id INTEGER PRIMARY KEY',
      errors: [{ line: 1, column: 22, message: message('id') }],
      output: null,
    },
  ],
});
