import rule from '../../../rules/tsql/no-conflict-clause.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (action: string): string =>
  `SQL Server rejects ON CONFLICT ${action} in a constraint: Incorrect syntax near '${action}'.`;

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (a INT UNIQUE)',
    { name: 'ON <filegroup> after UNIQUE is T-SQL', code: 'CREATE TABLE t (a INT UNIQUE ON [conflict])' },
    'CREATE TABLE t (a INT, CONSTRAINT uq UNIQUE (a) ON [PRIMARY])',
    "CREATE TABLE t (note NVARCHAR(40) DEFAULT 'ON CONFLICT REPLACE')",
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (a INT UNIQUE ON CONFLICT REPLACE)',
      errors: [
        {
          line: 1,
          column: 30,
          endColumn: 49,
          message: message('REPLACE'),
          help: 'Remove ON CONFLICT REPLACE: SQL Server always fails the statement on a constraint violation.',
        },
      ],
    },
    {
      code: 'CREATE TABLE t (\n  a INT NOT NULL ON CONFLICT IGNORE,\n  b INT\n)',
      errors: [{ line: 2, column: 18, message: message('IGNORE') }],
    },
    {
      code: 'CREATE TABLE t (a INT, b INT, PRIMARY KEY (a, b) ON CONFLICT ROLLBACK)',
      errors: [{ line: 1, column: 50, message: message('ROLLBACK') }],
    },
  ],
});
