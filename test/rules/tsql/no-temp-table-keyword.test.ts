import rule from '../../../rules/tsql/no-temp-table-keyword.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'CREATE TABLE #t (a INT)',
    'CREATE TABLE ##shared (a INT)',
    'DECLARE @t TABLE (a INT)',
    'CREATE TABLE temp (a INT)',
  ],
  invalid: [
    {
      code: 'CREATE TEMP TABLE t (a INT)',
      errors: [
        {
          line: 1,
          column: 8,
          endColumn: 12,
          message: "SQL Server rejects CREATE TEMP TABLE: Incorrect syntax near 'TEMP'.",
          help: 'Write CREATE TABLE #t (...): a # name makes a table temporary in SQL Server.',
        },
      ],
      output: null,
    },
    {
      code: 'create temporary table work (a INT)',
      errors: [{ line: 1, column: 8, message: "SQL Server rejects CREATE TEMPORARY TABLE: Incorrect syntax near 'TEMPORARY'." }],
    },
    {
      code: 'CREATE TEMP VIEW v AS SELECT 1 AS a',
      errors: [{ line: 1, column: 8, message: "SQL Server rejects CREATE TEMP VIEW: Incorrect syntax near 'TEMP'." }],
    },
  ],
});
