import rule from '../../../rules/sqlite/no-plus-concat.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (literal: string): string =>
  `SQLite reads + as numeric addition, not concatenation: ${literal} counts as 0 and the result is a number.`;

runRuleTests(rule, {
  valid: [
    "SELECT 'a' || 'b', first || ' ' || last FROM people;",
    "SELECT a + 1, '1' + 2, b + '2.5' FROM t;",
    "SELECT datetime('now', '+1 day');",
    "SELECT a FROM t WHERE b = +'x';",
    "-- 'a' + 'b'\nSELECT 1;",
  ],
  invalid: [
    {
      code: "SELECT 'a' + 'b';",
      errors: [{ line: 1, column: 12, endColumn: 13, message: message("'a'"), help: "Join strings with ||: 'a' || 'b'." }],
      output: null,
    },
    {
      code: "SELECT first_name + ' ' + last_name AS full_name FROM people;",
      errors: [
        { line: 1, column: 19, message: message("' '") },
        { line: 1, column: 25, message: message("' '") },
      ],
    },
    {
      code: "CREATE VIEW v AS\nSELECT 'Order #' + CAST(id AS TEXT) AS label FROM orders;",
      errors: [{ line: 2, column: 18, message: message("'Order #'") }],
    },
  ],
});
