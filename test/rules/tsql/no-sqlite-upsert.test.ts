import rule from '../../../rules/tsql/no-sqlite-upsert.js';
import { runRuleTests } from '../../support/rule-tester.js';

const onConflict = "SQL Server rejects INSERT ... ON CONFLICT (SQLite's upsert): Incorrect syntax near 'ON'.";

runRuleTests(rule, {
  valid: [
    'INSERT INTO t (a) VALUES (1)',
    "SELECT REPLACE(name, 'a', 'b') FROM t",
    'IF NOT EXISTS (SELECT 1 FROM t WHERE a = 1) INSERT INTO t (a) VALUES (1)',
    'MERGE t AS d USING s ON d.a = s.a WHEN NOT MATCHED THEN INSERT (a) VALUES (s.a);',
    'UPDATE t SET a = 1 WHERE b = 2 OR c = 3',
    "INSERT INTO t (note) VALUES ('INSERT OR IGNORE')",
    { name: 'a column named replace selected INTO a table', code: 'SELECT id, replace INTO #t FROM s' },
    { name: 'a dangling UPDATE OR waits for the very next statement only', code: 'UPDATE OR\nGO\nROLLBACK t SET a = 1' },
  ],
  invalid: [
    {
      code: 'INSERT OR IGNORE INTO t (a) VALUES (1)',
      errors: [
        {
          line: 1,
          column: 1,
          endColumn: 17,
          message: "SQL Server rejects INSERT OR IGNORE: Incorrect syntax near 'INSERT'.",
          help: 'Use MERGE, or guard a plain INSERT with IF NOT EXISTS (SELECT 1 FROM ... WHERE ...).',
        },
      ],
    },
    {
      code: 'insert or replace into t (a) values (1)',
      errors: [{ line: 1, column: 1, message: "SQL Server rejects INSERT OR REPLACE: Incorrect syntax near 'INSERT'." }],
    },
    {
      code: 'REPLACE INTO t (a) VALUES (1);',
      errors: [{ line: 1, column: 1, message: "SQL Server has no REPLACE INTO statement (SQLite's insert-or-replace): it is a syntax error." }],
    },
    {
      code: 'INSERT INTO t (a, b) VALUES (1, 2)\n  ON CONFLICT (a) DO UPDATE SET b = excluded.b;',
      errors: [{ line: 2, column: 3, message: onConflict }],
    },
    {
      code: 'INSERT INTO t (a) SELECT a FROM s ON CONFLICT DO NOTHING',
      errors: [{ line: 1, column: 35, message: onConflict }],
    },
    {
      name: 'after a SET option without GO',
      code: 'SET IDENTITY_INSERT t ON\nINSERT OR IGNORE INTO t (id) VALUES (1)',
      errors: [{ line: 2, column: 1, message: "SQL Server rejects INSERT OR IGNORE: Incorrect syntax near 'INSERT'." }],
    },
    {
      code: 'UPDATE OR ROLLBACK t SET a = 1',
      errors: [{ line: 1, column: 1, message: "SQL Server rejects UPDATE OR ROLLBACK: Incorrect syntax near 'UPDATE'." }],
    },
  ],
});
