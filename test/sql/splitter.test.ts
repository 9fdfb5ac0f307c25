import { describe, expect, it } from 'vitest';
import { splitAll, splitStatements } from '../../src/sql/splitter.js';

const texts = (sql: string, dialect: 'tsql' | 'sqlite' = 'tsql') =>
  splitAll(sql, dialect).map((s) => s.tokens.map((t) => t.text).join(' '));
const shape = (sql: string, dialect: 'tsql' | 'sqlite' = 'tsql') =>
  splitAll(sql, dialect).map((s) => `${s.batch}:${s.depth}:${s.kind}`);

describe('T-SQL splitting', () => {
  it('splits statements that have no semicolons', () => {
    expect(texts('DROP TABLE a CREATE TABLE b (x INT) INSERT INTO b VALUES (1) SELECT * FROM b')).toEqual([
      'DROP TABLE a',
      'CREATE TABLE b ( x INT )',
      'INSERT INTO b VALUES ( 1 )',
      'SELECT * FROM b',
    ]);
  });

  it('keeps clauses that look like statements inside their statement', () => {
    expect(
      texts(
        'CREATE TABLE t (a INT REFERENCES u (id) ON DELETE CASCADE ON UPDATE SET NULL) ' +
          'INSERT INTO t (a) SELECT a FROM u UNION ALL SELECT 2 ' +
          'UPDATE t SET a = 1 ' +
          'DROP TABLE IF EXISTS t ' +
          'CREATE TABLE IF NOT EXISTS t (a INT)',
      ),
    ).toEqual([
      'CREATE TABLE t ( a INT REFERENCES u ( id ) ON DELETE CASCADE ON UPDATE SET NULL )',
      'INSERT INTO t ( a ) SELECT a FROM u UNION ALL SELECT 2',
      'UPDATE t SET a = 1',
      'DROP TABLE IF EXISTS t',
      'CREATE TABLE IF NOT EXISTS t ( a INT )',
    ]);
  });

  it('ends batches at GO lines and counts them', () => {
    expect(shape('CREATE TABLE a (x INT)\nGO\nCREATE VIEW v AS SELECT x FROM a\nGO 2\nSELECT 1')).toEqual([
      '0:0:create table',
      '0:0:go',
      '1:0:create view',
      '1:0:go',
      '2:0:select',
    ]);
  });

  it('nests BEGIN ... END blocks and keeps CASE ... END inside its statement', () => {
    const sql = `IF OBJECT_ID(N'dbo.t', N'U') IS NULL
BEGIN
  CREATE TABLE t (a INT)
  IF 1 = 1 BEGIN UPDATE t SET a = CASE WHEN a = 1 THEN 2 ELSE 3 END END
END
ELSE PRINT 'exists'`;
    expect(shape(sql)).toEqual([
      '0:0:if',
      '0:0:begin',
      '0:1:create table',
      '0:1:if',
      '0:1:begin',
      '0:2:update',
      '0:1:end',
      '0:0:end',
      '0:0:else',
      '0:0:print',
    ]);
  });

  it('splits a procedure into its header and body statements up to the batch end', () => {
    const sql = `CREATE PROCEDURE dbo.p @a INT WITH EXECUTE AS OWNER AS
BEGIN
  SET NOCOUNT ON;
  BEGIN TRY SELECT 1 END TRY BEGIN CATCH THROW; END CATCH
END
GO
SELECT 2`;
    const statements = splitAll(sql, 'tsql');
    expect(statements.map((s) => `${s.depth}:${s.inRoutine ? 'R' : '-'}:${s.kind}`)).toEqual([
      '0:-:create procedure',
      '1:R:begin',
      '2:R:set',
      '2:R:begin try',
      '3:R:select',
      '2:R:end try',
      '2:R:begin catch',
      '3:R:throw',
      '2:R:end catch',
      '1:R:end',
      '0:-:go',
      '0:-:select',
    ]);
  });

  it('never splits on GO or ; inside strings, comments or quoted names', () => {
    expect(texts("INSERT INTO t VALUES ('a;\nGO\nb') -- ; GO\n/* ;\nGO\n */ SELECT [x;\nGO]", 'tsql')).toHaveLength(2);
    expect(texts("INSERT INTO t VALUES ('a;\nGO\nb'); /* ; */ SELECT 1;", 'sqlite')).toHaveLength(2);
  });

  it('keeps common table expressions and MERGE whole, but not table hints', () => {
    expect(
      texts(
        'WITH c AS (SELECT 1 AS x) SELECT x FROM c ' +
          'MERGE t USING s ON t.a = s.a WHEN MATCHED THEN UPDATE SET a = 1 WHEN NOT MATCHED THEN INSERT (a) VALUES (1); ' +
          'SELECT * FROM t WITH (NOLOCK)',
      ),
    ).toEqual([
      'WITH c AS ( SELECT 1 AS x ) SELECT x FROM c',
      'MERGE t USING s ON t . a = s . a WHEN MATCHED THEN UPDATE SET a = 1 WHEN NOT MATCHED THEN INSERT ( a ) VALUES ( 1 ) ;',
      'SELECT * FROM t WITH ( NOLOCK )',
    ]);
  });

  it('looks far ahead for a common table expression with a long column list', () => {
    // The column list is longer than the lookahead's first capacity: it grows and keeps the order.
    const columns = Array.from({ length: 40 }, (_, i) => `c${i}`).join(', ');
    const sql = `DROP TABLE a WITH cte (${columns}) AS (SELECT 1) SELECT c0, c39 FROM cte`;
    const statements = texts(sql);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toBe('DROP TABLE a');
    expect(statements[1]).toBe(`WITH cte ( ${columns.replaceAll(',', ' ,')} ) AS ( SELECT 1 ) SELECT c0 , c39 FROM cte`);
  });

  it('keeps the SET of an UPDATE that is the main statement of a WITH, and DROP ... IF EXISTS of policies', () => {
    expect(
      texts(
        'WITH totals AS (SELECT bin, SUM(qty) AS q FROM moves GROUP BY bin) ' +
          'UPDATE s SET s.on_hand -= t.q, s.touched = 1 FROM stock AS s JOIN totals AS t ON t.bin = s.bin ' +
          'SET @done = 1 ' +
          'DROP SECURITY POLICY IF EXISTS app.TenantFilter ' +
          'DROP AGGREGATE IF EXISTS dbo.Concat',
      ),
    ).toEqual([
      'WITH totals AS ( SELECT bin , SUM ( qty ) AS q FROM moves GROUP BY bin ) ' +
        'UPDATE s SET s . on_hand -= t . q , s . touched = 1 FROM stock AS s JOIN totals AS t ON t . bin = s . bin',
      'SET @done = 1',
      'DROP SECURITY POLICY IF EXISTS app . TenantFilter',
      'DROP AGGREGATE IF EXISTS dbo . Concat',
    ]);
  });

  it('reads a column named Throw as a name, and THROW statements as statements', () => {
    expect(texts('SELECT id, Throw, Catch FROM pitches WHERE Throw = 1 THROW 50001, N\'bad\', 1 THROW')).toEqual([
      'SELECT id , Throw , Catch FROM pitches WHERE Throw = 1',
      "THROW 50001 , N'bad' , 1",
      'THROW',
    ]);
  });

  it('keeps ALTER COLUMN ... DROP MASKED and its kin in their ALTER TABLE', () => {
    expect(texts('ALTER TABLE t ALTER COLUMN email DROP MASKED ALTER TABLE t ALTER COLUMN g DROP ROWGUIDCOL ALTER TABLE t ALTER COLUMN c DROP NOT FOR REPLICATION DROP TABLE u')).toEqual([
      'ALTER TABLE t ALTER COLUMN email DROP MASKED',
      'ALTER TABLE t ALTER COLUMN g DROP ROWGUIDCOL',
      'ALTER TABLE t ALTER COLUMN c DROP NOT FOR REPLICATION',
      'DROP TABLE u',
    ]);
    expect(texts('ALTER TABLE t ALTER COLUMN n DROP SPARSE DROP INDEX ix ON t ALTER TABLE m DROP INDEX ix_m ALTER TABLE m ALTER INDEX ix_m REBUILD')).toEqual([
      'ALTER TABLE t ALTER COLUMN n DROP SPARSE',
      'DROP INDEX ix ON t',
      'ALTER TABLE m DROP INDEX ix_m',
      'ALTER TABLE m ALTER INDEX ix_m REBUILD',
    ]);
  });

  it('keeps WITH GRANT OPTION in its GRANT', () => {
    expect(texts('GRANT SELECT ON dbo.t TO reader WITH GRANT OPTION GRANT INSERT ON dbo.t TO writer')).toEqual([
      'GRANT SELECT ON dbo . t TO reader WITH GRANT OPTION',
      'GRANT INSERT ON dbo . t TO writer',
    ]);
  });

  it('reads MERGE before JOIN as a join hint, not a MERGE statement', () => {
    expect(texts('SELECT * FROM a LEFT MERGE JOIN b ON b.id = a.id INNER MERGE JOIN c ON c.id = a.id MERGE t USING s ON 1 = 1 WHEN MATCHED THEN DELETE;')).toEqual([
      'SELECT * FROM a LEFT MERGE JOIN b ON b . id = a . id INNER MERGE JOIN c ON c . id = a . id',
      'MERGE t USING s ON 1 = 1 WHEN MATCHED THEN DELETE ;',
    ]);
  });

  it('keeps trigger event lists and GRANT permission lists whole', () => {
    expect(texts('CREATE TRIGGER tr ON t AFTER INSERT, UPDATE AS SELECT 1')).toEqual([
      'CREATE TRIGGER tr ON t AFTER INSERT , UPDATE AS',
      'SELECT 1',
    ]);
    expect(texts('GRANT SELECT, INSERT, UPDATE ON t TO app DENY DELETE ON t TO app')).toEqual([
      'GRANT SELECT , INSERT , UPDATE ON t TO app',
      'DENY DELETE ON t TO app',
    ]);
  });
});

describe('recovery', () => {
  it('a missing ) does not swallow the statements after the next ;', () => {
    expect(texts('CREATE TABLE a (x INT;\nCREATE TABLE b (y INT);', 'sqlite')).toEqual(['CREATE TABLE a ( x INT ;', 'CREATE TABLE b ( y INT ) ;']);
    expect(texts('CREATE TABLE a (x INT;\nCREATE TABLE b (y INT);', 'tsql')).toEqual(['CREATE TABLE a ( x INT ;', 'CREATE TABLE b ( y INT ) ;']);
  });

  it('Service Broker BEGIN DIALOG and END CONVERSATION are not blocks', () => {
    expect(shape('BEGIN DIALOG CONVERSATION @h FROM SERVICE a TO SERVICE \'b\'; END CONVERSATION @h; SELECT 1')).toEqual([
      '0:0:begin dialog',
      '0:0:end conversation',
      '0:0:select',
    ]);
  });
});

describe('SQLite splitting', () => {
  it('splits on semicolons and keeps trigger bodies whole', () => {
    const sql = `CREATE TABLE a (x INTEGER PRIMARY KEY AUTOINCREMENT);
CREATE TRIGGER tr AFTER INSERT ON a FOR EACH ROW
BEGIN
  UPDATE a SET x = CASE WHEN NEW.x > 1 THEN 1 END;
  INSERT INTO b VALUES (1);
END;
BEGIN; COMMIT;`;
    expect(shape(sql, 'sqlite')).toEqual(['0:0:create table', '0:0:create trigger', '0:0:begin', '0:0:commit']);
  });

  it('treats a GO line as a boundary so the statements around it stay intact', () => {
    expect(texts('CREATE TABLE a (x INT)\nGO\nCREATE TABLE b (y INT);', 'sqlite')).toEqual([
      'CREATE TABLE a ( x INT )',
      'GO',
      'CREATE TABLE b ( y INT ) ;',
    ]);
  });
});

describe('a statement longer than the token limit', () => {
  const split = (sql: string, dialect: 'tsql' | 'sqlite') => [...splitStatements(sql, dialect, { maxStatementTokens: 10 })];

  for (const dialect of ['tsql', 'sqlite'] as const) {
    it(`is marked oversized, keeps its leading tokens and still spans all of its text (${dialect})`, () => {
      const values = Array.from({ length: 40 }, (_, i) => `(${i})`).join(', ');
      const sql = `INSERT INTO t (a) VALUES ${values};\nCREATE TABLE u (id INT);`;
      const [first, second] = split(sql, dialect);
      expect(first.oversized).toBe(true);
      expect(first.kind).toBe('insert');
      expect(first.tokens.length).toBeLessThanOrEqual(10);
      expect(first.tokens.slice(0, 4).map((token) => token.text)).toEqual(['INSERT', 'INTO', 't', '(']);
      expect([first.start, first.end]).toEqual([0, sql.indexOf(';') + 1]);
      expect(first.terminated).toBe(true);
      // The next statement is whole and ordinary.
      expect(second.oversized).toBeUndefined();
      expect(second.tokens.map((token) => token.text).join(' ')).toBe('CREATE TABLE u ( id INT ) ;');
    });
  }

  it('leaves a statement at the limit alone', () => {
    const [statement] = split('SELECT a, b, c FROM t x;', 'sqlite');
    expect(statement.tokens).toHaveLength(10);
    expect(statement.oversized).toBeUndefined();
  });
});
