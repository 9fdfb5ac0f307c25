import rule from '../../../rules/tsql/no-limit.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = "SQL Server rejects LIMIT: Incorrect syntax near 'LIMIT'.";

runRuleTests(rule, {
  valid: [
    'SELECT TOP (5) name FROM sys.tables ORDER BY name',
    'SELECT name FROM t ORDER BY name OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY',
    { name: 'a column named limit', code: 'CREATE TABLE t (id INT, limit INT)\nGO\nSELECT limit, t.limit FROM t WHERE limit > 5\nUPDATE t SET limit = 10' },
    'SELECT credit limit FROM accounts',
    { name: 'a table named limit', code: 'CREATE TABLE t (a INT REFERENCES limit (id))\nINSERT limit (id) VALUES (1)' },
    "SELECT 'LIMIT 5' AS note",
  ],
  invalid: [
    {
      code: 'SELECT name FROM sys.tables LIMIT 5;',
      errors: [
        {
          line: 1,
          column: 29,
          endColumn: 36,
          message,
          help: 'Write SELECT TOP (5) ..., or ORDER BY ... OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY.',
        },
      ],
    },
    {
      code: 'SELECT name FROM t\nORDER BY name\nLIMIT 10 OFFSET 20',
      errors: [
        {
          line: 3,
          column: 1,
          endColumn: 19,
          message,
          help: 'Write SELECT TOP (10) ..., or ORDER BY ... OFFSET 20 ROWS FETCH NEXT 10 ROWS ONLY.',
        },
      ],
    },
    {
      code: 'SELECT name FROM t ORDER BY name LIMIT 20, 10',
      errors: [{ line: 1, column: 34, message, help: 'Write SELECT TOP (10) ..., or ORDER BY ... OFFSET 20 ROWS FETCH NEXT 10 ROWS ONLY.' }],
    },
    {
      code: 'SELECT a FROM (SELECT a FROM t LIMIT @n) AS x',
      errors: [{ line: 1, column: 32, message }],
    },
  ],
});
