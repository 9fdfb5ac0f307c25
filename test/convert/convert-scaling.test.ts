import { beforeAll, describe, expect, it, vi } from 'vitest';
import { convertSchema, prepareConvert } from '../../src/convert/convert.js';
import type * as Schema from '../../src/model/schema.js';

// Counts the name comparisons and lookups a conversion makes: a search through the whole schema
// for each table or each name in a view grows with the square of the schema's size.
const counts = vi.hoisted(() => ({ comparisons: 0 }));
vi.mock('../../src/model/schema.js', async (importOriginal) => {
  const { countingModule } = await import('../support/counting-module.js');
  // isPlainName: each lookup by name (NameLists) asks it first, found or not.
  const counted = ['sameName', 'sameQualifiedName', 'collateNames', 'isPlainName'] as const;
  return countingModule(await importOriginal<typeof Schema>(), counted, () => counts.comparisons++);
});

beforeAll(() => prepareConvert());

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

/** Name comparisons and lookups per table when a SQLite schema of `tables` tables converts to T-SQL. */
function comparisonsPerTable(tables: number, schema: (i: number) => string): number {
  const text = `${range(tables).map(schema).join('\n')}\n`;
  counts.comparisons = 0;
  const result = convertSchema(text, { from: 'sqlite', to: 'tsql', filePath: 'in.sqlite.sql' });
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  return counts.comparisons / tables;
}

/** Name comparisons and lookups per UNIQUE when one SQLite table with `count` UNIQUE columns converts to T-SQL. */
function comparisonsPerUnique(count: number): number {
  // Every other column is NOT NULL (a plain UNIQUE constraint), the rest nullable (a filtered
  // index), and a second table references every fourth one (which keeps it a constraint).
  const columns = range(count).map((i) => `c${i} INTEGER${i % 2 === 0 ? ' NOT NULL' : ''} UNIQUE`);
  const references = range(count / 4).map((i) => `r${i} INTEGER REFERENCES wide(c${4 * i + 1})`);
  const text = `CREATE TABLE wide (id INTEGER PRIMARY KEY, ${columns.join(', ')});\nCREATE TABLE child (id INTEGER PRIMARY KEY, ${references.join(', ')});\n`;
  counts.comparisons = 0;
  const result = convertSchema(text, { from: 'sqlite', to: 'tsql', filePath: 'in.sqlite.sql' });
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  // Filtered indexes for the nullable UNIQUEs no key references: c3, c7, c11, ...
  expect(result.output.match(/^CREATE UNIQUE INDEX /gm)?.length).toBe(count / 4);
  return counts.comparisons / count;
}

describe('convert scales linearly with the schema', () => {
  it('one table with many UNIQUE columns, some referenced: as many comparisons per UNIQUE for 800 as for 100', () => {
    // Each UNIQUE worked out every UNIQUE's nullability and references again, scanning the columns and keys each time.
    const small = comparisonsPerUnique(100);
    const large = comparisonsPerUnique(800);
    expect(large).toBeLessThanOrEqual(small * 1.1);
  });

  it('tables that each have a nullable UNIQUE: as many comparisons per table for 800 as for 100', () => {
    // Whether a foreign key references the UNIQUE's columns was a scan of every table's keys.
    const schema = (i: number) =>
      i === 0
        ? 'CREATE TABLE t0 (id INTEGER PRIMARY KEY, code TEXT UNIQUE);'
        : `CREATE TABLE t${i} (id INTEGER PRIMARY KEY, code TEXT UNIQUE, parent_id INTEGER REFERENCES t${i - 1}(id));`;
    const small = comparisonsPerTable(100, schema);
    const large = comparisonsPerTable(800, schema);
    expect(large).toBeLessThanOrEqual(small * 1.1);
  });

  it('a view per table whose expressions name columns every table has: as many comparisons per table for 800 as for 100', () => {
    // A name's type family in a view was looked for in every table's columns, per name and per view.
    const schema = (i: number) =>
      `CREATE TABLE t${i} (id INTEGER PRIMARY KEY, code TEXT, qty INTEGER);\nCREATE VIEW v${i} AS SELECT id, code || '-' || qty AS label FROM t${i};`;
    const small = comparisonsPerTable(100, schema);
    const large = comparisonsPerTable(800, schema);
    expect(large).toBeLessThanOrEqual(small * 1.1);
  });
});
