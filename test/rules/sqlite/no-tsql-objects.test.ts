import rule from '../../../rules/sqlite/no-tsql-objects.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'CREATE TEMP TABLE t (a INT);\nCREATE UNIQUE INDEX i ON t (a);\nCREATE VIEW v AS SELECT a FROM t;',
    'CREATE VIRTUAL TABLE docs USING fts5(body);\nDROP VIEW IF EXISTS v;\nDROP TRIGGER tr;',
    'ALTER TABLE t RENAME TO u;',
    'CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;',
    "INSERT INTO t (a) VALUES ('CREATE PROCEDURE p');\nSELECT grant, revoke FROM permissions;",
  ],
  invalid: [
    {
      code: 'CREATE PROCEDURE dbo.p AS SELECT 1;',
      errors: [
        {
          line: 1,
          column: 1,
          endColumn: 17,
          message: 'SQLite rejects CREATE PROCEDURE: near "PROCEDURE": syntax error.',
          help: 'SQLite has no stored procedures or SQL-defined functions: move the logic to application code, a view or a trigger.',
        },
      ],
    },
    {
      code: 'CREATE OR ALTER VIEW v AS SELECT 1;\ncreate schema sales;\nCREATE SEQUENCE s START WITH 1;',
      errors: [
        {
          line: 1,
          column: 8,
          endColumn: 16,
          message: 'SQLite rejects CREATE OR ALTER: near "OR": syntax error.',
          help: 'Write DROP VIEW IF EXISTS, then CREATE VIEW.',
        },
        { line: 2, column: 1, message: 'SQLite rejects CREATE SCHEMA: near "schema": syntax error.', help: 'Delete it: SQLite has no SCHEMA objects.' },
        { line: 3, column: 1, message: 'SQLite rejects CREATE SEQUENCE: near "SEQUENCE": syntax error.' },
      ],
    },
    {
      code: 'GRANT SELECT ON t TO reporting;\nDENY DELETE ON t TO app;\nREVOKE SELECT ON t FROM reporting;',
      errors: [
        { line: 1, column: 1, message: 'SQLite rejects GRANT: near "GRANT": syntax error.' },
        { line: 2, column: 1, message: 'SQLite rejects DENY: near "DENY": syntax error.' },
        { line: 3, column: 1, message: 'SQLite rejects REVOKE: near "REVOKE": syntax error.' },
      ],
    },
    {
      code: 'ALTER VIEW v AS SELECT 2;\nDROP FUNCTION f;\nCREATE TYPE Flag FROM BIT;\nCREATE USER app;',
      errors: [
        { line: 1, column: 1, message: 'SQLite rejects ALTER VIEW: near "VIEW": syntax error.', help: 'SQLite alters only tables: drop the VIEW and create it again.' },
        { line: 2, column: 1, message: 'SQLite rejects DROP FUNCTION: near "FUNCTION": syntax error.' },
        { line: 3, column: 1, message: 'SQLite rejects CREATE TYPE: near "TYPE": syntax error.' },
        { line: 4, column: 1, message: 'SQLite rejects CREATE USER: near "USER": syntax error.' },
      ],
    },
  ],
});
