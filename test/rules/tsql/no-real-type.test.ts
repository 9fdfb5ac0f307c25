import rule from '../../../rules/tsql/no-real-type.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message =
  "SQL Server's REAL is a 4-byte float (about 7 significant digits); SQLite's REAL is 8 bytes, so values lose precision.";

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (price FLOAT)',
    'CREATE TABLE t (price FLOAT(53), ratio DECIMAL(9, 4))',
    'CREATE TABLE t (real INT)',
    'SELECT real FROM t',
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (price REAL NOT NULL)',
      errors: [{ line: 1, column: 23, endColumn: 27, message, help: 'Write FLOAT (8 bytes, as SQLite) unless 4-byte precision is intended.' }],
      output: null,
    },
    {
      code: 'ALTER TABLE signals ADD confidence real',
      errors: [{ line: 1, column: 36, message }],
    },
    {
      code: 'SELECT CONVERT(REAL, x) FROM t',
      errors: [{ line: 1, column: 16, message }],
    },
  ],
});
