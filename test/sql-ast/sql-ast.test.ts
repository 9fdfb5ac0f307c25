import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_LENGTH, MAX_NESTING, parseSelect, selectShape, selectText } from '../../src/sql/sql-ast.js';

describe('selectShape', () => {
  it('reads the tables and output columns of a T-SQL body written with brackets, dbo., TOP and hints', () => {
    const shape = selectShape(
      'SELECT TOP (10) [o].[id], o.[name] AS [n], GETDATE() AS [now]\nFROM [dbo].[orders] AS o WITH (NOLOCK)\nINNER JOIN dbo.customers c ON c.id = o.cid\nORDER BY o.id DESC',
      'tsql',
    );
    expect(shape).toEqual({
      tables: [
        { schema: 'dbo', name: 'orders' },
        { schema: 'dbo', name: 'customers' },
      ],
      columns: ['id', 'n', 'now'],
    });
  });

  it('reads a SQLite body written with quotes, LIMIT and datetime()', () => {
    const shape = selectShape(
      `SELECT o.id, o.name AS n, datetime('now') AS "now" FROM "orders" AS o JOIN customers c ON c.id = o.cid ORDER BY o.id DESC LIMIT 10;`,
      'sqlite',
    );
    expect(shape).toEqual({ tables: [{ name: 'orders' }, { name: 'customers' }], columns: ['id', 'n', 'now'] });
  });

  it('collects tables of subqueries, CTE bodies and set operations, and leaves CTE names out', () => {
    const shape = selectShape(
      'WITH recent AS (SELECT id FROM orders WHERE created > 0)\nSELECT r.id FROM recent r WHERE EXISTS (SELECT 1 FROM refunds f WHERE f.oid = r.id)\nUNION ALL SELECT id FROM archive',
      'sqlite',
    );
    expect(shape?.tables?.map((table) => table.name).sort()).toEqual(['archive', 'orders', 'refunds']);
    expect(shape?.columns).toEqual(['id']);
  });

  it("reads T-SQL's name = expression aliases, and leaves a SQLite comparison unnamed", () => {
    expect(selectShape("SELECT Total = SUM(x), [Label] = N'a', 'Quoted' = 1, id FROM t GROUP BY id", 'tsql')?.columns).toEqual(['Total', 'Label', 'Quoted', 'id']);
    expect(selectShape('SELECT a = b FROM t', 'sqlite')?.columns).toBeUndefined();
  });

  it('keeps a T-SQL view body that ends in WITH CHECK OPTION readable', () => {
    expect(selectShape('SELECT id FROM dbo.t WHERE active = 1\nWITH CHECK OPTION', 'tsql')?.tables).toEqual([{ schema: 'dbo', name: 't' }]);
  });

  it('gives no column list when a column is * or has no name, and no table list for a table-valued source', () => {
    expect(selectShape('SELECT o.*, c.name FROM orders o JOIN customers c ON c.id = o.cid', 'sqlite')?.columns).toBeUndefined();
    expect(selectShape('SELECT id, amount * 2 FROM orders', 'sqlite')?.columns).toBeUndefined();
    expect(selectShape("SELECT j.value FROM orders o, json_each(o.tags) j", 'sqlite')?.tables).toBeUndefined();
  });

  it('has no opinion (undefined, never an exception) on what it cannot read', () => {
    expect(selectShape('SELECT FROM WHERE', 'tsql')).toBeUndefined();
    expect(selectShape('INSERT INTO t VALUES (1)', 'sqlite')).toBeUndefined();
    expect(selectShape('SELECT 1; SELECT 2', 'sqlite')).toBeUndefined();
    expect(selectShape("SELECT 'unterminated", 'tsql')).toBeUndefined();
    expect(selectShape('', 'tsql')).toBeUndefined();
  });

  it('refuses bodies over the size bound and deeper than the nesting bound before parsing', () => {
    const long = `SELECT a FROM t WHERE a IN (${Array.from({ length: MAX_BODY_LENGTH / 4 }, (_, i) => i).join(', ')})`;
    expect(long.length).toBeGreaterThan(MAX_BODY_LENGTH);
    expect(parseSelect(long, 'sqlite')).toBeUndefined();
    const deep = `SELECT ${'('.repeat(MAX_NESTING + 1)}1${')'.repeat(MAX_NESTING + 1)} AS x FROM t`;
    expect(parseSelect(deep, 'sqlite')).toBeUndefined();
    const shallow = `SELECT ${'('.repeat(5)}1${')'.repeat(5)} AS x FROM t`;
    expect(parseSelect(shallow, 'sqlite')).toBeDefined();
  });

  it('survives a long operator chain that nests as deep as it is long', () => {
    const chain = `SELECT ${Array.from({ length: 3000 }, () => 'a').join(' + ')} AS total FROM t`;
    expect(() => selectShape(chain, 'tsql')).not.toThrow();
  });
});

describe('selectShape on hostile input', () => {
  it('never throws, whatever the body holds', () => {
    const fragment = fc.constantFrom('SELECT', 'FROM', 'WHERE', 'JOIN', 'ON', '(', ')', ',', "'", '"', '[', ']', '`', '--', '/*', '*/', ';', 'a', 't.b', '*', '1', 'N\'x\'', 'TOP', 'LIMIT', 'WITH', 'AS', 'UNION', 'GO', '\n');
    const body = fc.oneof(fc.string(), fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(' ')));
    fc.assert(
      fc.property(body, fc.constantFrom('tsql' as const, 'sqlite' as const), (text, dialect) => {
        const shape = selectShape(text, dialect);
        expect(shape === undefined || typeof shape === 'object').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('selectText', () => {
  /** What it did before: two replacements by expressions that read whitespace runs again from each position. */
  function byExpressions(body: string, dialect: 'tsql' | 'sqlite'): string {
    const text = body.trim().replace(/;+\s*$/, '');
    return dialect === 'tsql' ? text.replace(/\s+WITH\s+CHECK\s+OPTION\s*$/i, '') : text;
  }

  // The words and separators the answer turns on, with Unicode whitespace and letters that upper-case to ASCII (ı, ſ).
  const PIECES = ['SELECT a FROM t', 'WITH', 'with', 'CHECK', 'Check', 'OPTION', 'option', 'OPTıON', 'CHECKſ', ';', ' ', '\t', '\n', '\u00a0', '\u2028', 'x', ''];

  it('gives what the two expressions gave, for both dialects, on any body made of the words they look for', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }), fc.constantFrom('tsql' as const, 'sqlite' as const), (pieces, dialect) => {
        const body = pieces.join('');
        expect(selectText(body, dialect)).toBe(byExpressions(body, dialect));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['SELECT a FROM t WITH CHECK OPTION;', 'tsql', 'SELECT a FROM t'],
    ['SELECT a FROM t\n  with\tcheck  option  ;;', 'tsql', 'SELECT a FROM t'],
    ['SELECT a FROM t WITH CHECK OPTION', 'sqlite', 'SELECT a FROM t WITH CHECK OPTION'],
    ['SELECT a FROM t; ;', 'tsql', 'SELECT a FROM t; '],
    ['SELECT a FROM tWITH CHECK OPTION', 'tsql', 'SELECT a FROM tWITH CHECK OPTION'],
    ['WITH CHECK OPTION', 'tsql', 'WITH CHECK OPTION'],
    ['SELECT a FROM t WITH CHECK OPTıON', 'tsql', 'SELECT a FROM t WITH CHECK OPTıON'],
  ] as const)('%j (%s)', (body, dialect, expected) => {
    expect(selectText(body, dialect)).toBe(expected);
    expect(byExpressions(body, dialect)).toBe(expected);
  });
});
