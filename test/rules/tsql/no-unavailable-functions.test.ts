import rule from '../../../rules/tsql/no-unavailable-functions.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { code: "SELECT STRING_AGG(name, ',') FROM t", sqlserverVersion: '2017' },
    "SELECT STRING_AGG(name, ',') FROM t",
    { code: 'SELECT GREATEST(a, b), LEAST(a, b) FROM t', sqlserverVersion: '2022' },
    { code: 'SELECT GREATEST(a, b) FROM t', sqlserverVersion: 'azure' },
    { name: 'a table named like a function', code: 'CREATE TABLE greatest (a INT)', sqlserverVersion: '2016' },
    { code: 'SELECT dbo.TRIM(a) FROM t', sqlserverVersion: '2016' },
  ],
  invalid: [
    {
      code: 'SELECT GREATEST(a, b) FROM t',
      errors: [
        {
          line: 1,
          column: 8,
          endColumn: 16,
          message:
            "SQL Server 2019 rejects GREATEST(): 'GREATEST' is not a recognized built-in function name (it arrived in SQL Server 2022).",
          help: 'Raise sqlserverVersion to 2022 or later if the database runs it, or rewrite without GREATEST().',
        },
      ],
    },
    {
      code: "SELECT STRING_AGG(name, ',') FROM t",
      sqlserverVersion: '2016',
      errors: [
        {
          line: 1,
          column: 8,
          message:
            "SQL Server 2016 rejects STRING_AGG(): 'STRING_AGG' is not a recognized built-in function name (it arrived in SQL Server 2017).",
        },
      ],
    },
    {
      code: 'SELECT a FROM t\nWHERE least(a, b) > 0',
      errors: [
        {
          line: 2,
          column: 7,
          message: "SQL Server 2019 rejects LEAST(): 'LEAST' is not a recognized built-in function name (it arrived in SQL Server 2022).",
        },
      ],
    },
  ],
});
