import rule from '../../../rules/sqlite/no-schema-prefix.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (schema: string): string => `SQLite rejects the schema prefix ${schema}: unknown database ${schema}.`;

runRuleTests(rule, {
  valid: [
    'CREATE TABLE main.t (a INT);\nCREATE TEMP TABLE temp.x (a INT);\nSELECT * FROM main.t JOIN temp.x ON t.a = x.a;',
    'SELECT u.name, o.total FROM users u JOIN orders o ON o.user_id = u.id WHERE u.id IS DISTINCT FROM o.id;',
    "ATTACH DATABASE 'archive.db' AS archive;\nINSERT INTO archive.events SELECT * FROM main.events;",
    {
      name: "the schema an ATTACH names after a file expression with an AS of its own",
      code: "ATTACH DATABASE CAST('f.db' AS TEXT) AS aux;\nCREATE TABLE aux.t (a INTEGER);",
    },
    "INSERT INTO t (a) VALUES ('dbo.t');\n-- FROM dbo.t\nSELECT [dbo.t] FROM t;",
    'CREATE TRIGGER tr AFTER UPDATE ON t BEGIN UPDATE t SET a = new.a WHERE t.id = old.id; END;',
  ],
  invalid: [
    {
      name: 'an AS inside the file expression of an ATTACH names no schema',
      code: "ATTACH DATABASE CAST('f.db' AS TEXT) AS aux;\nSELECT * FROM text.t;",
      errors: [{ line: 2, column: 15, endColumn: 20, message: message('text'), help: 'Drop the prefix: write t.' }],
      output: null,
    },
    {
      code: 'CREATE TABLE dbo.t (a INT);',
      errors: [{ line: 1, column: 14, endColumn: 18, message: message('dbo'), help: 'Drop the prefix: write t.' }],
      output: 'CREATE TABLE t (a INT);',
    },
    {
      code: 'CREATE TABLE [dbo].[orders] (\n  id INTEGER PRIMARY KEY,\n  user_id INT REFERENCES [dbo].[users] (id)\n);',
      errors: [
        { line: 1, column: 14, message: message('[dbo]') },
        { line: 3, column: 26, message: message('[dbo]') },
      ],
      output: 'CREATE TABLE [orders] (\n  id INTEGER PRIMARY KEY,\n  user_id INT REFERENCES [users] (id)\n);',
    },
    {
      code: 'INSERT INTO dbo.t SELECT * FROM sales.orders;\nCREATE INDEX ix ON dbo.t (a);\nDROP TABLE IF EXISTS Shop.dbo.t;',
      errors: [
        { line: 1, column: 13, message: message('dbo') },
        { line: 1, column: 33, message: message('sales') },
        { line: 2, column: 20, message: message('dbo') },
        { line: 3, column: 22, message: message('Shop.dbo') },
      ],
      output: 'INSERT INTO t SELECT * FROM sales.orders;\nCREATE INDEX ix ON t (a);\nDROP TABLE IF EXISTS Shop.dbo.t;',
    },
    {
      code: 'UPDATE dbo.t SET a = 1;\nDELETE FROM DBO.t;',
      errors: [
        { line: 1, column: 8, message: message('dbo') },
        { line: 2, column: 13, message: message('DBO') },
      ],
      output: 'UPDATE t SET a = 1;\nDELETE FROM t;',
    },
  ],
});
