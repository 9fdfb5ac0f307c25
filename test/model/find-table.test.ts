import { describe, expect, it, vi } from 'vitest';
import { findTable } from '../../src/model/find-table.js';
import type * as Schema from '../../src/model/schema.js';
import type { SchemaModel, TableModel } from '../../src/model/schema.js';

// Counts the name comparisons findTable makes: a scan makes one per table of the model.
const comparisons = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/model/schema.js', async (importOriginal) => {
  const original = await importOriginal<typeof Schema>();
  return {
    ...original,
    sameQualifiedName: (a: Schema.QualifiedName, b: Schema.QualifiedName) => {
      comparisons.count++;
      return original.sameQualifiedName(a, b);
    },
  };
});

const ref = { file: 't.sql', line: 1, column: 1, offset: 0 };

function model(names: string[], schema?: string): SchemaModel {
  const table = (name: string): TableModel => ({
    kind: 'table',
    name: schema === undefined ? { name } : { schema, name },
    columns: [],
    uniques: [],
    foreignKeys: [],
    checks: [],
    guarded: false,
    comments: [],
    ref,
  });
  return { dialect: 'tsql', objects: names.map(table) };
}

describe('findTable', () => {
  it('compares only the tables that may have the name, however many the model has', () => {
    const big = model(Array.from({ length: 2000 }, (_, i) => `t${i}`));
    comparisons.count = 0;
    expect(findTable(big, { name: 'missing' })).toBeUndefined();
    expect(findTable(big, { name: 'T1999' })?.name.name).toBe('t1999');
    expect(findTable(big, { name: 'ｔ７' })?.name.name).toBe('t7'); // full width: the collator's equal
    expect(comparisons.count).toBe(2);
  });

  it('finds the first table whose qualified name matches, as a scan does, and sees a model handed out anew', () => {
    const m = model(['orders', 'Orders'], 'sales');
    m.objects.push(...model(['orders'], 'audit').objects);
    expect(findTable(m, { schema: 'audit', name: 'ORDERS' })).toBe(m.objects[2]);
    expect(findTable(m, { name: 'orders' })).toBe(m.objects[0]);
    // A builder hands a changed model out with a new objects array: the index is made again.
    m.objects = m.objects.slice(1);
    expect(findTable(m, { name: 'orders' })).toBe(m.objects[0]);
  });
});
