import rule from '../../../rules/sqlite/no-default-constraint-for.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (a INT CONSTRAINT df_a DEFAULT 0, b INT DEFAULT (1));',
    'ALTER TABLE t ADD COLUMN c INT DEFAULT 0;',
    "INSERT INTO t VALUES ('DEFAULT 0 FOR a');",
    'CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN UPDATE t SET a = 0; END;',
  ],
  invalid: [
    {
      code: 'ALTER TABLE t ADD CONSTRAINT DF_t_a DEFAULT 0 FOR a;',
      errors: [
        {
          line: 1,
          column: 19,
          endColumn: 52,
          message: 'SQLite rejects DEFAULT ... FOR a: near "DEFAULT": syntax error.',
          help: 'Declare the default on the column itself: a <type> DEFAULT 0.',
        },
      ],
    },
    {
      code: 'ALTER TABLE [dbo_t] ADD  CONSTRAINT [DF_t_created]  DEFAULT (getdate()) FOR [created]\nGO',
      errors: [{ line: 1, column: 26, message: 'SQLite rejects DEFAULT ... FOR [created]: near "DEFAULT": syntax error.', help: 'Declare the default on the column itself: [created] <type> DEFAULT (getdate()).' }],
    },
    {
      code: 'ALTER TABLE t ADD DEFAULT -1 FOR score;',
      errors: [{ line: 1, column: 19, message: 'SQLite rejects DEFAULT ... FOR score: near "DEFAULT": syntax error.' }],
    },
  ],
});
