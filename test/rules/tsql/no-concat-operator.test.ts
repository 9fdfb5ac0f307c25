import rule from '../../../rules/tsql/no-concat-operator.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (target: string): string =>
  `${target} rejects ||: Incorrect syntax near '|' (|| exists from SQL Server 2025 and in Azure SQL Database).`;

runRuleTests(rule, {
  valid: [
    "SELECT first_name + ' ' + last_name FROM t",
    "SELECT CONCAT(a, ' ', b) FROM t",
    { code: "SELECT a || ' ' || b FROM t", sqlserverVersion: '2025' },
    { code: "SELECT a || b FROM t", sqlserverVersion: 'azure' },
    "SELECT '||' AS pipes -- a || b",
    'SELECT a | b FROM t',
  ],
  invalid: [
    {
      code: "SELECT first_name || ' ' || last_name FROM t",
      errors: [
        { line: 1, column: 19, endColumn: 21, message: message('SQL Server 2019'), help: 'Write a + b, or CONCAT(a, b) to treat NULL as an empty string.' },
        { line: 1, column: 26, message: message('SQL Server 2019') },
      ],
      output: null,
    },
    {
      code: 'SELECT a || b FROM t',
      sqlserverVersion: '2022',
      errors: [{ line: 1, column: 10, message: message('SQL Server 2022') }],
    },
    {
      code: "CREATE VIEW v AS\nSELECT code || '-' || name AS label FROM t",
      sqlserverVersion: '2016',
      errors: [
        { line: 2, column: 13, message: message('SQL Server 2016') },
        { line: 2, column: 20, message: message('SQL Server 2016') },
      ],
    },
  ],
});
