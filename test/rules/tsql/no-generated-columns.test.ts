import rule from '../../../rules/tsql/no-generated-columns.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (column: string): string =>
  `SQL Server rejects a typed generated column: a computed column is written ${column} AS (expression) [PERSISTED], without a type.`;

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (a INT, b AS (a * 2) PERSISTED)',
    'CREATE TABLE t (a INT, b AS a * 2)',
    {
      name: 'temporal period columns',
      code: 'CREATE TABLE t (a INT, vf DATETIME2 GENERATED ALWAYS AS ROW START HIDDEN NOT NULL, vt DATETIME2 GENERATED ALWAYS AS ROW END NOT NULL, PERIOD FOR SYSTEM_TIME (vf, vt))',
    },
    'SELECT CAST(a AS INT) AS b FROM t',
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (a INT, b INT GENERATED ALWAYS AS (a * 2) STORED)',
      errors: [{ line: 1, column: 30, endColumn: 64, message: message('b'), help: 'Write b AS (a * 2) PERSISTED.' }],
      output: null,
    },
    {
      code: 'CREATE TABLE t (\n  a INT,\n  b INT AS (a + 1) VIRTUAL\n)',
      errors: [{ line: 3, column: 9, message: message('b'), help: 'Write b AS (a + 1).' }],
    },
    {
      code: 'ALTER TABLE t ADD total DECIMAL(10, 2) GENERATED ALWAYS AS (price * qty)',
      errors: [{ line: 1, column: 40, message: message('total') }],
    },
  ],
});
