import rule from '../../../rules/tsql/no-alter-table-rename.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = "SQL Server rejects ALTER TABLE ... RENAME: Incorrect syntax near 'RENAME'.";

runRuleTests(rule, {
  valid: [
    "EXEC sp_rename N'dbo.t', N'u'",
    'ALTER TABLE t ADD rename INT',
    'ALTER TABLE t ALTER COLUMN a INT NOT NULL',
    "SELECT 'ALTER TABLE t RENAME TO u'",
  ],
  invalid: [
    {
      code: 'ALTER TABLE t RENAME TO u',
      errors: [{ line: 1, column: 15, message, help: "Rename with EXEC sp_rename N't', N'u';" }],
    },
    {
      code: 'ALTER TABLE dbo.t RENAME COLUMN a TO b;',
      errors: [{ line: 1, column: 19, message, help: "Rename with EXEC sp_rename N'dbo.t.a', N'b', N'COLUMN';" }],
    },
    {
      code: 'ALTER TABLE t\n  RENAME a TO [b c]',
      errors: [{ line: 2, column: 3, message, help: "Rename with EXEC sp_rename N't.a', N'b c', N'COLUMN';" }],
    },
  ],
});
