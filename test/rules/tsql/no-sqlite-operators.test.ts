import rule from '../../../rules/tsql/no-sqlite-operators.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'SELECT a FROM t WHERE a = 1 AND b <> 2 AND c != 3',
    'SELECT a FROM t WHERE a IS NULL OR b IS NOT NULL',
    { code: 'SELECT a FROM t WHERE a IS DISTINCT FROM b', sqlserverVersion: '2022' },
    { name: 'columns named glob and regexp', code: 'SELECT glob, regexp FROM t WHERE glob = 1' },
    { name: 'graph MATCH', code: 'SELECT p.name FROM person p, likes l, person q WHERE MATCH(p-(l)->q)' },
    "SELECT a FROM t WHERE name LIKE 'a%' -- name GLOB 'a*'",
  ],
  invalid: [
    {
      code: 'SELECT a FROM t WHERE a == 1',
      errors: [{ line: 1, column: 25, endColumn: 27, message: "SQL Server rejects ==: Incorrect syntax near '='.", help: 'Write = for equality.' }],
      output: 'SELECT a FROM t WHERE a = 1',
    },
    {
      code: "SELECT a FROM t WHERE name GLOB 'a*'",
      errors: [
        {
          line: 1,
          column: 28,
          message: "SQL Server has no GLOB operator: Incorrect syntax near 'GLOB'.",
          help: "Write LIKE with % and _ (GLOB's * and ? are case-sensitive wildcards).",
        },
      ],
      output: null,
    },
    {
      code: "SELECT a FROM t WHERE name NOT regexp '^a'",
      errors: [{ line: 1, column: 32, message: "SQL Server has no REGEXP operator: Incorrect syntax near 'REGEXP'." }],
    },
    {
      code: 'SELECT a FROM t\nWHERE a IS NOT b',
      errors: [{ line: 2, column: 9, endColumn: 17, message: "SQL Server allows IS only before NULL: Incorrect syntax near 'b'." }],
    },
    {
      code: 'SELECT a FROM t WHERE a IS 5',
      errors: [{ line: 1, column: 25, message: "SQL Server allows IS only before NULL: Incorrect syntax near '5'." }],
    },
  ],
});
