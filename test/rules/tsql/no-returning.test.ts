import rule from '../../../rules/tsql/no-returning.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = "SQL Server rejects RETURNING: Incorrect syntax near 'RETURNING'.";

runRuleTests(rule, {
  valid: [
    'INSERT INTO t (a) OUTPUT inserted.id VALUES (1)',
    'DELETE FROM t OUTPUT deleted.id WHERE a = 1',
    { name: 'a column named returning', code: 'UPDATE t SET returning = 1 WHERE returning = 0' },
    'INSERT INTO t (returning) VALUES (1)',
    { name: 'a table named returning', code: 'INSERT returning (a) VALUES (1)\nUPDATE returning SET a = 2\nSELECT a FROM t JOIN returning r ON r.a = t.a' },
    "INSERT INTO t (note) VALUES ('RETURNING id')",
  ],
  invalid: [
    {
      code: 'INSERT INTO t (a) VALUES (1) RETURNING id',
      errors: [
        {
          line: 1,
          column: 30,
          endColumn: 39,
          message,
          help: 'Use OUTPUT inserted.col (INSERT/UPDATE) or OUTPUT deleted.col (DELETE), written before VALUES / FROM / WHERE.',
        },
      ],
    },
    {
      code: 'UPDATE t SET a = 2 WHERE b = 1\nRETURNING *;',
      errors: [{ line: 2, column: 1, message }],
    },
    {
      code: 'SET IDENTITY_INSERT t ON\nINSERT INTO t (id) VALUES (1) RETURNING id',
      errors: [{ line: 2, column: 31, message }],
    },
    {
      code: 'DELETE FROM t WHERE a = 1 returning a, b',
      errors: [{ line: 1, column: 27, message }],
    },
  ],
});
