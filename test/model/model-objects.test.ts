import { describe, expect, it } from 'vitest';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import { ModelObjects } from '../../src/model/model-objects.js';
import type { IndexModel, QualifiedName, SchemaModel, SchemaObject, TableModel, ViewModel } from '../../src/model/schema.js';

const ref = { file: 't.sql', line: 1, column: 1, offset: 0 };

function table(name: string, schema?: string): TableModel {
  const qualified: QualifiedName = schema === undefined ? { name } : { schema, name };
  return { kind: 'table', name: qualified, columns: [], uniques: [], foreignKeys: [], checks: [], guarded: false, comments: [], ref };
}

function view(name: string): ViewModel {
  return { kind: 'view', name: { name }, query: 'SELECT 1', guarded: false, comments: [], ref };
}

function index(name: string, on: string): IndexModel {
  return { kind: 'index', name, table: { name: on }, unique: false, columns: [], include: [], guarded: false, comments: [], ref };
}

const names = (objects: readonly SchemaObject[]): string[] =>
  objects.map((object) => `${object.kind}:${object.kind === 'index' ? object.name : object.kind === 'insert' ? '' : object.name.name}`);

describe('ModelObjects', () => {
  it('keeps file order through pushes, replacements and removals', () => {
    const [a, b, c, d] = [table('a'), table('b'), view('c'), table('d')];
    const objects = new ModelObjects([a, b]);
    objects.push(c);
    objects.push(d);
    const b2 = table('B');
    objects.replace(b, b2);
    objects.remove(a);
    objects.remove(c);
    expect(objects.toArray()).toEqual([b2, d]);
    expect(objects.toArray()[0]).toBe(b2);
    // Removing what is not there (twice, or never added) changes nothing.
    objects.remove(a);
    objects.remove(table('x'));
    objects.replace(c, table('y'));
    expect(names(objects.toArray())).toEqual(['table:B', 'table:d']);
  });

  it('squeezes out holes once most slots are empty, and keeps order and lookups across it', () => {
    const all = Array.from({ length: 300 }, (_, i) => table(`t${i}`));
    const objects = new ModelObjects(all);
    for (let i = 0; i < 300; i++) if (i % 3 !== 0) objects.remove(all[i]);
    const kept = all.filter((_, i) => i % 3 === 0);
    expect(objects.toArray()).toEqual(kept);
    objects.push(table('t1'));
    expect(names(objects.index.named('table', 'T1') ?? [])).toEqual(['table:t1']);
    expect(objects.index.named('table', 't2')).toEqual([]);
    expect(objects.index.named('table', 't3')).toEqual([all[3]]);
    // Slots were renumbered: a replacement still lands in its namesake's place.
    const t3 = table('T3');
    objects.replace(all[3], t3);
    expect(objects.toArray().slice(0, 3)).toEqual([all[0], t3, all[6]]);
  });

  it('finds objects by kind and case-insensitive plain name, in model order', () => {
    const sales = table('orders', 'sales');
    const audit = table('Orders', 'audit');
    const orders = view('orders');
    const objects = new ModelObjects([sales, orders, audit]);
    expect(objects.index.named('table', 'ORDERS')).toEqual([sales, audit]);
    expect(objects.index.named('view', 'Orders')).toEqual([orders]);
    expect(objects.index.named('index', 'orders')).toEqual([]);
    expect(objects.findNamed('table', { schema: 'audit', name: 'orders' })).toBe(audit);
    // No schema written: the first table of that name, as a scan finds it.
    expect(objects.findNamed('table', { name: 'orders' })).toBe(sales);
  });

  it('offers objects with names beyond ASCII as candidates, in model order, and hands lookups of such names back to a scan', () => {
    const plain = table('cafe');
    const accented = table('Café');
    const hyphenated = table('order-lines');
    const greek = table('Παραγγελίες');
    const objects = new ModelObjects([accented, plain, hyphenated, greek]);
    // Every table with a name beyond ASCII is a candidate: the caller's own test decides.
    expect(objects.index.named('table', 'cafe')).toEqual([accented, plain, greek]);
    expect(objects.index.named('table', 'ORDER-LINES')).toEqual([accented, hyphenated, greek]);
    expect(objects.index.named('table', 'Café')).toBeUndefined();
    objects.remove(accented);
    expect(objects.index.named('table', 'cafe')).toEqual([plain, greek]);
    expect(objects.findNamed('table', { name: 'παραγγελίες' })).toBe(greek);
  });

  it('finds the indexes on a table and follows a replacement or a rename', () => {
    const t = table('t');
    const ix = index('ix', 't');
    const ixOther = index('ix_u', 'u');
    const objects = new ModelObjects([t, ix, ixOther]);
    expect(objects.index.on('T')).toEqual([ix]);
    const moved = index('ix', 'u');
    objects.replace(ix, moved);
    expect(objects.index.on('t')).toEqual([]);
    expect(objects.index.on('u')).toEqual(expect.arrayContaining([ixOther, moved]));
    expect(objects.index.named('index', 'ix')).toEqual([moved]);

    const renaming = objects.index.renaming(t);
    t.name = { name: 'renamed' };
    renaming.after();
    expect(objects.index.named('table', 't')).toEqual([]);
    expect(objects.index.named('table', 'renamed')).toEqual([t]);
  });
});

describe('model building with many lookups', () => {
  const tableNames = (model: SchemaModel): string[] =>
    model.objects.map((object) => (object.kind === 'table' ? `${object.name.schema ?? ''}.${object.name.name}` : object.kind));

  it('T-SQL: DROP takes every namesake whose schema does not differ, and a re-CREATE keeps its place', () => {
    const model = buildTsqlModel(
      [
        'CREATE TABLE dbo.t (a INT);',
        'CREATE TABLE audit.t (a INT);',
        'CREATE TABLE u (a INT);',
        'CREATE TABLE [Ünï] (a INT);',
        'CREATE INDEX ix ON u (a);',
        'CREATE TABLE U (b INT);',
        'DROP TABLE t;',
        'CREATE TABLE [ünï] (c INT);',
        'DROP INDEX ix ON u;',
        'ALTER TABLE U ADD d INT;',
      ].join('\n'),
      't.sql',
    );
    expect(tableNames(model)).toEqual(['.U', '.ünï']);
    const u = model.objects[0] as TableModel;
    expect(u.columns.map((column) => column.name)).toEqual(['b', 'd']);
  });

  it('SQLite: DROP TABLE takes its indexes and triggers, a renamed table is found by its new name', () => {
    const model = buildSqliteModel(
      [
        'CREATE TABLE a (id INTEGER);',
        'CREATE TABLE b (id INTEGER);',
        'CREATE INDEX ix_a ON a (id);',
        'CREATE TRIGGER tr_a AFTER INSERT ON a BEGIN SELECT 1; END;',
        'ALTER TABLE a RENAME TO c;',
        'CREATE INDEX IF NOT EXISTS ix_a ON b (id);',
        'ALTER TABLE C ADD COLUMN extra TEXT;',
        'CREATE TABLE IF NOT EXISTS c (other INTEGER);',
        'DROP TABLE b;',
        'CREATE TABLE a (id INTEGER);',
        'DROP TABLE c;',
      ].join('\n'),
      't.sqlite.sql',
    );
    expect(tableNames(model)).toEqual(['.a']);
  });
});
