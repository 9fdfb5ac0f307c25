import { describe, expect, it } from 'vitest';
import { splitAll } from '../../src/sql/splitter.js';

/** Splitter cases the T-SQL grammar depends on (the splitter itself is the lead's; these pin the edits made for the grammar). */
const statementsOf = (text: string): string[] => splitAll(text, 'tsql').map((s) => s.tokens.map((t) => t.text).join(' '));

describe('T-SQL splitter edge cases', () => {
  it('keeps ALTER TABLE t ENABLE / DISABLE TRIGGER as one statement, and ENABLE TRIGGER ... ON t as its own', () => {
    expect(statementsOf('ALTER TABLE [dbo].[t] ENABLE TRIGGER [tr]\nALTER TABLE t DISABLE TRIGGER ALL')).toEqual([
      'ALTER TABLE [dbo] . [t] ENABLE TRIGGER [tr]',
      'ALTER TABLE t DISABLE TRIGGER ALL',
    ]);
    expect(statementsOf('SELECT 1\nENABLE TRIGGER tr ON t')).toEqual(['SELECT 1', 'ENABLE TRIGGER tr ON t']);
  });

  it('keeps ALTER TABLE t DROP name (CONSTRAINT left out) as one statement', () => {
    expect(statementsOf('ALTER TABLE t DROP PK_t\nDROP TABLE u')).toEqual(['ALTER TABLE t DROP PK_t', 'DROP TABLE u']);
  });

  it('makes a GOTO label a statement of its own, so the statement after it starts anew', () => {
    expect(statementsOf("WAITFOR DELAY '00:00:01'\nretry:\nBEGIN TRY\nSELECT 1\nEND TRY")).toEqual([
      "WAITFOR DELAY '00:00:01'",
      'retry :',
      'BEGIN TRY',
      'SELECT 1',
      'END TRY',
    ]);
    expect(statementsOf('SELECT a::b FROM t')).toEqual(['SELECT a::b FROM t'.replace('::', ' :: ')]);
  });

  it('keeps a procedure header whole through `@p AS type` parameters and `WITH ..., EXECUTE AS` options', () => {
    expect(statementsOf('CREATE PROCEDURE p @a AS INT WITH RECOMPILE, EXECUTE AS OWNER AS SELECT @a')).toEqual([
      'CREATE PROCEDURE p @a AS INT WITH RECOMPILE , EXECUTE AS OWNER AS',
      'SELECT @a',
    ]);
  });

  it('keeps a view whose SELECT starts with a common table expression whole', () => {
    expect(statementsOf('CREATE VIEW v AS\nWITH c AS (SELECT 1 AS n) SELECT n FROM c')).toEqual([
      'CREATE VIEW v AS WITH c AS ( SELECT 1 AS n ) SELECT n FROM c',
    ]);
    expect(statementsOf('CREATE VIEW v AS SELECT 1 AS n\nSELECT 2')).toEqual(['CREATE VIEW v AS SELECT 1 AS n', 'SELECT 2']);
  });

  it('starts an INSERT after SET IDENTITY_INSERT t ON', () => {
    expect(statementsOf('SET IDENTITY_INSERT t ON\nINSERT t (a) VALUES (1)\nSET IDENTITY_INSERT t OFF')).toEqual([
      'SET IDENTITY_INSERT t ON',
      'INSERT t ( a ) VALUES ( 1 )',
      'SET IDENTITY_INSERT t OFF',
    ]);
  });

  it('reads SQLite statement words used as T-SQL names as names, and still splits the SQLite statements', () => {
    expect(statementsOf('SELECT id, analyze, vacuum, pragma, replace INTO #t FROM dbo.Odd')).toHaveLength(1);
    expect(statementsOf('UPDATE t SET analyze = 0, reindex = 1 WHERE pragma = 2')).toHaveLength(1);
    expect(statementsOf('CREATE TABLE t (a INT)\nPRAGMA foreign_keys = ON\nVACUUM\nREPLACE INTO t VALUES (1)')).toEqual([
      'CREATE TABLE t ( a INT )',
      'PRAGMA foreign_keys = ON',
      'VACUUM',
      'REPLACE INTO t VALUES ( 1 )',
    ]);
  });
});
