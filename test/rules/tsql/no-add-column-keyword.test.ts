import rule from '../../../rules/tsql/no-add-column-keyword.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = "SQL Server rejects ADD COLUMN: Incorrect syntax near 'COLUMN'.";

runRuleTests(rule, {
  valid: [
    'ALTER TABLE t ADD a INT, b INT',
    'ALTER TABLE t ALTER COLUMN a BIGINT NOT NULL',
    'ALTER TABLE t DROP COLUMN a',
    'ALTER TABLE t ADD [column] INT',
    "ALTER TABLE t ADD note NVARCHAR(40) DEFAULT 'ADD COLUMN'",
  ],
  invalid: [
    {
      code: 'ALTER TABLE t ADD COLUMN c INT',
      errors: [{ line: 1, column: 19, endColumn: 25, message, help: 'Write ALTER TABLE ... ADD c ... without the keyword COLUMN.' }],
      output: 'ALTER TABLE t ADD c INT',
    },
    {
      code: 'ALTER TABLE dbo.signals\n  ADD column confidence FLOAT NULL;',
      errors: [{ line: 2, column: 7, message }],
      output: 'ALTER TABLE dbo.signals\n  ADD confidence FLOAT NULL;',
    },
    {
      code: 'ALTER TABLE t ADD\nCOLUMN c INT',
      errors: [{ line: 2, column: 1, message }],
      output: 'ALTER TABLE t ADD\nc INT',
    },
  ],
});
