import rule from '../../../rules/sqlite/no-alter-column.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (column: string, type: string): string =>
  `SQLite rejects ALTER COLUMN ${column} ${type}: SQLite cannot change a column's type (syntax error).`;

runRuleTests(rule, {
  valid: [
    'ALTER TABLE t RENAME COLUMN a TO b;',
    'ALTER TABLE t ALTER COLUMN a SET NOT NULL;\nALTER TABLE t ALTER COLUMN a DROP NOT NULL;',
    'ALTER TABLE t ADD COLUMN alter_count INT;',
    "UPDATE t SET note = 'ALTER COLUMN a INT';",
  ],
  invalid: [
    {
      code: 'ALTER TABLE t ALTER COLUMN a BIGINT NOT NULL;',
      errors: [
        {
          line: 1,
          column: 15,
          endColumn: 36,
          message: message('a', 'BIGINT'),
          help: 'Rebuild the table with the new column type (create the new table, copy the rows, drop the old one, rename).',
        },
      ],
    },
    {
      code: 'ALTER TABLE [users]\n  ALTER COLUMN [email] NVARCHAR(320) NULL;',
      errors: [{ line: 2, column: 3, message: message('[email]', 'NVARCHAR') }],
    },
    {
      code: 'alter table t alter column a int',
      errors: [{ line: 1, column: 15, message: message('a', 'int') }],
    },
  ],
});
