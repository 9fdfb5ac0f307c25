import { readdirSync, readFileSync } from 'node:fs';
import rule from '../../../rules/tsql/syntax.js';
import { runRuleTests } from '../../support/rule-tester.js';

const validDirectory = new URL('../../../fixtures/syntax/tsql/valid/', import.meta.url);
const validFixtures = readdirSync(validDirectory)
  .filter((name) => name.endsWith('.sql'))
  .map((name) => ({ name: `fixture ${name}`, code: readFileSync(new URL(name, validDirectory), 'utf8') }));

const near = (text: string): string => `Incorrect syntax near '${text}'.`;

runRuleTests(rule, {
  valid: [
    ...validFixtures,
    'CREATE TABLE t (a INT, b INT,)',
    'CREATE TABLE t (a INT)\nCREATE TABLE u (b INT)',
    'sp_help t',
    "[dbo].[usp_Seed] 'x', 2",
    'CREATE TABLE t (a INT);\n;\nSELECT 1;',
    { code: 'SELECT a || b FROM t', name: '|| on SQL Server 2025', sqlserverVersion: '2025' },
    'ALTER TABLE t DROP PK_t',
    'ALTER TABLE [dbo].[t] DISABLE TRIGGER ALL',
    "IF OBJECT_ID('t') IS NOT NULL DROP TABLE t",
    'BEGIN TRAN\nUPDATE t SET a = 1\nCOMMIT',
    "CREATE TABLE t (d DATETIME DEFAULT {fn NOW()})",
    'DECLARE @t TABLE (id INT PRIMARY KEY, name NVARCHAR(10) NOT NULL)',
    "SET DATEFORMAT dmy\nSET LANGUAGE us_english\nSET TRANSACTION ISOLATION LEVEL READ COMMITTED\nSET STATISTICS IO, TIME ON",
    'CREATE TABLE t (a INT) -- no GO at the end, comment after',
    'CREATE PROCEDURE p @a AS INT, @b VARCHAR(10) = NULL OUTPUT AS SELECT @a',
    'CREATE PROC p (@a INT = -1, @t dbo.IdList READONLY) WITH RECOMPILE, EXECUTE AS OWNER FOR REPLICATION AS RETURN 0',
    'CREATE PROCEDURE p @n NVARCHAR(10) AS EXTERNAL NAME Assembly.[Namespace.Class].Method',
    'CREATE FUNCTION f () RETURNS INT WITH RETURNS NULL ON NULL INPUT, SCHEMABINDING BEGIN RETURN 1 END',
    'CREATE FUNCTION f (@a INT) RETURNS TABLE WITH SCHEMABINDING RETURN SELECT @a AS a',
    'CREATE TRIGGER ddl ON ALL SERVER WITH EXECUTE AS \'sa\' FOR LOGON, CREATE_LOGIN AS ROLLBACK',
    'CREATE TRIGGER tr ON dbo.v INSTEAD OF INSERT, UPDATE NOT FOR REPLICATION AS SET NOCOUNT ON',
    'INSERT TOP (10) INTO t SELECT a FROM u',
    'INSERT @t VALUES (1)',
    'SELECT FIRST_VALUE(a) IGNORE NULLS OVER (ORDER BY b) AS f, a << 2 AS shifted, a >> 1 AS halved FROM dbo.t',
    'SELECT ROWGUIDCOL, IDENTITYCOL, $IDENTITY FROM dbo.t',
    'CREATE PROCEDURE dbo.OpenOrders @cur CURSOR VARYING OUTPUT AS SET @cur = CURSOR FOR SELECT 1; OPEN @cur',
    'CREATE FUNCTION dbo.Split (@s NVARCHAR(MAX)) RETURNS TABLE (item NVARCHAR(100)) AS EXTERNAL NAME Lib.[Lib.Functions].Split',
    'CREATE TABLE t (Connection NVARCHAR(200), Period INT, Hidden BIT, Sparse BIT, Persisted BIT, Masked BIT)',
    '/* outer /* nested */ still a comment */ CREATE TABLE t (a INT)',
    { name: 'an edge table with no attributes', code: 'CREATE TABLE graph.follows AS EDGE\nCREATE TABLE graph.tag AS NODE' },
    { name: 'a named window (SQL Server 2022)', code: 'SELECT SUM(qty) OVER w AS running, AVG(qty) OVER [w] FROM dbo.Moves WINDOW w AS (PARTITION BY bin ORDER BY movedAt)' },
    { name: 'ALTER COLUMN ... DROP MASKED / SPARSE', code: "ALTER TABLE dbo.Members ALTER COLUMN Email ADD MASKED WITH (FUNCTION = 'email()')\nALTER TABLE dbo.Members ALTER COLUMN Email DROP MASKED\nALTER TABLE dbo.Members ALTER COLUMN Note DROP SPARSE" },
    { name: 'a column named Throw', code: 'SELECT id, Throw, Catch FROM dbo.Pitches WHERE Throw = 1\nUPDATE dbo.Pitches SET Throw = Throw + 1' },
    { name: 'GRANT ... WITH GRANT OPTION', code: 'GRANT SELECT, INSERT ON SCHEMA::sales TO clerk WITH GRANT OPTION AS sales_admin' },
    { name: 'a MERGE join hint', code: 'SELECT a.id FROM a LEFT MERGE JOIN b ON b.id = a.id FULL OUTER HASH JOIN c ON c.id = a.id' },
    { name: 'the pre-2005 ::function form in FROM', code: 'SELECT io.num_of_reads FROM ::fn_virtualfilestats(DB_ID(), NULL) AS io' },
    {
      name: 'WITH ... UPDATE ... SET with a compound assignment, and DROP SECURITY POLICY IF EXISTS',
      code: 'DROP SECURITY POLICY IF EXISTS app.TenantFilter;\nWITH moved AS (SELECT bin, SUM(qty) AS q FROM moves GROUP BY bin)\nUPDATE s SET s.on_hand -= m.q FROM stock AS s JOIN moved AS m ON m.bin = s.bin;',
    },
  ],
  invalid: [
    {
      // Found by the fuzz test: reporting the blob first hid the error at VALUES until the blob was fixed.
      name: 'a grammar error before an unreadable token is the one reported',
      code: "VALUES\n  X'AB'",
      errors: [{ line: 1, column: 1, message: near('VALUES') }],
    },
    {
      name: 'an unreadable token before a grammar error is the one reported',
      code: "SELECT X'AB' FROM",
      errors: [{ line: 1, column: 8, message: near('AB') }],
    },
    {
      name: 'a missing comma between columns',
      code: 'CREATE TABLE t (\n  a INT\n  b INT\n)',
      errors: [{ line: 3, column: 3, message: near('b'), endColumn: 4 }],
    },
    {
      name: 'a missing closing parenthesis',
      code: 'CREATE TABLE t (\n  a INT,\n  b NVARCHAR(20)\nGO\nSELECT 1',
      errors: [{ line: 3, column: 16, message: near(')') }],
    },
    {
      name: 'a misspelt keyword',
      code: 'CREATE TABLE t (\n  a INT NOT NUL,\n  b INT\n)',
      errors: [{ line: 2, column: 9, message: near('NOT') }],
    },
    {
      name: 'a misspelt object type',
      code: 'CREATE TABEL t (a INT)',
      errors: [{ line: 1, column: 8, message: near('TABEL') }],
    },
    {
      name: 'a stray token',
      code: 'CREATE TABLE t (a INT) )\nGO\nINSERT INTO t VALUES (1, 2))',
      errors: [
        { line: 1, column: 24, message: near(')') },
        { line: 3, column: 28, message: near(')') },
      ],
    },
    {
      name: 'errors in three statements across two batches, each reported',
      code: [
        'CREATE TABLE a (x INT y INT)',
        'CREATE TABLE ok (x INT)',
        'ALTER TABLE a ADD COLUMN z INT',
        'GO',
        'CREATE INDEX ix ON a (x) INCLUDE x',
        'CREATE TABLE ok2 (x INT)',
      ].join('\n'),
      errors: [
        { line: 1, column: 23, message: near('y') },
        { line: 3, column: 19, message: near('COLUMN') },
        { line: 5, column: 34, message: near('x') },
      ],
    },
    {
      // An index named like the word of an XML index was once taken for one, and only its parentheses were checked.
      name: 'an error in a plain index named xml, or on a table named xml',
      code: 'CREATE INDEX xml ON t (a,)\nCREATE INDEX ix ON xml (a) INCLUDE a',
      errors: [
        { line: 1, column: 26, message: near(')') },
        { line: 2, column: 36, message: near('a') },
      ],
    },
    {
      name: 'SQLite forms SQL Server rejects, in the words of its parser',
      code: [
        'CREATE TABLE IF NOT EXISTS t (a INT)',
        'ALTER TABLE t RENAME TO u',
        'INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO NOTHING',
        'CREATE TABLE t (a INT UNIQUE ON CONFLICT REPLACE)',
        'CREATE TABLE t (a INT PRIMARY KEY) WITHOUT ROWID',
        'CREATE TEMP TABLE t (a INT)',
        'CREATE TABLE t (a INT, b INT GENERATED ALWAYS AS (a * 2) STORED)',
        'CREATE TABLE t (a INT REFERENCES u (a) DEFERRABLE INITIALLY DEFERRED)',
        'DROP INDEX i',
      ].join('\n'),
      errors: [
        { line: 1, column: 14, message: near('IF') },
        { line: 2, column: 15, message: near('RENAME') },
        { line: 3, column: 30, message: near('ON') },
        { line: 4, column: 42, message: near('REPLACE') },
        { line: 5, column: 36, message: near('WITHOUT') },
        { line: 6, column: 8, message: near('TEMP') },
        { line: 7, column: 50, message: near('(') },
        { line: 8, column: 40, message: near('DEFERRABLE') },
        { line: 9, column: 12, message: 'Exactly two part names are required in a DROP INDEX statement.' },
      ],
    },
    {
      name: 'routine headers: a SQLite trigger, a parameter without a type, a RETURNS missing its type',
      code: [
        'CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN UPDATE t SET a = 1; END;',
        'GO',
        'CREATE PROCEDURE p @a, @b INT AS SELECT 1',
        'GO',
        'CREATE FUNCTION f (@x INT) RETURNS AS BEGIN RETURN 1 END',
        'GO',
        'INSERT OR IGNORE INTO t (a) VALUES (1)',
      ].join('\n'),
      errors: [
        { line: 1, column: 19, message: near('AFTER') },
        { line: 3, column: 22, message: near(',') },
        { line: 5, column: 36, message: near('AS') },
        { line: 7, column: 8, message: near('OR') },
      ],
    },
    {
      name: 'errors inside queries: views, subqueries, a misspelt statement absorbed by a SELECT',
      code: [
        'CREATE VIEW v AS SELECT a, FROM t',
        'GO',
        'SELECT a FROM t WHERE a IN (SELECT b FORM u)',
        'SELECT 1',
        'INSRET INTO t VALUES (1)',
        'SELECT a FROM t ORDER BY a OFFSET 5 ROWS FETCH NEXT 10 ROW',
      ].join('\n'),
      errors: [
        { line: 1, column: 28, message: near('FROM') },
        { line: 3, column: 43, message: near('u') },
        { line: 5, column: 15, message: near('VALUES') },
        { line: 6, column: 56, message: near('ROW') },
      ],
    },
    {
      name: 'sqlcmd commands, which only sqlcmd and SQLCMD mode read',
      code: ':setvar DatabaseName "Trading"\nGO\nSELECT 1\nGO\n:r .\\seed.sql',
      errors: [
        { line: 1, column: 1, message: near(':') },
        { line: 5, column: 1, message: near(':') },
      ],
    },
    {
      name: 'an unclosed string',
      code: "INSERT INTO t VALUES ('it)",
      errors: [{ line: 1, column: 23, message: "Unclosed quotation mark after the character string 'it)'." }],
    },
    {
      name: 'an unterminated block comment',
      code: 'CREATE TABLE t (a INT)\n/* never closed',
      errors: [{ line: 2, column: 1, message: "Missing end comment mark '*/'." }],
    },
    {
      name: 'a backtick name',
      code: 'CREATE TABLE t (`a` INT)',
      errors: [{ line: 1, column: 17, message: near('`') }],
    },
    {
      name: 'an END without BEGIN, and a BEGIN never closed',
      code: 'IF 1 = 1\nEND\nGO\nBEGIN\n  SELECT 1\nGO',
      errors: [
        { line: 2, column: 1, message: near('END') },
        { line: 5, column: 10, message: near('1') },
      ],
    },
    {
      name: 'an IF, WHILE or ELSE with no statement to govern',
      code: "IF OBJECT_ID('t') IS NULL\nGO\nIF 1 = 1 BEGIN\n  WHILE @i < 3\nEND\nIF 1 = 1 PRINT 1 ELSE",
      errors: [
        { line: 1, column: 22, message: near('NULL') },
        { line: 5, column: 1, message: near('END') },
        { line: 6, column: 18, message: near('ELSE') },
      ],
    },
    {
      name: 'a MERGE without its semicolon',
      code: 'MERGE t USING s ON t.id = s.id\nWHEN MATCHED THEN UPDATE SET t.a = s.a\nWHEN NOT MATCHED THEN INSERT (id, a) VALUES (s.id, s.a)\nGO',
      errors: [{ line: 1, column: 1, message: 'A MERGE statement must be terminated by a semi-colon (;).' }],
    },
    {
      name: 'a procedure name without EXEC after the first statement of a batch',
      code: 'SELECT 1\nGO\nPRINT 1;\nsp_who',
      errors: [{ line: 4, column: 1, message: near('sp_who') }],
    },
    {
      name: 'a SET option that does not exist',
      code: 'SET ANSI_NULL ON',
      errors: [{ line: 1, column: 5, message: near('ANSI_NULL') }],
    },
    {
      name: 'a reserved word as a column name',
      code: 'CREATE TABLE t (id INT, key NVARCHAR(10))',
      errors: [{ line: 1, column: 25, message: near('key') }],
    },
    {
      name: '|| before SQL Server 2025',
      code: "CREATE TABLE t (a NVARCHAR(10), b AS a || 'x')\nSELECT a || b FROM t",
      errors: [
        { line: 1, column: 40, message: near('||') },
        { line: 2, column: 10, message: near('||') },
      ],
    },
  ],
});
