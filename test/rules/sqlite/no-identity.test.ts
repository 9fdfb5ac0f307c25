import rule from '../../../rules/sqlite/no-identity.js';
import { runRuleTests } from '../../support/rule-tester.js';

const typeName = (identity: string): string =>
  `SQLite reads ${identity} as part of the type name: this column will not auto-increment.`;

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT)',
    'CREATE TABLE t (identity INTEGER, [identity] TEXT);',
    "INSERT INTO t (note) VALUES ('INT IDENTITY(1,1)');",
    '-- id INT IDENTITY(1,1)\nCREATE TABLE t (id INTEGER PRIMARY KEY);',
    'SELECT identity FROM t WHERE identity > 1;',
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (id INT IDENTITY(1,1) PRIMARY KEY, name TEXT);',
      errors: [
        {
          line: 1,
          column: 24,
          endColumn: 37,
          message: typeName('IDENTITY(1,1)'),
          help: "Declare the column as INTEGER PRIMARY KEY AUTOINCREMENT, SQLite's auto-incrementing key.",
        },
      ],
      output: 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT);',
    },
    {
      name: 'SSMS style with brackets and NOT NULL before the key',
      code: 'CREATE TABLE [dbo_t] (\r\n\t[id] [int] IDENTITY(1,1) NOT NULL PRIMARY KEY DESC,\r\n\t[b] INT\r\n);',
      errors: [{ line: 2, column: 13, message: typeName('IDENTITY(1,1)') }],
      output: 'CREATE TABLE [dbo_t] (\r\n\t[id] INTEGER NOT NULL PRIMARY KEY DESC AUTOINCREMENT,\r\n\t[b] INT\r\n);',
    },
    {
      name: 'no primary key on the column: reported, not fixed',
      code: 'CREATE TABLE t (\n  id BIGINT IDENTITY(1,1) NOT NULL,\n  CONSTRAINT pk PRIMARY KEY (id)\n);',
      errors: [{ line: 2, column: 13, message: typeName('IDENTITY(1,1)') }],
      output: null,
    },
    {
      name: 'a seed other than 1 is not fixed',
      code: 'CREATE TABLE t (id INT IDENTITY(100, 5) PRIMARY KEY);',
      errors: [{ line: 1, column: 24, message: typeName('IDENTITY(100, 5)') }],
      output: null,
    },
    {
      name: 'after a constraint SQLite rejects it',
      code: 'CREATE TABLE t (id INT PRIMARY KEY IDENTITY(1,1));',
      errors: [{ line: 1, column: 36, message: 'SQLite rejects IDENTITY(1,1) after a column constraint: near "IDENTITY": syntax error.' }],
      output: null,
    },
    {
      name: 'ALTER TABLE ADD',
      code: 'ALTER TABLE t ADD COLUMN n INT IDENTITY;',
      errors: [{ line: 1, column: 32, message: typeName('IDENTITY') }],
    },
  ],
});
