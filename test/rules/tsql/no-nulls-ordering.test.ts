import rule from '../../../rules/tsql/no-nulls-ordering.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (position: string): string => `SQL Server rejects NULLS ${position}: Incorrect syntax near 'NULLS'.`;

runRuleTests(rule, {
  valid: [
    'SELECT a FROM t ORDER BY a DESC',
    'SELECT a FROM t ORDER BY CASE WHEN a IS NULL THEN 1 ELSE 0 END, a',
    'SELECT nulls FROM t ORDER BY nulls',
    "SELECT a FROM t ORDER BY a -- NULLS LAST",
  ],
  invalid: [
    {
      code: 'SELECT a FROM t ORDER BY a NULLS LAST',
      errors: [{ line: 1, column: 28, endColumn: 38, message: message('LAST') }],
      output: null,
    },
    {
      code: 'SELECT a FROM t ORDER BY a ASC NULLS FIRST',
      errors: [{ line: 1, column: 32, message: message('FIRST') }],
    },
    {
      code: 'SELECT a, b FROM t\nORDER BY a DESC nulls last, b',
      errors: [{ line: 2, column: 17, message: message('LAST') }],
    },
  ],
});
