import rule from '../../../rules/tsql/no-timestamp-default.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message =
  'SQL Server rejects this: Defaults cannot be created on columns of data type timestamp (TIMESTAMP is ROWVERSION there).';

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (created_at DATETIME2 NOT NULL DEFAULT SYSUTCDATETIME())',
    'CREATE TABLE t (version TIMESTAMP NOT NULL)',
    'CREATE TABLE t (timestamp DATETIME2 DEFAULT GETDATE())',
    "CREATE TABLE t (note NVARCHAR(50) DEFAULT 'TIMESTAMP DEFAULT')",
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)',
      errors: [
        {
          line: 1,
          column: 28,
          endColumn: 37,
          message,
          help: 'Write DATETIME2 for a date and time with a DEFAULT, e.g. DATETIME2 DEFAULT SYSUTCDATETIME().',
        },
      ],
      output: null,
    },
    {
      code: 'CREATE TABLE t (\n  a INT,\n  seen timestamp NOT NULL DEFAULT (GETDATE())\n)',
      errors: [{ line: 3, column: 8, message }],
    },
    {
      code: 'ALTER TABLE t ADD updated_at TIMESTAMP CONSTRAINT df_t DEFAULT 0',
      errors: [{ line: 1, column: 30, message }],
    },
  ],
});
