import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import { ModelObjects } from '../../src/model/model-objects.js';
import { identityOfIndex, identityOfName } from '../../src/model/object-index.js';
import { sameName, sameQualifiedName, type IndexModel, type QualifiedName, type SchemaModel, type SchemaObject, type TableModel, type ViewModel } from '../../src/model/schema.js';

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

  it('finds names beyond ASCII as the collator compares them, plain names among them, in model order', () => {
    const plain = table('cafe');
    const accented = table('Café');
    const hyphenated = table('order-lines');
    const fullWidth = table('ｃａｆｅ'); // width is below the collator's strength: sameName holds with 'cafe'
    const greek = table('Παραγγελίες');
    const objects = new ModelObjects([accented, plain, hyphenated, fullWidth, greek]);
    expect(objects.index.named('table', 'CAFE')).toEqual([plain, fullWidth]);
    expect(objects.index.named('table', 'CAFÉ')).toEqual([accented]);
    expect(objects.index.named('table', 'ＣＡＦＥ')).toEqual([plain, fullWidth]);
    expect(objects.index.named('table', 'ORDER-LINES')).toEqual([hyphenated]);
    expect(objects.index.named('table', 'παραγγελίες')).toEqual([greek]);
    expect(objects.index.named('table', 'Παραγγελιες')).toEqual([]); // the accent makes it another name
    expect(objects.index.named('view', 'cafe')).toEqual([]);
    // The plain names in the collator's order, made by the lookups above, follow later changes.
    const later = table('CAFE');
    objects.push(later);
    expect(objects.index.named('table', 'ｃａｆｅ')).toEqual([plain, fullWidth, later]);
    objects.remove(plain);
    expect(objects.index.named('table', 'ｃａｆｅ')).toEqual([fullWidth, later]);
    const replacement = table('Cafe');
    objects.replace(later, replacement);
    expect(objects.index.named('table', 'ｃａｆｅ')).toEqual([fullWidth, replacement]);
    expect(objects.index.named('table', 'cafe')).toEqual([fullWidth, replacement]);
    const greekAgain = table('ΠΑΡΑΓΓΕΛΊΕΣ');
    objects.replace(greek, greekAgain);
    expect(objects.findNamed('table', { name: 'παραγγελίες' })).toBe(greekAgain);
  });

  it('never leaves out an object whose name matches, whatever mix of names it holds (property)', () => {
    // Letters whose case, width or ignorable marks the collator sets aside, and accents it does not.
    const letters = ['a', 'A', 'ａ', 'á', 'b', 'я', 'Я', 'ß', 'ss', '\u00ad', '-', '①', '1', 'ﬁ'];
    const nameOf = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 2 }).map((parts) => parts.join(''));
    // A lookup spells a name of the model another way the collator holds equal, or not.
    const spellings: Record<string, (name: string) => string> = {
      same: (name) => name,
      upper: (name) => name.toUpperCase(),
      wide: (name) => name.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
      ignorable: (name) => `\u00ad${name}`,
      accented: (name) => `${name}\u0301`,
    };
    const step = fc.oneof(
      fc.record({ op: fc.constant('push' as const), name: nameOf, on: nameOf, kind: fc.constantFrom('table', 'index') }),
      fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('replace' as const), at: fc.nat(), name: nameOf, respell: fc.option(fc.constantFrom(...Object.keys(spellings))) }),
      fc.record({ op: fc.constant('lookup' as const), at: fc.nat(), table: fc.boolean(), spelling: fc.constantFrom(...Object.keys(spellings)) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 60 }), (steps) => {
        const objects = new ModelObjects();
        const model: SchemaObject[] = [];
        const nameOfObject = (object: SchemaObject): string => (object.kind === 'index' ? object.name : object.kind === 'insert' ? '' : object.name.name);
        for (const s of steps) {
          if (s.op === 'push') {
            const object = s.kind === 'table' ? table(s.name) : index(s.name, s.on);
            objects.push(object);
            model.push(object);
          } else if (s.op === 'remove' && model.length > 0) {
            const [object] = model.splice(s.at % model.length, 1);
            objects.remove(object);
          } else if (s.op === 'replace' && model.length > 0) {
            const at = s.at % model.length;
            const old = model[at];
            // A namesake spelt another way (a re-CREATE), or another name.
            const name = s.respell === null ? s.name : spellings[s.respell](nameOfObject(old));
            const replacement = old.kind === 'index' ? index(name, old.table.name) : table(name);
            objects.replace(old, replacement);
            model[at] = replacement;
          } else if (s.op === 'lookup' && model.length > 0) {
            const object = model[s.at % model.length];
            const written = s.table && object.kind === 'index' ? object.table.name : nameOfObject(object);
            const name = spellings[s.spelling](written);
            for (const kind of ['table', 'index']) {
              const matching = model.filter((candidate) => candidate.kind === kind && sameName(nameOfObject(candidate), name));
              const found = objects.named(kind, name).filter((candidate) => sameName(nameOfObject(candidate), name));
              expect(found).toEqual(matching);
            }
            const onTable = (candidates: readonly SchemaObject[]) => candidates.filter((candidate) => candidate.kind === 'index' && sameName(candidate.table.name, name));
            // Order among a table's indexes does not matter to whoever asks: every one is tested.
            const inModelOrder = onTable(objects.on({ name })).sort((x, y) => model.indexOf(x) - model.indexOf(y));
            expect(inModelOrder).toEqual(onTable(model));
          }
        }
        expect(objects.toArray()).toEqual(model);
      }),
      { numRuns: 300 },
    );
  });

  it('gives exactly the namesakes of a qualified name and the indexes on a table, names beyond ASCII as plain ones (property)', () => {
    // Schemas and names the collator holds equal across ASCII and beyond it (width, ß, a soft
    // hyphen, case), and some it does not (an accent, Cyrillic); no schema, an empty one, dbo
    // spelt three ways (it matches any), and dotted names.
    const schemas = [undefined, '', 'dbo', 'DBO', 'ｄｂｏ', 's', 'S', 'ｓ', 'a', 'a.b', 'я', 'Я', 'схема', 'СХЕМА'];
    const bare = ['t', 'T', 'ｔ', '\u00adt', 'b', 'b.c', 'c', 'я', 'strasse', 'Straße', 'STRASSE', 'таблица', 'ТАБЛИЦА', 'таблица\u0301', 'ix', 'IX', 'ｉｘ'];
    const qualified = fc.record({ schema: fc.constantFrom(...schemas), name: fc.constantFrom(...bare) });
    const step = fc.oneof(
      fc.record({ op: fc.constant('push' as const), kind: fc.constantFrom('table', 'view', 'index', 'trigger'), name: qualified, ix: fc.constantFrom(...bare) }),
      fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('replace' as const), at: fc.nat(), name: qualified, ix: fc.constantFrom(...bare) }),
      fc.record({ op: fc.constant('lookup' as const), kind: fc.constantFrom('table', 'view', 'index'), name: qualified, ix: fc.constantFrom(...bare) }),
    );
    const make = (kind: string, name: QualifiedName, ix: string): SchemaObject =>
      kind === 'index'
        ? { ...index(ix, name.name), table: name }
        : kind === 'trigger'
          ? { kind: 'trigger', name: { name: ix }, table: name, text: '', comments: [], ref }
          : kind === 'view'
            ? { ...view(name.name), name }
            : table(name.name, name.schema);
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80 }), (steps) => {
        const objects = new ModelObjects();
        const model: SchemaObject[] = [];
        for (const s of steps) {
          const name: QualifiedName | undefined = 'name' in s ? (s.name.schema === undefined ? { name: s.name.name } : { schema: s.name.schema, name: s.name.name }) : undefined;
          if (s.op === 'push') {
            const object = make(s.kind, name!, s.ix);
            objects.push(object);
            model.push(object);
          } else if (s.op === 'remove' && model.length > 0) {
            const [object] = model.splice(s.at % model.length, 1);
            objects.remove(object);
          } else if (s.op === 'replace' && model.length > 0) {
            const at = s.at % model.length;
            const replacement = make(model[at].kind, name!, s.ix);
            objects.replace(model[at], replacement);
            model[at] = replacement;
          } else if (s.op === 'lookup') {
            const matches = (candidate: SchemaObject): boolean =>
              candidate.kind === s.kind &&
              (candidate.kind === 'index'
                ? sameName(candidate.name, s.ix) && sameQualifiedName(candidate.table, name!)
                : sameQualifiedName(candidate.name, name!));
            const identity = s.kind === 'index' ? identityOfIndex(s.ix, name!) : identityOfName(name!);
            // Nothing else: a candidate that fails the caller's test is work a scan would do.
            expect(objects.namesakes(s.kind, identity)).toEqual(model.filter(matches));
            const isOn = (candidate: SchemaObject): boolean =>
              (candidate.kind === 'index' || candidate.kind === 'trigger') && candidate.table !== undefined && sameQualifiedName(candidate.table, name!);
            const on = [...objects.on(name!)].sort((x, y) => model.indexOf(x) - model.indexOf(y));
            expect(on).toEqual(model.filter(isOn));
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('lists every table whose foreign keys reference a name, and none that left the model, through additions, removals and key changes (property)', () => {
    const names = ['t', 'T', 'ｔ', 'u', 'я', 'Я'];
    const name = fc.constantFrom(...names);
    const step = fc.oneof(
      fc.record({ op: fc.constant('push' as const), name, references: fc.array(name, { maxLength: 3 }) }),
      fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('replace' as const), at: fc.nat(), name, references: fc.array(name, { maxLength: 3 }) }),
      fc.record({ op: fc.constant('add key' as const), at: fc.nat(), references: name }),
      fc.record({ op: fc.constant('retarget' as const), at: fc.nat(), from: name, to: name }),
      fc.record({ op: fc.constant('lookup' as const), name }),
    );
    const withKeys = (tableName: string, references: readonly string[]): TableModel => ({
      ...table(tableName),
      foreignKeys: references.map((referenced) => ({ columns: ['a'], references: { name: referenced }, referencedColumns: ['id'], ref })),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60 }), (steps) => {
        const objects = new ModelObjects();
        const model: TableModel[] = [];
        for (const s of steps) {
          if (s.op === 'push') {
            const created = withKeys(s.name, s.references);
            objects.push(created);
            model.push(created);
          } else if (s.op === 'lookup') {
            const referencing = new Set(objects.referencing(s.name));
            for (const candidate of model) {
              if (candidate.foreignKeys.some((key) => sameName(key.references.name, s.name))) expect(referencing.has(candidate)).toBe(true);
            }
            // A table that left the model is no longer listed, whatever names its keys had.
            for (const listed of referencing) expect(model).toContain(listed);
          } else if (model.length > 0) {
            const at = s.at % model.length;
            if (s.op === 'remove') objects.remove(model.splice(at, 1)[0]);
            else if (s.op === 'replace') {
              const replacement = withKeys(s.name, s.references);
              objects.replace(model[at], replacement);
              model[at] = replacement;
            } else if (s.op === 'add key') {
              // A key added by ALTER TABLE.
              const from = model[at].foreignKeys.length;
              model[at].foreignKeys.push(...withKeys('x', [s.references]).foreignKeys);
              objects.index.foreignKeysAdded(model[at], from);
            } else {
              // Keys retargeted by a rename of the table they reference.
              let retargeted = false;
              for (const key of model[at].foreignKeys) {
                if (!sameName(key.references.name, s.from)) continue;
                key.references = { name: s.to };
                retargeted = true;
              }
              if (retargeted) objects.index.foreignKeyRetargeted(model[at], s.to);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds every name among thousands added and removed in any order, plain and not', () => {
    // Enough names that the collator's order is kept in many blocks, which split and empty.
    const count = 3000;
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const spell = (i: number): string => (i % 3 === 0 ? `t${i}` : i % 3 === 1 ? `таблица${i}` : `Ωmega${i}`);
    const wide = (name: string): string => name.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const order = Array.from({ length: count }, (_, i) => i).sort(() => random(3) - 1);
    const tables = order.map((i) => table(spell(i)));
    const objects = new ModelObjects(tables);
    // A lookup of a name beyond ASCII sorts the plain names once; the changes below then keep them in order.
    expect(objects.index.named('table', wide('t0'))).toEqual([tables[order.indexOf(0)]]);
    // Every Cyrillic name (a run of the collator's order, so whole blocks empty), and others at random.
    const removed = new Set<number>();
    for (const i of [...order.filter((i) => i % 3 === 1), ...order.filter(() => random(4) === 0)]) {
      if (removed.has(i)) continue;
      removed.add(i);
      objects.remove(tables[order.indexOf(i)]);
    }
    const readded = [...removed].filter((i) => i % 2 === 0).map((i) => [i, table(spell(i).toUpperCase())] as const);
    for (const [, object] of readded) objects.push(object);
    const expected = new Map<number, SchemaObject>(order.filter((i) => !removed.has(i)).map((i) => [i, tables[order.indexOf(i)]]));
    for (const [i, object] of readded) expected.set(i, object);
    for (let i = 0; i < count; i++) {
      const want = expected.get(i);
      expect(objects.index.named('table', spell(i).toLowerCase())).toEqual(want ? [want] : []);
      expect(objects.index.named('table', wide(spell(i)))).toEqual(want ? [want] : []);
    }
  });

  it('finds the indexes on a table and follows a replacement or a rename', () => {
    const t = table('t');
    const ix = index('ix', 't');
    const ixOther = index('ix_u', 'u');
    const objects = new ModelObjects([t, ix, ixOther]);
    expect(objects.index.on({ name: 'T' })).toEqual([ix]);
    const moved = index('ix', 'u');
    objects.replace(ix, moved);
    expect(objects.index.on({ name: 't' })).toEqual([]);
    expect(objects.index.on({ name: 'u' })).toEqual(expect.arrayContaining([ixOther, moved]));
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
