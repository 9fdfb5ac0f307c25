import rule from '../../../rules/sqlite/no-tsql-functions-in-schema.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    "CREATE TABLE t (a TEXT DEFAULT (datetime('now')), b TEXT DEFAULT CURRENT_TIMESTAMP);",
    "CREATE VIEW v AS SELECT ifnull(a, 0) AS a, length(b) AS n FROM t;",
    'CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET b = last_insert_rowid() WHERE rowid = new.rowid; END;',
    'SELECT LEN(a) FROM t;\nCREATE TABLE u (a TEXT DEFAULT GETDATE());',
    "CREATE TABLE t (note TEXT DEFAULT ('GETDATE()'));",
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (\n  created DATETIME DEFAULT (GETDATE()),\n  updated DATETIME DEFAULT ((getutcdate())) NOT NULL\n);',
      errors: [
        {
          line: 2,
          column: 29,
          endColumn: 38,
          message: 'SQLite accepts this DEFAULT but every insert that needs it fails: no such function: GETDATE.',
          help: "Use CURRENT_TIMESTAMP (UTC) or datetime('now', 'localtime').",
        },
        { line: 3, column: 30, message: 'SQLite accepts this DEFAULT but every insert that needs it fails: no such function: getutcdate.' },
      ],
      output: 'CREATE TABLE t (\n  created DATETIME DEFAULT CURRENT_TIMESTAMP,\n  updated DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL\n);',
    },
    {
      code: 'CREATE TABLE t (id TEXT DEFAULT (NEWID()), d TEXT DEFAULT (convert(varchar, GETDATE(), 112)));',
      errors: [
        { line: 1, column: 34, message: 'SQLite accepts this DEFAULT but every insert that needs it fails: no such function: NEWID.' },
        { line: 1, column: 60, message: 'SQLite accepts this DEFAULT but every insert that needs it fails: no such function: convert.' },
        { line: 1, column: 77, message: 'SQLite accepts this DEFAULT but every insert that needs it fails: no such function: GETDATE.' },
      ],
      output: null,
    },
    {
      code: 'CREATE VIEW v AS SELECT ISNULL(a, 0) AS a FROM t;',
      errors: [{ line: 1, column: 25, message: 'SQLite creates this view but every query of it fails: no such function: ISNULL.' }],
    },
    {
      code: 'CREATE TRIGGER tr AFTER INSERT ON t\nBEGIN\n  UPDATE t SET stamp = GETDATE() WHERE rowid = new.rowid;\nEND;',
      errors: [{ line: 3, column: 24, message: 'SQLite creates this trigger but it fails whenever it fires: no such function: GETDATE.' }],
    },
  ],
});
