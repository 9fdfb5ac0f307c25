import rule from '../../../rules/tsql/no-fk-deferral.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (a INT REFERENCES u (a) ON DELETE CASCADE)',
    'ALTER TABLE t WITH CHECK ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (a) ON UPDATE NO ACTION',
    'CREATE TABLE t (deferrable INT, initially INT)',
    'SELECT a FROM t WHERE MATCH(p-(l)->q)',
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (a INT REFERENCES u (a) DEFERRABLE INITIALLY DEFERRED)',
      errors: [
        {
          line: 1,
          column: 40,
          endColumn: 69,
          message: "SQL Server rejects DEFERRABLE INITIALLY DEFERRED: Incorrect syntax near 'DEFERRABLE'.",
          help: 'Remove DEFERRABLE INITIALLY DEFERRED: SQL Server checks every foreign key at the end of each statement and has no MATCH options.',
        },
      ],
      output: null,
    },
    {
      code: 'CREATE TABLE t (\n  a INT,\n  FOREIGN KEY (a) REFERENCES u (a) MATCH FULL ON DELETE CASCADE\n)',
      errors: [{ line: 2 + 1, column: 36, message: "SQL Server rejects MATCH FULL: Incorrect syntax near 'MATCH'." }],
    },
    {
      code: 'CREATE TABLE t (a INT REFERENCES u (a) NOT DEFERRABLE)',
      errors: [{ line: 1, column: 40, message: "SQL Server rejects NOT DEFERRABLE: Incorrect syntax near 'NOT'." }],
    },
  ],
});
