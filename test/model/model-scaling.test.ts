import { describe, expect, it, vi } from 'vitest';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import { NameLists } from '../../src/model/name-lists.js';
import type * as Schema from '../../src/model/schema.js';

// Counts the name comparisons the model builders make: a lookup that scans the model makes one
// per object it passes, so a script with one lookup per table makes a number that grows with
// the square of its tables.
const comparisons = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/model/schema.js', async (importOriginal) => {
  const { countingModule } = await import('../support/counting-module.js');
  // collateNames: the halving search of names beyond ASCII (NameLists) compares with the collator directly.
  return countingModule(await importOriginal<typeof Schema>(), ['sameName', 'collateNames', 'sameQualifiedName'], () => comparisons.count++);
});

/** Creates `tables` tables, re-creates every other one, alters each, then drops each: a lookup per statement. */
function churn(dialect: 'tsql' | 'sqlite', tables: number, prefix: string): string {
  const lines: string[] = [];
  const t = (i: number) => `${prefix}${i}`;
  const column = dialect === 'tsql' ? 'id INT NOT NULL' : 'id INTEGER NOT NULL';
  for (let i = 0; i < tables; i++) lines.push(`CREATE TABLE ${t(i)} (${column});`, `CREATE INDEX ix${i} ON ${t(i)} (id);`);
  for (let i = 0; i < tables; i += 2) lines.push(dialect === 'tsql' ? `CREATE TABLE ${t(i)} (${column}, extra INT);` : `CREATE TABLE IF NOT EXISTS ${t(i)} (${column});`);
  for (let i = 0; i < tables; i++) lines.push(dialect === 'tsql' ? `ALTER TABLE ${t(i)} ADD note INT NULL;` : `ALTER TABLE ${t(i)} ADD COLUMN note INTEGER;`);
  for (let i = 0; i < tables; i++) lines.push(`DROP TABLE ${t(i)};`);
  return `${lines.join('\n')}\n`;
}

function comparisonsPerTable(dialect: 'tsql' | 'sqlite', tables: number, prefix = 't'): number {
  comparisons.count = 0;
  const model = (dialect === 'tsql' ? buildTsqlModel : buildSqliteModel)(churn(dialect, tables, prefix), 'churn.sql');
  // Every table was dropped, and its indexes with it (SQLite) or left (T-SQL drops only tables).
  expect(model.objects.filter((object) => object.kind === 'table')).toEqual([]);
  return comparisons.count / tables;
}

/** T-SQL: one table given `count` named CHECKs, which are then dropped one by one. */
function comparisonsPerDroppedConstraint(count: number): number {
  const lines = ['CREATE TABLE t (id INT NOT NULL PRIMARY KEY, c INT NULL);'];
  for (let i = 0; i < count; i++) lines.push(`ALTER TABLE t ADD CONSTRAINT ck_${i} CHECK (c > ${i});`);
  for (let i = 0; i < count; i++) lines.push(`ALTER TABLE t DROP CONSTRAINT ck_${i};`);
  comparisons.count = 0;
  const model = buildTsqlModel(`${lines.join('\n')}\n`, 'drops.sql');
  const table = model.objects.find((object) => object.kind === 'table');
  expect(table?.kind === 'table' && table.checks).toEqual([]);
  return comparisons.count / count;
}

/** T-SQL: one table of `count` columns, each then altered, given a default and made part of the key, by name. */
function comparisonsPerColumnLookup(count: number): number {
  const names = Array.from({ length: count }, (_, i) => `c${i}`);
  const lines = [`CREATE TABLE t (${names.map((name) => `${name} INT NULL`).join(', ')});`];
  for (const name of names) lines.push(`ALTER TABLE t ALTER COLUMN ${name} BIGINT NULL;`);
  for (const name of names) lines.push(`ALTER TABLE t ADD CONSTRAINT df_${name} DEFAULT 0 FOR ${name.toUpperCase()};`);
  lines.push(`ALTER TABLE t ADD CONSTRAINT pk_t PRIMARY KEY (${names.join(', ')});`);
  comparisons.count = 0;
  const model = buildTsqlModel(`${lines.join('\n')}\n`, 'columns.sql');
  const table = model.objects.find((object) => object.kind === 'table');
  if (table?.kind !== 'table') throw new Error('no table');
  expect(table.columns.map((column) => [column.type?.name, column.nullable, column.default])).toEqual(names.map(() => ['BIGINT', false, '0']));
  // Three lookups per column: ALTER COLUMN, DEFAULT ... FOR and the key.
  return comparisons.count / count;
}

/**
 * T-SQL: `schemas` schemas of the same 5 tables, each with an index of the same name, then every
 * table altered, its index dropped and the table dropped: every lookup names a table whose bare
 * name every schema has.
 */
function comparisonsPerSchemaTable(schemas: number): number {
  const lines: string[] = [];
  const each = (make: (table: string, schema: string) => string) => {
    for (let s = 0; s < schemas; s++) for (let t = 0; t < 5; t++) lines.push(make(`t${t}`, `s${s}`));
  };
  each((t, s) => `CREATE TABLE ${s}.${t} (id INT NOT NULL, k INT NULL);\nCREATE INDEX ix_k ON ${s}.${t} (k);`);
  each((t, s) => `ALTER TABLE ${s}.${t} ADD note INT NULL;`);
  each((t, s) => `DROP INDEX ix_k ON ${s}.${t};`);
  each((t, s) => `DROP TABLE ${s}.${t};`);
  comparisons.count = 0;
  const model = buildTsqlModel(`${lines.join('\n')}\n`, 'tenants.sql');
  expect(model.objects).toEqual([]);
  return comparisons.count / (schemas * 5);
}

/**
 * T-SQL: one name in `count` schemas or on `count` tables, each object created, looked up and
 * dropped: the table `name` in schemas s0, s1, ... (altered, then dropped with the index on
 * it), or an index `name` on tables t0, t1, ... (dropped by DROP INDEX).
 */
function comparisonsPerSharedName(shape: 'schemas' | 'indexes', name: string, count: number): number {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    if (shape === 'schemas') lines.push(`CREATE TABLE s${i}.${name} (id INT NOT NULL);`, `CREATE INDEX ix ON s${i}.${name} (id);`);
    else lines.push(`CREATE TABLE dbo.t${i} (id INT NOT NULL);`, `CREATE INDEX ${name} ON dbo.t${i} (id);`);
  }
  for (let i = 0; i < count; i++) lines.push(shape === 'schemas' ? `ALTER TABLE s${i}.${name} ADD note INT NULL;` : `ALTER TABLE dbo.t${i} ADD note INT NULL;`);
  for (let i = count - 1; i >= 0; i--) lines.push(shape === 'schemas' ? `DROP TABLE s${i}.${name};` : `DROP INDEX ${name} ON dbo.t${i};`);
  comparisons.count = 0;
  const model = buildTsqlModel(`${lines.join('\n')}\n`, 'shared.sql');
  expect(model.objects.filter((object) => object.kind === (shape === 'schemas' ? 'table' : 'index'))).toEqual([]);
  return comparisons.count / count;
}

/** SQLite: the table `name` in `count` schemas (attached databases), created, then dropped last first. */
function comparisonsPerSqliteSchemaTable(name: string, count: number): number {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(`CREATE TABLE s${i}.${name} (id INTEGER);`);
  for (let i = count - 1; i >= 0; i--) lines.push(`DROP TABLE s${i}.${name};`);
  comparisons.count = 0;
  const model = buildSqliteModel(`${lines.join('\n')}\n`, 'attached.sqlite.sql');
  expect(model.objects).toEqual([]);
  return comparisons.count / count;
}

/**
 * SQLite: `count` tables, each with an index and a foreign key to the one before, then every
 * table renamed and one column of each renamed: each rename rewrites the references to it.
 */
function comparisonsPerRename(count: number): number {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const parent = i === 0 ? '' : `, p INTEGER REFERENCES t${i - 1} (id)`;
    lines.push(`CREATE TABLE t${i} (id INTEGER PRIMARY KEY, k INTEGER${parent});`, `CREATE INDEX ix${i} ON t${i} (k);`);
  }
  for (let i = 0; i < count; i++) lines.push(`ALTER TABLE t${i} RENAME TO r${i};`, `ALTER TABLE r${i} RENAME COLUMN k TO kk;`);
  comparisons.count = 0;
  const model = buildSqliteModel(`${lines.join('\n')}\n`, 'renames.sqlite.sql');
  // Every reference followed the renames.
  expect(model.objects.filter((object) => object.kind === 'index' && !object.table.name.startsWith('r'))).toEqual([]);
  expect(model.objects.filter((object) => object.kind === 'table' && object.foreignKeys.some((key) => !key.references.name.startsWith('r')))).toEqual([]);
  return comparisons.count / count;
}

/** SQLite: one table of `count` columns (more than SQLite takes; the model still reads it), dropped one by one. */
function comparisonsPerDroppedColumn(count: number): number {
  const columns = Array.from({ length: count }, (_, i) => `c${i} INTEGER`).join(', ');
  const drops = Array.from({ length: count - 1 }, (_, i) => `ALTER TABLE t DROP COLUMN c${i};`);
  comparisons.count = 0;
  const model = buildSqliteModel(`CREATE TABLE t (${columns});\n${drops.join('\n')}\n`, 'drops.sqlite.sql');
  expect(model.objects[0].kind === 'table' && model.objects[0].columns.map((column) => column.name)).toEqual([`c${count - 1}`]);
  return comparisons.count / count;
}

/** Entries put in or taken out of the object index's name lists per ALTER TABLE of a table with `count` foreign keys. */
function indexUpdatesPerAlter(dialect: 'tsql' | 'sqlite', count: number): number {
  const keys = Array.from({ length: count }, (_, i) => `f${i} INT REFERENCES p${i} (id)`).join(', ');
  const alters = Array.from({ length: count }, (_, i) => (dialect === 'tsql' ? `ALTER TABLE t ADD x${i} INT NULL;` : `ALTER TABLE t ADD COLUMN x${i} INT;`));
  const updates = [vi.spyOn(NameLists.prototype, 'add'), vi.spyOn(NameLists.prototype, 'remove')];
  try {
    (dialect === 'tsql' ? buildTsqlModel : buildSqliteModel)(`CREATE TABLE t (id INT PRIMARY KEY, ${keys});\n${alters.join('\n')}\n`, 'alters.sql');
    return updates.reduce((sum, spy) => sum + spy.mock.calls.length, 0) / count;
  } finally {
    for (const spy of updates) spy.mockRestore();
  }
}

describe('model building scales linearly with statements that look objects up', () => {
  it('sqlite: as many name comparisons per dropped column of a table of 800 columns as of 100', () => {
    const small = comparisonsPerDroppedColumn(100);
    const large = comparisonsPerDroppedColumn(800);
    // A filter of every column per DROP COLUMN made 800 cost ~8 times as much per column as 100.
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(20);
  });

  for (const dialect of ['tsql', 'sqlite'] as const) {
    it(`${dialect}: as many index updates per ALTER TABLE of a table with 800 foreign keys as with 100`, () => {
      const small = indexUpdatesPerAlter(dialect, 100);
      const large = indexUpdatesPerAlter(dialect, 800);
      // Re-listing every key of the table per ALTER made 800 cost ~8 times as much per ALTER as 100.
      expect(large).toBeLessThanOrEqual(small * 1.1);
      expect(large).toBeLessThan(20);
    });
  }

  it('tsql: as many name comparisons per table for 800 schemas of the same tables as for 100', () => {
    const small = comparisonsPerSchemaTable(100);
    const large = comparisonsPerSchemaTable(800);
    // Keyed by bare name alone, every schema's t0 shared one list, tested whole per statement.
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(40);
  });

  for (const name of ['таблица', 'Straße', 't'] as const) {
    it(`tsql: as many name comparisons per table for 800 schemas of a table ${name} with an index as for 100`, () => {
      const small = comparisonsPerSharedName('schemas', name, 100);
      const large = comparisonsPerSharedName('schemas', name, 800);
      // A name beyond ASCII was looked up by its bare name, and a DROP TABLE's indexes by their
      // table's bare name: every schema's namesakes were tested per statement, 8 times as many at 800.
      expect(large).toBeLessThanOrEqual(small * 1.1);
      expect(large).toBeLessThan(40);
    });
  }

  it('tsql: as many name comparisons per index for one index name beyond ASCII on 800 tables as on 100', () => {
    const small = comparisonsPerSharedName('indexes', 'индекс', 100);
    const large = comparisonsPerSharedName('indexes', 'индекс', 800);
    // Looked up by its bare name, every table's index of that name was tested per CREATE and DROP INDEX.
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(40);
  });

  for (const name of ['таблица', 't'] as const) {
    it(`sqlite: as many name comparisons per DROP TABLE for 800 schemas of a table ${name} as for 100`, () => {
      const small = comparisonsPerSqliteSchemaTable(name, 100);
      const large = comparisonsPerSqliteSchemaTable(name, 800);
      // A DROP looked through every schema's namesake before its own, the last-created last.
      expect(large).toBeLessThanOrEqual(small * 1.1);
      expect(large).toBeLessThan(20);
    });
  }

  it('tsql: as many name comparisons per DROP CONSTRAINT on one table of 800 CHECKs as of 100', () => {
    const small = comparisonsPerDroppedConstraint(100);
    const large = comparisonsPerDroppedConstraint(800);
    // Filtering the table's lists per drop, comparing every name, made 800 cost ~8 times as much per drop as 100.
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(20);
  });

  it('tsql: as many name comparisons per column looked up in one table of 800 columns as of 100', () => {
    const small = comparisonsPerColumnLookup(100);
    const large = comparisonsPerColumnLookup(800);
    // A scan of the table's columns per ALTER COLUMN, DEFAULT ... FOR and key column made 800 cost ~8 times as much as 100.
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(20);
  });

  it('sqlite: as many name comparisons per renamed table for 800 tables as for 100', () => {
    const small = comparisonsPerRename(100);
    const large = comparisonsPerRename(800);
    // A pass over the model per rename made 800 cost ~8 times as much per table as 100.
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(40);
  });

  for (const dialect of ['tsql', 'sqlite'] as const) {
    it(`${dialect}: as many name comparisons per table for 800 tables as for 100`, () => {
      const small = comparisonsPerTable(dialect, 100);
      const large = comparisonsPerTable(dialect, 800);
      // A scan per statement made 800 tables cost ~8 times as much per table as 100 did.
      expect(large).toBeLessThanOrEqual(small * 1.1);
      expect(large).toBeLessThan(20);
    });

    it(`${dialect}: names beyond ASCII, found by halving: per table, 800 tables cost under twice what 100 do`, () => {
      const small = comparisonsPerTable(dialect, 100, 'таблица');
      const large = comparisonsPerTable(dialect, 800, 'таблица');
      // A search by halves takes log2(800) / log2(100) = 1.45 times the comparisons; a scan 8 times.
      expect(large).toBeLessThanOrEqual(small * 2);
      expect(large).toBeLessThan(150);
    });
  }
});
