import rule from '../../../rules/tsql/no-pragma.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'SET NOCOUNT ON',
    'SELECT pragma FROM t',
    'CREATE TABLE t ([pragma] INT)',
    '-- PRAGMA foreign_keys = ON;\nSELECT 1',
  ],
  invalid: [
    {
      code: 'PRAGMA foreign_keys = ON;',
      errors: [
        {
          line: 1,
          column: 1,
          endColumn: 26,
          message: "SQL Server has no PRAGMA statement: Incorrect syntax near 'foreign_keys'.",
          help: 'Remove the PRAGMA: SQL Server always enforces foreign keys, and session settings are SET options (SET NOCOUNT ON, ...).',
        },
      ],
    },
    {
      code: 'CREATE TABLE t (a INT)\npragma journal_mode = WAL\nCREATE TABLE u (a INT)',
      errors: [{ line: 2, column: 1, message: "SQL Server has no PRAGMA statement: Incorrect syntax near 'journal_mode'." }],
    },
    {
      code: "PRAGMA 'x';",
      errors: [{ line: 1, column: 1, message: "SQL Server has no PRAGMA statement: Incorrect syntax near 'PRAGMA'." }],
    },
  ],
});
