import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameName, type TableModel } from '../../src/model/schema.js';
import { findColumn, TableDrops } from '../../src/model/table-lists.js';

const REF = { file: 'schema.sql', line: 1, column: 1, offset: 0 };

function emptyTable(): TableModel {
  return { kind: 'table', name: { name: 't' }, columns: [], uniques: [], foreignKeys: [], checks: [], guarded: false, comments: [], ref: REF };
}

/** What dropFromTable did before it kept an index: filter every list, comparing every name. */
function dropByFilter(table: TableModel, columns: readonly string[], constraints: readonly string[]): void {
  const named = (name: string | undefined): boolean => name !== undefined && constraints.some((c) => sameName(c, name));
  table.columns = table.columns.filter((column) => !columns.some((name) => sameName(name, column.name)));
  if (named(table.primaryKey?.name)) delete table.primaryKey;
  table.uniques = table.uniques.filter((key) => !named(key.name));
  table.foreignKeys = table.foreignKeys.filter((key) => !named(key.name));
  table.checks = table.checks.filter((check) => !named(check.name));
}

/** The names of each list, in order: what the two ways must agree on. */
function shape(table: TableModel) {
  return {
    columns: table.columns.map((column) => column.name),
    primaryKey: table.primaryKey?.name ?? null,
    uniques: table.uniques.map((key) => key.name ?? null),
    foreignKeys: table.foreignKeys.map((key) => key.name ?? null),
    checks: table.checks.map((check) => check.name ?? null),
  };
}

// Names sameName equals across case, Cyrillic case and full width, and unnamed constraints.
const NAMES = ['a', 'A', 'b', 'ｂ', 'ck', 'CK', 'ограничение', 'ОГРАНИЧЕНИЕ', 'café'];
const name = fc.constantFrom(...NAMES);
const step = fc.oneof(
  fc.record({ add: fc.constantFrom('column', 'unique', 'foreign key', 'check', 'primary key'), name: fc.option(name, { nil: undefined }) }),
  fc.record({ dropColumns: fc.array(name, { maxLength: 2 }), dropConstraints: fc.array(name, { maxLength: 3 }) }),
  fc.constant({ settle: true as const }),
);

type Step = { add: string; name: string | undefined } | { dropColumns: string[]; dropConstraints: string[] } | { settle: true };

const added = new WeakMap<TableModel, number>();

/** Adds a column or constraint named `name` (or unnamed), drops names, or settles the drops, as the builder would. */
function apply(table: TableModel, s: Step, drop: (table: TableModel, columns: readonly string[], constraints: readonly string[]) => void, settle = () => {}): void {
  if ('settle' in s) settle();
  else if ('add' in s) {
    const item = s.name === undefined ? { ref: REF } : { name: s.name, ref: REF };
    // Numbered in the order added, so that a column of one table can be told from its namesakes and matched with the other table's.
    const serial = (added.get(table) ?? 0) + 1;
    added.set(table, serial);
    if (s.add === 'column') table.columns.push({ name: s.name ?? 'unnamed', type: { name: 'INT', args: [] }, nullable: true, comments: [], ref: { ...REF, offset: serial } });
    else if (s.add === 'unique') table.uniques.push({ ...item, columns: [] });
    else if (s.add === 'foreign key') table.foreignKeys.push({ ...item, columns: [], references: { name: 'p' }, referencedColumns: [] });
    else if (s.add === 'check') table.checks.push({ ...item, expression: '1 = 1' });
    else table.primaryKey = { ...item, columns: [] };
  } else {
    drop(table, s.dropColumns, s.dropConstraints);
  }
}

/** A table of `width` filler columns and as many filler CHECKs: past the length where a list is scanned, and where drops settle on their own. */
function tableOfWidth(width: number): TableModel {
  const table = emptyTable();
  for (let i = 0; i < width; i++) {
    apply(table, { add: 'column', name: `filler_${i}` }, dropByFilter);
    apply(table, { add: 'check', name: `filler_${i}` }, dropByFilter);
  }
  return table;
}

/** Filler names to drop among the steps: taken out of wide lists in any order. */
const fillerDrop = fc.integer({ min: 0, max: 159 }).map((i) => ({ dropColumns: [`FILLER_${i}`], dropConstraints: [`filler_${i}`] }));

describe('TableDrops', () => {
  it('drops what filtering every list dropped, keeping the order, through appends, drops and settles in any order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 160 }), fc.array(fc.oneof(step, fillerDrop), { maxLength: 60 }), (width, steps) => {
        const indexed = tableOfWidth(width);
        const filtered = tableOfWidth(width);
        const drops = new TableDrops();
        for (const s of steps) {
          apply(indexed, s, (table, columns, constraints) => drops.drop(table, columns, constraints), () => drops.settle());
          apply(filtered, s, dropByFilter);
          // Before a settle the dropped items may still be in the arrays, but findColumn passes over them.
          for (const name of [...NAMES, 'filler_0', 'FILLER_47', 'filler_159', 'missing']) {
            expect(findColumn(indexed, name)?.ref).toEqual(filtered.columns.find((column) => sameName(column.name, name))?.ref);
          }
        }
        drops.settle();
        expect(shape(indexed)).toEqual(shape(filtered));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves dropped items in the arrays until settled, and takes them out in one pass that keeps the order', () => {
    const table = tableOfWidth(40);
    const drops = new TableDrops();
    drops.drop(table, ['filler_3', 'filler_7'], ['FILLER_0']);
    expect(table.columns).toHaveLength(40);
    expect(findColumn(table, 'filler_3')).toBeUndefined();
    drops.settle();
    expect(table.columns.map((column) => column.name)).toEqual(Array.from({ length: 40 }, (_, i) => `filler_${i}`).filter((name) => name !== 'filler_3' && name !== 'filler_7'));
    expect(table.checks).toHaveLength(39);
    // Appended after the settle, and found and dropped through the index it left.
    table.checks.push({ name: 'late', expression: '1 = 1', ref: REF });
    drops.drop(table, [], ['LATE']);
    drops.settle();
    expect(table.checks.map((check) => check.name)).toEqual(Array.from({ length: 40 }, (_, i) => `filler_${i}`).slice(1));
  });

  it('settles a list on its own once most of it was dropped', () => {
    const table = tableOfWidth(200);
    const drops = new TableDrops();
    for (let i = 0; i < 100; i++) drops.drop(table, [], [`filler_${i}`]);
    expect(table.checks).toHaveLength(200);
    drops.drop(table, [], ['filler_100']);
    expect(table.checks.map((check) => check.name)).toEqual(Array.from({ length: 99 }, (_, i) => `filler_${i + 101}`));
  });

  it('indexes a list afresh when the builder replaces it', () => {
    const table = emptyTable();
    const drops = new TableDrops();
    table.checks.push({ name: 'ck_a', expression: 'a > 0', ref: REF });
    drops.drop(table, [], ['nothing']);
    table.checks = [{ name: 'ck_b', expression: 'b > 0', ref: REF }];
    drops.drop(table, [], ['CK_B']);
    drops.settle();
    expect(table.checks).toEqual([]);
  });

  it('drops a constraint whose name only the collator equals, and leaves unnamed ones', () => {
    const table = emptyTable();
    const drops = new TableDrops();
    table.checks.push({ name: 'ｃｈｅｃｋ', expression: 'a > 0', ref: REF }, { expression: 'b > 0', ref: REF });
    drops.drop(table, [], ['check']);
    drops.settle();
    expect(table.checks).toEqual([{ expression: 'b > 0', ref: REF }]);
  });
});

describe('findColumn', () => {
  // Settled at every drop: the steps of the TableDrops property above leave them pending too.
  const dropAndSettle = (table: TableModel, columns: readonly string[], constraints: readonly string[]) => {
    const drops = new TableDrops();
    drops.drop(table, columns, constraints);
    drops.settle();
  };

  const scan = (table: TableModel, name: string) => table.columns.find((column) => sameName(column.name, name));

  it('finds the column a scan finds, on short and wide tables, through appends and drops in any order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 48 }), fc.array(step, { maxLength: 40 }), (width, steps) => {
        const table = emptyTable();
        // Filler columns take the table past the width where it is indexed rather than scanned.
        for (let i = 0; i < width; i++) apply(table, { add: 'column', name: `filler_${i}` }, dropAndSettle);
        for (const s of steps) {
          apply(table, s, dropAndSettle);
          for (const name of [...NAMES, 'filler_0', 'FILLER_47', 'missing']) expect(findColumn(table, name)).toBe(scan(table, name));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the first of two columns of one name, in list order, whichever list of the index holds it', () => {
    const wideTable = (...names: string[]) => {
      const table = emptyTable();
      for (const name of [...Array.from({ length: 40 }, (_, i) => `c${i}`), ...names]) apply(table, { add: 'column', name }, dropAndSettle);
      return table;
    };
    // The index lists plain names apart from the others: the full-width name comes second from it.
    const fullWidthFirst = wideTable('ｃａｆｅ', 'cafe');
    expect(findColumn(fullWidthFirst, 'CAFE')).toBe(fullWidthFirst.columns[40]);
    const plainFirst = wideTable('cafe', 'ｃａｆｅ');
    expect(findColumn(plainFirst, 'ｃａｆｅ')).toBe(plainFirst.columns[40]);
  });
});
