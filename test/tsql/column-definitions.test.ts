import { describe, expect, it } from 'vitest';
import { columnDefinitions } from '../../src/rules-support/tsql-columns.js';
import { splitAll } from '../../src/sql/splitter.js';

// Lives beside the grammar's tests, as sorted-type-positions.test.ts: the type rules' support for T-SQL.
/** Each definition as `name:type tokens|rest of the definition`. */
function definitions(sql: string): string[] {
  const [statement] = splitAll(sql, 'tsql');
  const text = (from: number, to: number): string => statement.tokens.slice(from, to).map((t) => t.text).join(' ');
  return columnDefinitions(statement).map((c) =>
    c.typeStart < 0 ? `${c.name.text}:|${text(c.typeEnd, c.end)}` : `${c.name.text}:${text(c.typeStart, c.typeEnd)}|${text(c.typeEnd, c.end)}`,
  );
}

describe('columnDefinitions', () => {
  it('cuts a CREATE TABLE list at its top-level commas, skipping constraints and empty elements', () => {
    expect(definitions('CREATE TABLE t (a DECIMAL(18, 2) NOT NULL, b AS (a + 1), CONSTRAINT pk PRIMARY KEY (a, b), , c INT);')).toEqual([
      'a:DECIMAL ( 18 , 2 )|NOT NULL',
      'b:|AS ( a + 1 )',
      'c:INT|',
    ]);
  });

  it('reads multi-word types and stops at an unclosed list', () => {
    expect(definitions('CREATE TABLE t (a national character varying (20), b double precision, c char varying')).toEqual([
      'a:national character varying ( 20 )|',
      'b:double precision|',
      'c:char varying|',
    ]);
  });

  it('finds table variables and table types beside the statement kind', () => {
    expect(definitions('DECLARE @t TABLE (x INT, y TEXT)')).toEqual(['x:INT|', 'y:TEXT|']);
    expect(definitions('CREATE TYPE dbo.T AS TABLE (id BIGINT PRIMARY KEY)')).toEqual(['id:BIGINT|PRIMARY KEY']);
  });
});
