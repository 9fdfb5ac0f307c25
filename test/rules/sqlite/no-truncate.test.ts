import rule from '../../../rules/sqlite/no-truncate.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'DELETE FROM t;',
    'SELECT truncate FROM t;',
    "INSERT INTO log (msg) VALUES ('TRUNCATE TABLE t');",
    'CREATE TABLE t (truncate INT);',
  ],
  invalid: [
    {
      code: 'TRUNCATE TABLE t;',
      errors: [
        {
          line: 1,
          column: 1,
          endColumn: 15,
          message: 'SQLite rejects TRUNCATE TABLE: near "TRUNCATE": syntax error.',
          help: 'Write DELETE FROM t.',
        },
      ],
      output: 'DELETE FROM t;',
    },
    {
      code: 'CREATE TABLE t (a INT);\ntruncate table [audit log]',
      errors: [{ line: 2, column: 1, message: 'SQLite rejects TRUNCATE TABLE: near "truncate": syntax error.', help: 'Write DELETE FROM [audit log].' }],
      output: 'CREATE TABLE t (a INT);\nDELETE FROM [audit log]',
    },
    {
      code: 'TRUNCATE TABLE main.t;\nTRUNCATE TABLE u;',
      errors: [
        { line: 1, column: 1, message: 'SQLite rejects TRUNCATE TABLE: near "TRUNCATE": syntax error.' },
        { line: 2, column: 1, message: 'SQLite rejects TRUNCATE TABLE: near "TRUNCATE": syntax error.' },
      ],
      output: 'DELETE FROM main.t;\nDELETE FROM u;',
    },
  ],
});
