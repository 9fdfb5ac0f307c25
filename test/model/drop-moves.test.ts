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

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

/** The array elements searched or moved per dropped item, building the model of `script`'s statements. */
function arrayWorkPerDrop(name: keyof typeof scripts, count: number): number {
  const text = `${scripts[name](count).join('\n')}\n`;
  let model: SchemaModel | undefined;
  const elements = arrayWork(() => {
    model = name.startsWith('SQLite') ? buildSqliteModel(text, 't.sqlite.sql') : buildTsqlModel(text, 't.sql');
  });
  const table = model?.objects[0] as TableModel;
  // Only `id` is left: every dropped item is out of the arrays the model hands out.
  expect([table.columns.map((column) => column.name), table.uniques, table.foreignKeys, table.checks]).toEqual([['id'], [], [], []]);
  return elements / count;
}

describe('dropping the columns or constraints of one table one by one', () => {
  for (const name of Object.keys(scripts) as (keyof typeof scripts)[]) {
    it(`${name}: as many array elements searched or moved per drop at 800 as at 100`, () => {
      const small = arrayWorkPerDrop(name, 100);
      const large = arrayWorkPerDrop(name, 800);
      expect(large).toBeLessThanOrEqual(small * 1.1 + 1);
      expect(large).toBeLessThan(10);
    });
  }
});
