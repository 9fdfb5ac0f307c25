import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/sql/lexer.js';
import { classifyStatement } from '../../src/sql/statement.js';
import { isTrivia } from '../../src/sql/token.js';

const kindOf = (sql: string): string => classifyStatement(tokenize(sql, 'tsql').filter((token) => !isTrivia(token)));

describe('classifyStatement', () => {
  it.each([
    ['', 'empty'],
    ['GO', 'go'],
    ['(SELECT 1)', 'unknown'],
    ['create table t (id int)', 'create table'],
    ['CREATE OR ALTER PROC dbo.p AS SELECT 1', 'create procedure'],
    ['CREATE OR REPLACE VIEW v AS SELECT 1', 'create view'],
    ['CREATE UNIQUE NONCLUSTERED INDEX ix ON t (a)', 'create index'],
    ['CREATE TEMP TABLE t (a)', 'create table'],
    ['DROP [dbo].[t]', 'drop'],
    ['ALTER TABLE t ADD c INT', 'alter table'],
    ['BEGIN TRAN', 'begin transaction'],
    ['begin try', 'begin try'],
    ['END CATCH', 'end catch'],
    ['BEGIN', 'begin'],
    ['EXECUTE dbo.p', 'exec'],
    ['Insert INTO t VALUES (1)', 'insert'],
  ])('classifies %j as %j', (sql, kind) => {
    expect(kindOf(sql)).toBe(kind);
  });

  it('keeps classifying correctly past the bound on remembered kinds', () => {
    for (let i = 0; i < 5000; i++) expect(kindOf(`CREATE Thing${i} x`)).toBe(`create thing${i}`);
    for (let i = 0; i < 5000; i++) expect(kindOf(`Verb${i} x`)).toBe(`verb${i}`);
    expect(kindOf('CREATE TABLE t (a INT)')).toBe('create table');
    expect(kindOf('CREATE OR ALTER FUNCTION f() RETURNS INT AS BEGIN RETURN 1 END')).toBe('create function');
  });
});
