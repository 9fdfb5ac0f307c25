import rule from '../../../rules/tsql/no-bare-drop-index.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (index: string): string =>
  `SQL Server rejects DROP INDEX ${index} without its table: Exactly two part names are required in a DROP INDEX statement.`;

runRuleTests(rule, {
  valid: [
    'DROP INDEX ix_a ON dbo.t',
    'DROP INDEX IF EXISTS ix_a ON t',
    'DROP INDEX t.ix_a',
    'DROP INDEX dbo.t.ix_a, t.ix_b',
    'DROP TABLE ix_a',
  ],
  invalid: [
    {
      code: 'DROP INDEX ix_a',
      errors: [{ line: 1, column: 12, endColumn: 16, message: message('ix_a'), help: 'Write DROP INDEX ix_a ON table_name.' }],
    },
    {
      code: 'DROP INDEX IF EXISTS [ix_a];',
      errors: [{ line: 1, column: 22, message: message('[ix_a]') }],
    },
    {
      code: 'DROP INDEX t.ix_a,\n  ix_b',
      errors: [{ line: 2, column: 3, message: message('ix_b') }],
    },
  ],
});
