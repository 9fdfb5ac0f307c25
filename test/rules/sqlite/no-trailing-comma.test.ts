import rule from '../../../rules/sqlite/no-trailing-comma.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = 'SQLite rejects a comma before ")": near ")": syntax error.';

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (a INT, b INT);',
    "INSERT INTO t (a) VALUES (',)');",
    '-- (a, )\nSELECT coalesce(a, b) FROM t;',
    'CREATE TABLE t ("a,)" INT, [b,] INT);',
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (a INT, b INT, );',
      errors: [{ line: 1, column: 29, endColumn: 32, message, help: 'Delete the trailing comma.' }],
      output: 'CREATE TABLE t (a INT, b INT );',
    },
    {
      code: 'CREATE TABLE t (\n  a INT,\n  b INT,\n);',
      errors: [{ line: 3, column: 8, endLine: 4, endColumn: 2, message }],
      output: 'CREATE TABLE t (\n  a INT,\n  b INT\n);',
    },
    {
      code: 'CREATE TABLE t (\n  a INT,\n  -- b INT\n);\nINSERT INTO t VALUES (1,);',
      errors: [
        { line: 2, column: 8, message },
        { line: 5, column: 24, message },
      ],
      output: 'CREATE TABLE t (\n  a INT\n  -- b INT\n);\nINSERT INTO t VALUES (1);',
    },
  ],
});
