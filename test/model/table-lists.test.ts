import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameName, type TableModel } from '../../src/model/schema.js';
import { dropFromTable, findColumn } from '../../src/model/table-lists.js';

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
);

type Step = { add: string; name: string | undefined } | { dropColumns: string[]; dropConstraints: string[] };

/** Adds a column or constraint named `name` (or unnamed), or drops names, as the builder would. */
function apply(table: TableModel, s: Step, drop: typeof dropFromTable): void {
  if ('add' in s) {
    const item = s.name === undefined ? { ref: REF } : { name: s.name, ref: REF };
    if (s.add === 'column') table.columns.push({ name: s.name ?? 'unnamed', type: { name: 'INT', args: [] }, nullable: true, comments: [], ref: REF });
    else if (s.add === 'unique') table.uniques.push({ ...item, columns: [] });
    else if (s.add === 'foreign key') table.foreignKeys.push({ ...item, columns: [], references: { name: 'p' }, referencedColumns: [] });
    else if (s.add === 'check') table.checks.push({ ...item, expression: '1 = 1' });
    else table.primaryKey = { ...item, columns: [] };
  } else {
    drop(table, s.dropColumns, s.dropConstraints);
  }
}

describe('dropFromTable', () => {
  it('drops what filtering every list dropped, keeping the order, through appends and drops in any order', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const indexed = emptyTable();
        const filtered = emptyTable();
        for (const s of steps) {
          apply(indexed, s, dropFromTable);
          apply(filtered, s, dropByFilter);
          expect(shape(indexed)).toEqual(shape(filtered));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('indexes a list afresh when the builder replaces it', () => {
    const table = emptyTable();
    table.checks.push({ name: 'ck_a', expression: 'a > 0', ref: REF });
    dropFromTable(table, [], ['nothing']);
    table.checks = [{ name: 'ck_b', expression: 'b > 0', ref: REF }];
    dropFromTable(table, [], ['CK_B']);
    expect(table.checks).toEqual([]);
  });

  it('drops a constraint whose name only the collator equals, and leaves unnamed ones', () => {
    const table = emptyTable();
    table.checks.push({ name: 'ｃｈｅｃｋ', expression: 'a > 0', ref: REF }, { expression: 'b > 0', ref: REF });
    dropFromTable(table, [], ['check']);
    expect(table.checks).toEqual([{ expression: 'b > 0', ref: REF }]);
  });
});

describe('findColumn', () => {
  const scan = (table: TableModel, name: string) => table.columns.find((column) => sameName(column.name, name));

  it('finds the column a scan finds, on short and wide tables, through appends and drops in any order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 48 }), fc.array(step, { maxLength: 40 }), (width, steps) => {
        const table = emptyTable();
        // Filler columns take the table past the width where it is indexed rather than scanned.
        for (let i = 0; i < width; i++) apply(table, { add: 'column', name: `filler_${i}` }, dropFromTable);
        for (const s of steps) {
          apply(table, s, dropFromTable);
          for (const name of [...NAMES, 'filler_0', 'FILLER_47', 'missing']) expect(findColumn(table, name)).toBe(scan(table, name));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the first of two columns of one name, in list order, whichever list of the index holds it', () => {
    const wideTable = (...names: string[]) => {
      const table = emptyTable();
      for (const name of [...Array.from({ length: 40 }, (_, i) => `c${i}`), ...names]) apply(table, { add: 'column', name }, dropFromTable);
      return table;
    };
    // The index lists plain names apart from the others: the full-width name comes second from it.
    const fullWidthFirst = wideTable('ｃａｆｅ', 'cafe');
    expect(findColumn(fullWidthFirst, 'CAFE')).toBe(fullWidthFirst.columns[40]);
    const plainFirst = wideTable('cafe', 'ｃａｆｅ');
    expect(findColumn(plainFirst, 'ｃａｆｅ')).toBe(plainFirst.columns[40]);
  });
});
