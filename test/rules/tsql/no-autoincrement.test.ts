import rule from '../../../rules/tsql/no-autoincrement.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = "SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.";

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (id INT IDENTITY(1,1) PRIMARY KEY)',
    "INSERT INTO t (note) VALUES ('AUTOINCREMENT')",
    '-- AUTOINCREMENT is SQLite only\nCREATE TABLE t (id INT)',
    'CREATE TABLE t ([autoincrement] INT)',
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT)',
      errors: [{ line: 1, column: 40, endColumn: 53, message, help: 'Write the column as INT IDENTITY(1,1) PRIMARY KEY.' }],
      output: 'CREATE TABLE t (id INT IDENTITY(1,1) PRIMARY KEY)',
    },
    {
      code: 'CREATE TABLE t (\r\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\r\n  b INT\r\n)',
      errors: [{ line: 2, column: 26, message }],
      output: 'CREATE TABLE t (\r\n  id INT IDENTITY(1,1) PRIMARY KEY,\r\n  b INT\r\n)',
    },
    {
      code: 'CREATE TABLE t (id INTEGER AUTOINCREMENT PRIMARY KEY)',
      errors: [{ line: 1, column: 28, message }],
      output: null,
    },
  ],
});
