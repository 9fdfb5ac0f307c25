import { beforeAll } from 'vitest';
import rule from '../../../rules/sqlite/syntax.js';
import { runRuleTests } from '../../support/rule-tester.js';

// The engine loads asynchronously once; the rule tester lints synchronously after that.
beforeAll(async () => {
  await rule.prepare?.();
});

const rejects = (reason: string): string => `SQLite rejects this: ${reason}.`;

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);',
    { name: 'a statement without a final semicolon', code: 'CREATE TABLE t (a INT)' },
    { name: 'comments only', code: '-- nothing here\n/* still nothing */\n' },
    { name: 'empty statements', code: ';;\nCREATE TABLE t (a);\n;' },
    {
      name: 'later statements see tables created earlier',
      code: 'CREATE TABLE t (a INT);\nCREATE INDEX t_a ON t (a);\nINSERT INTO t (a) VALUES (1);\nSELECT a FROM t;',
    },
    {
      name: 'transaction wrapper and PRAGMA',
      code: 'PRAGMA foreign_keys = ON;\nBEGIN TRANSACTION;\nCREATE TABLE t (a INT);\nCOMMIT;',
    },
    {
      name: 'trigger body with inner semicolons and CASE ... END',
      code:
        'CREATE TABLE t (a INT, b TEXT);\n' +
        'CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n' +
        "  UPDATE t SET b = CASE WHEN new.a > 0 THEN 'pos' ELSE 'neg' END WHERE rowid = new.rowid;\n" +
        '  DELETE FROM t WHERE a IS NULL;\n' +
        'END;',
    },
    {
      name: 'CREATE TABLE AS SELECT: the table exists afterwards, the query never runs',
      code: 'CREATE TABLE t (a INT, b TEXT);\nCREATE TABLE u AS SELECT a, b AS c FROM t;\nINSERT INTO u (a, c) VALUES (1, 2);',
    },
    {
      name: 'ATTACH then a table in the attached schema',
      code: "ATTACH DATABASE 'other.db' AS other;\nCREATE TABLE other.t (a INT);\nINSERT INTO other.t VALUES (1);\nDETACH other;",
    },
    {
      name: 'virtual table modules common builds have',
      code: 'CREATE VIRTUAL TABLE notes_fts USING fts5(title, body);\nINSERT INTO notes_fts (title, body) VALUES (1, 2);',
    },
    {
      name: 'DELETE ... LIMIT, which Debian builds accept',
      code: 'CREATE TABLE t (a INT);\nDELETE FROM t WHERE a > 1 ORDER BY a LIMIT 10;',
    },
    { name: 'UPDATE ... LIMIT', code: 'CREATE TABLE t (a INT);\nUPDATE t SET a = 1 LIMIT 1;' },
    {
      name: 'a trigger that updates a column named end: SQLite, not the splitter, decides where it ends',
      code:
        'CREATE TABLE spans (id INTEGER PRIMARY KEY, "begin" INT, "end" INT);\n' +
        'CREATE TRIGGER spans_fix AFTER INSERT ON spans BEGIN\n' +
        '  UPDATE spans SET end = begin WHERE end IS NULL AND id = new.id;\n' +
        '  UPDATE spans SET begin = 0 WHERE begin IS NULL;\n' +
        'END;\n' +
        'INSERT INTO spans (id) VALUES (1);',
    },
    {
      name: 'PRAGMAs that SQLite checks against the transaction state when it compiles them',
      code: 'PRAGMA synchronous="OFF";\nPRAGMA locking_mode="EXCLUSIVE";\nPRAGMA journal_mode = WAL;\nCREATE TABLE t (a);',
    },
    {
      name: 'a DROP the file rolls back leaves the table in place',
      code: 'CREATE TABLE t (a INT);\nBEGIN;\nDROP TABLE t;\nROLLBACK;\nINSERT INTO t VALUES (1);\nCOMMIT;\nROLLBACK;',
    },
    {
      name: 'GO on its own line after a query without semicolon is an alias to SQLite',
      code: 'CREATE TABLE t (a INT);\nSELECT * FROM t\nGO\n',
    },
    { name: 'soundex(), which Debian builds have', code: 'CREATE TABLE t (a TEXT);\nSELECT soundex(a) FROM t;' },
    {
      name: '.dump output: ANALYZE statistics and a virtual table written through writable_schema',
      code:
        'CREATE TABLE t (a INT);\nCREATE INDEX t_a ON t (a);\nANALYZE sqlite_schema;\n' +
        "INSERT INTO sqlite_stat1 VALUES ('t', 't_a', '1 1');\nPRAGMA writable_schema=ON;\n" +
        "INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql) VALUES('table','docs','docs',0,'CREATE VIRTUAL TABLE docs USING fts5(body)');\n" +
        'PRAGMA writable_schema=OFF;',
    },
    { name: 'the dbstat virtual table', code: 'SELECT name, sum(pgsize) FROM dbstat GROUP BY name;' },
    {
      name: 'functions newer than the target are fine where SQLite resolves them only on use',
      code:
        "CREATE TABLE t (a TEXT DEFAULT (concat('a', 'b')));\n" +
        'CREATE VIEW v AS SELECT concat(a, a) FROM t;\n' +
        'CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT unhex(new.a); END;',
    },
    { name: 'a table named like a newer function', code: 'CREATE TABLE concat (a TEXT);\nINSERT INTO concat (a) VALUES (1);' },
    {
      name: 'newer functions with a newer target',
      code: "SELECT concat('a', 'b'), group_concat(x ORDER BY x) FROM (SELECT 1 AS x);",
      options: [{ sqliteVersion: '3.45' }],
    },
    {
      name: 'newer functions and digit separators when the target is the latest SQLite',
      code: "SELECT unistr('a'), json_pretty('{}'), 1_000;",
      options: [{ sqliteVersion: 'latest' }],
    },
  ],
  invalid: [
    {
      name: 'T-SQL MAX length',
      code: 'CREATE TABLE t (a NVARCHAR(MAX));',
      errors: [{ line: 1, column: 28, endColumn: 31, message: rejects('near "MAX": syntax error') }],
    },
    {
      name: 'three independent errors on their lines',
      code:
        'CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT,);\n' +
        'CREATE TABLE b (id INTEGER PRIMARY KEY);\n' +
        'CRATE TABLE c (id INT);\n' +
        'CREATE TABLE d (x INT);\n' +
        'INSERT INTO d (x) VALUES (1) (2);\n',
      errors: [
        { line: 1, column: 51, message: rejects('near ")": syntax error') },
        { line: 3, column: 1, message: rejects('near "CRATE": syntax error') },
        { line: 5, column: 30, message: rejects('near "(": syntax error') },
      ],
    },
    {
      name: 'missing comma between column definitions',
      code: 'CREATE TABLE t (\n  id INTEGER PRIMARY KEY\n  name TEXT NOT NULL,\n  email TEXT\n);',
      errors: [{ line: 3, column: 3, message: rejects('near "name": syntax error') }],
    },
    {
      name: 'missing closing parenthesis',
      code: 'CREATE TABLE t (\n  id INTEGER PRIMARY KEY,\n  name TEXT\n;\nCREATE TABLE u (a INT);',
      errors: [{ line: 4, column: 1, message: rejects('near ";": syntax error') }],
    },
    {
      name: 'the statement after an unbalanced parenthesis is still checked',
      code: 'CREATE TABLE t (a INT;\nCREATE TABLE u (b INT,);',
      errors: [
        { line: 1, column: 22, message: rejects('near ";": syntax error') },
        { line: 2, column: 23, message: rejects('near ")": syntax error') },
      ],
    },
    {
      name: 'a stray token',
      code: 'CREATE TABLE t (a INT) foo;',
      errors: [{ line: 1, column: 24, message: rejects('unknown table option: foo') }],
    },
    {
      name: 'a stray closing parenthesis',
      code: 'CREATE TABLE t (\n  a INT,\n  b INT)\n);',
      errors: [{ line: 4, column: 1, message: rejects('near ")": syntax error') }],
    },
    {
      name: 'an unterminated string swallows the next statement, and nothing cascades from it',
      code: "CREATE TABLE t (a TEXT);\nINSERT INTO t VALUES ('open);\nCREATE TABLE u (b INT);\nINSERT INTO u VALUES (1);",
      errors: [{ line: 2, column: 23, message: rejects('unrecognized token: "\'open);…"') }],
    },
    {
      name: 'a trigger without its END swallows the rest of the file, as in SQLite',
      code: 'CREATE TABLE t (a INT);\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  DELETE FROM t;\nCREATE TABLE u (b INT);\n',
      errors: [{ line: 4, column: 1, message: rejects('near "CREATE": syntax error') }],
    },
    {
      name: 'missing statement end at end of file',
      code: 'CREATE TABLE t (a INT,\n  b INT',
      errors: [{ line: 2, column: 5, message: rejects('incomplete input') }],
    },
    {
      name: 'an unterminated string',
      code: "CREATE TABLE t (a TEXT);\nINSERT INTO t VALUES ('it's);\n",
      errors: [{ line: 2, column: 27, message: rejects('near "s": syntax error') }],
    },
    {
      name: 'an unterminated string at the end of the file',
      code: "CREATE TABLE t (a TEXT);\nINSERT INTO t VALUES ('open);\n",
      errors: [{ line: 2, column: 23, message: rejects('unrecognized token: "\'open);"') }],
    },
    {
      name: 'the right one of several identical tokens',
      code: 'CREATE TABLE t (a INT DEFAULT (1), b DATETIME DEFAULT GETDATE());',
      errors: [{ line: 1, column: 62, message: rejects('near "(": syntax error') }],
    },
    {
      name: 'no such table names the table',
      code: 'CREATE TABLE t (a INT);\nINSERT INTO missing (a) VALUES (1);',
      errors: [
        {
          line: 2,
          column: 13,
          endColumn: 20,
          message: rejects('no such table: missing'),
          help: 'Create it earlier in this file (SQLite runs the statements in order), or correct the name.',
        },
      ],
    },
    {
      name: 'table already exists, duplicate column',
      code: 'CREATE TABLE t (a INT);\nCREATE TABLE t (a INT);\nCREATE TABLE u (a INT, b INT, a TEXT);',
      errors: [
        { line: 2, column: 14, message: rejects('table t already exists') },
        { line: 3, column: 31, message: rejects('duplicate column name: a') },
      ],
    },
    {
      name: 'no cascade after a failed CREATE TABLE',
      code:
        'CREATE TABLE users (id INTEGER PRIMARY KEY, name NVARCHAR(MAX));\n' +
        'CREATE INDEX users_name ON users (name);\n' +
        "INSERT INTO users (id, name) VALUES (1, 'a');\n" +
        'CREATE VIEW v AS SELECT name FROM users;\n' +
        'SELECT * FROM v;\n' +
        'DROP VIEW v;\n' +
        'INSERT INTO nowhere VALUES (1);',
      errors: [
        { line: 1, column: 59, message: rejects('near "MAX": syntax error') },
        { line: 7, column: 13, message: rejects('no such table: nowhere') },
      ],
    },
    {
      name: 'T-SQL schema prefix',
      code: 'CREATE TABLE dbo.t (a INT);',
      errors: [{ line: 1, column: 14, message: rejects('unknown database dbo') }],
    },
    {
      name: 'a function SQLite does not have, even though sql.js bundles it',
      code: "SELECT charindex('a', 'abc');",
      errors: [{ line: 1, column: 8, message: rejects('no such function: charindex') }],
    },
    {
      name: 'sqlite3 shell dot-commands',
      code: '.mode csv\n.read seed.sql\nCREATE TABLE t (a INT);',
      errors: [
        { line: 1, column: 1, message: 'SQLite rejects this: .mode is a command of the sqlite3 shell, not SQL (near ".": syntax error).' },
        { line: 2, column: 1, message: 'SQLite rejects this: .read is a command of the sqlite3 shell, not SQL (near ".": syntax error).' },
      ],
    },
    {
      name: 'a GO line',
      code: 'CREATE TABLE t (a INT);\nGO\nCREATE TABLE u (a INT);',
      errors: [{ line: 2, column: 1, message: rejects('near "GO": syntax error') }],
    },
    {
      name: 'functions and syntax newer than the default target, SQLite 3.40',
      code:
        "CREATE TABLE t (a TEXT CHECK (concat(a, 'x') <> ''));\n" +
        'INSERT INTO t VALUES (1);\n' +
        'SELECT group_concat(x ORDER BY x), 1_000 FROM (SELECT 1 AS x);',
      errors: [
        {
          line: 1,
          column: 31,
          message: 'SQLite before 3.44 rejects this: no such function: concat.',
          help: 'concat() needs SQLite 3.44 or later and the target is SQLite 3.40: rewrite it, or raise the sqliteVersion option of sqlite/syntax.',
        },
        { line: 3, column: 23, message: 'SQLite before 3.44 rejects this: near "ORDER": syntax error.' },
        { line: 3, column: 36, endColumn: 41, message: 'SQLite before 3.46 rejects this: unrecognized token: "1_000".' },
      ],
    },
    {
      name: 'a newer function under an older target given as an option',
      code: "SELECT unixepoch('now');",
      options: [{ sqliteVersion: '3.37.2' }],
      errors: [{ line: 1, column: 8, message: 'SQLite before 3.38 rejects this: no such function: unixepoch.' }],
    },
    {
      name: 'PRAGMA synchronous inside the file\'s own transaction',
      code: 'BEGIN TRANSACTION;\nPRAGMA synchronous = NORMAL;\nCOMMIT;\nPRAGMA synchronous = NORMAL;',
      errors: [{ line: 2, column: 1, message: rejects('Safety level may not be changed inside a transaction') }],
    },
    {
      name: 'tables created in a transaction or savepoint the file rolls back do not exist afterwards',
      code:
        'BEGIN;\nCREATE TABLE t (a INT);\nROLLBACK;\nINSERT INTO t VALUES (1);\n' +
        'BEGIN;\nCREATE TABLE u (a INT);\nSAVEPOINT s1;\nCREATE TABLE v (a INT);\nROLLBACK TO s1;\nRELEASE s1;\nCOMMIT;\n' +
        'INSERT INTO u VALUES (1);\nINSERT INTO v VALUES (1);',
      errors: [
        { line: 4, column: 13, message: rejects('no such table: t') },
        { line: 13, column: 13, message: rejects('no such table: v') },
      ],
    },
    {
      name: 'columns count in UTF-16 code units after non-ASCII text',
      code: "INSERT INTO t VALUES ('héllo 😀') foo;",
      errors: [{ line: 1, column: 35, message: rejects('near "foo": syntax error') }],
    },
  ],
});
