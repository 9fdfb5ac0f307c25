import rule from '../../../rules/sqlite/no-alter-constraint.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'ALTER TABLE t ADD COLUMN c INT CONSTRAINT c_positive CHECK (c > 0);',
    'ALTER TABLE t ADD c INT REFERENCES u (id);',
    'ALTER TABLE t RENAME TO u;\nALTER TABLE t DROP COLUMN c;',
    "CREATE TABLE t (a INT, CONSTRAINT pk PRIMARY KEY (a));\nINSERT INTO t VALUES ('ADD CONSTRAINT');",
    'ALTER TABLE t ADD COLUMN [constraint] INT;',
  ],
  invalid: [
    {
      code: 'ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (a);',
      errors: [
        {
          line: 1,
          column: 15,
          endColumn: 44,
          message: 'SQLite rejects ALTER TABLE ... ADD PRIMARY KEY: near "PRIMARY": syntax error.',
          help: 'Declare the constraint in CREATE TABLE; to change an existing table, rebuild it (create the new table, copy the rows, drop the old one, rename).',
        },
      ],
    },
    {
      code: 'ALTER TABLE [dbo_orders] WITH CHECK ADD CONSTRAINT [FK_orders_users] FOREIGN KEY([user_id]) REFERENCES [users] ([id]);\nALTER TABLE [dbo_orders] CHECK CONSTRAINT [FK_orders_users];',
      errors: [
        { line: 1, column: 26, message: 'SQLite rejects ALTER TABLE ... WITH CHECK: near "WITH": syntax error.' },
        { line: 2, column: 26, message: 'SQLite rejects ALTER TABLE ... CHECK CONSTRAINT: near "CHECK": syntax error.' },
      ],
    },
    {
      code: 'ALTER TABLE t DROP CONSTRAINT fk_t_u;\nALTER TABLE t ADD UNIQUE (a);\nALTER TABLE t NOCHECK CONSTRAINT ALL;',
      errors: [
        {
          line: 1,
          column: 15,
          message: 'SQLite before 3.53 rejects ALTER TABLE ... DROP CONSTRAINT (and 3.53+ drops only CHECK and NOT NULL constraints): near "CONSTRAINT": syntax error.',
        },
        { line: 2, column: 15, message: 'SQLite rejects ALTER TABLE ... ADD UNIQUE: near "UNIQUE": syntax error.' },
        { line: 3, column: 15, message: 'SQLite rejects ALTER TABLE ... NOCHECK CONSTRAINT: near "NOCHECK": syntax error.' },
      ],
    },
    {
      code: 'ALTER TABLE t ADD CONSTRAINT ck_a CHECK (a > 0);',
      errors: [{ line: 1, column: 15, message: 'SQLite before 3.53 rejects ALTER TABLE ... ADD CHECK constraints: near "CONSTRAINT": syntax error.' }],
    },
  ],
});
