import rule from '../../../rules/tsql/no-timestamp-type.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message =
  'In SQL Server TIMESTAMP is ROWVERSION: an automatically changing binary row version, not a date and time.';

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (created_at DATETIME2 NOT NULL)',
    'CREATE TABLE t (version ROWVERSION)',
    { name: 'a column named timestamp', code: 'CREATE TABLE t (timestamp DATETIME2, [timestamp2] INT)' },
    'SELECT timestamp FROM t',
    { name: 'a DEFAULT is tsql/no-timestamp-default', code: 'CREATE TABLE t (created TIMESTAMP DEFAULT CURRENT_TIMESTAMP)' },
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (created_at TIMESTAMP NOT NULL)',
      errors: [
        {
          line: 1,
          column: 28,
          endColumn: 37,
          message,
          help: 'Write DATETIME2 for a date and time; write ROWVERSION if a row version is intended.',
        },
      ],
      output: null,
    },
    {
      code: 'CREATE TABLE t (\n  a INT,\n  seen timestamp\n)',
      errors: [{ line: 3, column: 8, message }],
    },
    {
      code: 'ALTER TABLE t ADD updated_at TIMESTAMP NULL',
      errors: [{ line: 1, column: 30, message }],
    },
  ],
});
