import rule from '../../../rules/tsql/no-sqlite-table-options.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (a INT PRIMARY KEY) ON [PRIMARY]',
    'CREATE TABLE t (a INT PRIMARY KEY) WITH (DATA_COMPRESSION = PAGE)',
    'CREATE TABLE t (strict INT, rowid INT)',
    'CREATE TABLE t (a INT) -- WITHOUT ROWID',
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (a INT PRIMARY KEY) WITHOUT ROWID;',
      errors: [
        {
          line: 1,
          column: 36,
          endColumn: 49,
          message: "SQL Server rejects SQLite's table option WITHOUT ROWID: Incorrect syntax near 'WITHOUT'.",
        },
      ],
    },
    {
      code: 'CREATE TABLE t (\n  a INT\n) STRICT',
      errors: [{ line: 3, column: 3, message: "SQL Server rejects SQLite's table option STRICT: Incorrect syntax near 'STRICT'." }],
    },
    {
      code: 'CREATE TABLE t (a INT PRIMARY KEY) strict, without rowid',
      errors: [
        { line: 1, column: 36, endColumn: 57, message: "SQL Server rejects SQLite's table option STRICT, WITHOUT ROWID: Incorrect syntax near 'strict'." },
      ],
    },
  ],
});
