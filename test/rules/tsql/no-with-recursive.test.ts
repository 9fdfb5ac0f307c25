import rule from '../../../rules/tsql/no-with-recursive.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = "SQL Server rejects WITH RECURSIVE: Incorrect syntax near 'RECURSIVE'.";

runRuleTests(rule, {
  valid: [
    'WITH n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n',
    { name: 'a CTE named recursive', code: 'WITH recursive AS (SELECT 1 AS i) SELECT i FROM recursive' },
    'SELECT a FROM t WITH (NOLOCK)',
    "SELECT 'WITH RECURSIVE' AS note",
  ],
  invalid: [
    {
      code: 'WITH RECURSIVE n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n',
      errors: [{ line: 1, column: 6, endColumn: 15, message, help: 'Write WITH n AS (...) without RECURSIVE.' }],
      output: 'WITH n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n',
    },
    {
      code: 'SELECT 1;\nwith recursive tree (id) AS (SELECT 1) SELECT id FROM tree',
      errors: [{ line: 2, column: 6, message }],
      output: 'SELECT 1;\nwith tree (id) AS (SELECT 1) SELECT id FROM tree',
    },
    {
      code: 'WITH RECURSIVE\n  n AS (SELECT 1 AS i)\nSELECT i FROM n',
      errors: [{ line: 1, column: 6, message }],
      output: 'WITH\n  n AS (SELECT 1 AS i)\nSELECT i FROM n',
    },
  ],
});
