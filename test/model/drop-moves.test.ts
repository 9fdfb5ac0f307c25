import { describe, expect, it } from 'vitest';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import type { SchemaModel, TableModel } from '../../src/model/schema.js';
import { arrayWork } from '../support/array-work.js';

/**
 * Scripts that drop `count` things of one table one by one, and what must be left of the table.
 * Each dropped item taken out of its array with indexOf and splice moved or passed over the
 * items after (or before) it: 800 drops cost ~8 times as much per drop as 100.
 */
const scripts = {
  'T-SQL CHECKs of CREATE TABLE, dropped first to last': (count: number) => [
    `CREATE TABLE dbo.t (id INT NOT NULL, ${range(count).map((i) => `CONSTRAINT ck_${i} CHECK (id > ${i})`).join(', ')});`,
    ...range(count).map((i) => `ALTER TABLE dbo.t DROP CONSTRAINT ck_${i};`),
  ],
  'T-SQL CHECKs of CREATE TABLE, dropped last to first': (count: number) => [
    `CREATE TABLE dbo.t (id INT NOT NULL, ${range(count).map((i) => `CONSTRAINT ck_${i} CHECK (id > ${i})`).join(', ')});`,
    ...range(count).reverse().map((i) => `ALTER TABLE dbo.t DROP CONSTRAINT ck_${i};`),
  ],
  'T-SQL foreign keys added by ALTER TABLE, then one added and the oldest dropped per statement': (count: number) => [
    'CREATE TABLE dbo.t (id INT NOT NULL);',
    ...range(count).map((i) => `ALTER TABLE dbo.t ADD CONSTRAINT fk_${i} FOREIGN KEY (id) REFERENCES dbo.p${i} (id);`),
    ...range(count).map((i) => `ALTER TABLE dbo.t ADD CONSTRAINT fk_${count + i} FOREIGN KEY (id) REFERENCES dbo.p (id); ALTER TABLE dbo.t DROP CONSTRAINT fk_${i};`),
    ...range(count).map((i) => `ALTER TABLE dbo.t DROP CONSTRAINT fk_${count + i};`),
  ],
  'T-SQL columns, dropped first to last, each after a column is altered': (count: number) => [
    `CREATE TABLE dbo.t (id INT NOT NULL, ${range(count).map((i) => `c${i} INT NULL`).join(', ')});`,
    ...range(count).map((i) => `ALTER TABLE dbo.t ALTER COLUMN c${count - 1 - i} BIGINT NULL; ALTER TABLE dbo.t DROP COLUMN c${i};`),
  ],
  'SQLite columns, dropped first to last': (count: number) => [
    `CREATE TABLE t (id INTEGER PRIMARY KEY, ${range(count).map((i) => `c${i} INTEGER`).join(', ')});`,
    ...range(count).map((i) => `ALTER TABLE t DROP COLUMN c${i};`),
  ],
};

/**
 * Scripts that drop one by one `count` objects that share a list of the object index (a table's
 * name, a referenced table's name, a name in every schema, an index name on every table), and
 * what must be left of the model. Each object taken out of that list with indexOf and splice
 * moved or passed over the others: 800 drops cost ~8 times as much per drop as 100.
 */
const sharedListScripts = {
  'T-SQL indexes of one table': (count: number) => [
    'CREATE TABLE dbo.t (id INT NOT NULL, a INT NULL);',
    ...range(count).map((i) => `CREATE INDEX ix_${i} ON dbo.t (a);`),
    ...range(count).map((i) => `DROP INDEX ix_${i} ON dbo.t;`),
  ],
  'SQLite indexes of one table': (count: number) => [
    'CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER);',
    ...range(count).map((i) => `CREATE INDEX ix_${i} ON t (a);`),
    ...range(count).map((i) => `DROP INDEX ix_${i};`),
  ],
  'T-SQL tables referencing one table': (count: number) => [
    'CREATE TABLE dbo.t (id INT NOT NULL PRIMARY KEY);',
    ...range(count).map((i) => `CREATE TABLE dbo.c${i} (id INT NOT NULL, t INT NULL REFERENCES dbo.t (id));`),
    ...range(count).map((i) => `DROP TABLE dbo.c${i};`),
  ],
  'T-SQL tables of one name in every schema, last first': (count: number) => [
    'CREATE TABLE dbo.keep (id INT NOT NULL PRIMARY KEY);',
    ...range(count).map((i) => `CREATE TABLE s${i}.t (id INT NOT NULL);`),
    ...range(count).reverse().map((i) => `DROP TABLE s${i}.t;`),
  ],
  'T-SQL tables with an index of one name, re-created then dropped': (count: number) => [
    'CREATE TABLE dbo.t (id INT NOT NULL PRIMARY KEY);',
    ...range(count).map((i) => `CREATE TABLE dbo.c${i} (id INT NOT NULL); CREATE INDEX ix_id ON dbo.c${i} (id);`),
    ...range(count).map((i) => `CREATE INDEX ix_id ON dbo.c${i} (id);`),
    ...range(count).map((i) => `DROP TABLE dbo.c${i};`),
  ],
};

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

/** The model of `lines` and the array elements searched or moved per one of `count` drops to build it. */
function arrayWorkPerDrop(dialect: string, lines: readonly string[], count: number): { model: SchemaModel; perDrop: number } {
  const text = `${lines.join('\n')}\n`;
  let model: SchemaModel = { dialect: 'tsql', objects: [] };
  const elements = arrayWork(() => {
    model = dialect === 'SQLite' ? buildSqliteModel(text, 't.sqlite.sql') : buildTsqlModel(text, 't.sql');
  });
  return { model, perDrop: elements / count };
}

/** The same, for a script of `scripts`, checking what is left of its table. */
function arrayWorkPerTableDrop(name: keyof typeof scripts, count: number): number {
  const { model, perDrop } = arrayWorkPerDrop(name.split(' ')[0], scripts[name](count), count);
  const table = model.objects[0] as TableModel;
  // Only `id` is left: every dropped item is out of the arrays the model hands out.
  expect([table.columns.map((column) => column.name), table.uniques, table.foreignKeys, table.checks]).toEqual([['id'], [], [], []]);
  return perDrop;
}

/** The same, for a script of `sharedListScripts`: only the first table is left. */
function arrayWorkPerObjectDrop(name: keyof typeof sharedListScripts, count: number): number {
  const { model, perDrop } = arrayWorkPerDrop(name.split(' ')[0], sharedListScripts[name](count), count);
  expect(model.objects.map((object) => object.kind)).toEqual(['table']);
  return perDrop;
}

const dropShapes: [string, string[], (name: string, count: number) => number][] = [
  ['dropping the columns or constraints of one table one by one', Object.keys(scripts), (name, count) => arrayWorkPerTableDrop(name as keyof typeof scripts, count)],
  [
    'dropping objects that share a list of the object index one by one',
    Object.keys(sharedListScripts),
    (name, count) => arrayWorkPerObjectDrop(name as keyof typeof sharedListScripts, count),
  ],
];

for (const [title, names, arrayWorkPerDropOf] of dropShapes) {
  describe(title, () => {
    for (const name of names) {
      it(`${name}: as many array elements searched or moved per drop at 800 as at 100`, () => {
        const small = arrayWorkPerDropOf(name, 100);
        const large = arrayWorkPerDropOf(name, 800);
        expect(large).toBeLessThanOrEqual(small * 1.1 + 1);
        expect(large).toBeLessThan(10);
      });
    }
  });
}
