import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertSchema } from '../../src/convert/convert.js';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import type { SchemaModel } from '../../src/model/schema.js';
import { typeFamily } from '../../src/model/type-mapping.js';
import type { Dialect } from '../../src/sql/dialect.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string): string => readFileSync(path.join(root, 'fixtures/convert', name), 'utf8');

/** Clock and random-id defaults are spelt differently in each dialect but mean the same. */
function normalDefault(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let value = text.trim();
  while (/^\(.*\)$/s.test(value)) value = value.slice(1, -1).trim();
  if (/^(GETDATE\(\)|SYSUTCDATETIME\(\)|CURRENT_TIMESTAMP|datetime\('now'\))$/i.test(value)) return 'now';
  if (/^(NEWID\(\)|lower\(hex\(randomblob\(16\)\)\))$/i.test(value)) return 'random id';
  return value.replace(/^N'/, "'");
}

/**
 * SQLite has no boolean or uuid type: BIT and UNIQUEIDENTIFIER become INTEGER and TEXT, and come
 * back as INT and NVARCHAR (docs/convert.md lists these). Everything else keeps its family.
 */
function lossyFamily(family: string): string {
  return family === 'boolean' ? 'integer' : family === 'uuid' ? 'text' : family;
}

/** What a schema means, independent of the dialect's spelling: the thing a round trip must keep. */
function meaning(model: SchemaModel, dialect: Dialect, exactTypes: boolean) {
  return mergeInserts(model.objects.map((object) => {
    switch (object.kind) {
      case 'table': {
        const pk = new Set(object.primaryKey?.columns.map((column) => column.name.toLowerCase()));
        return {
          table: object.name.name.toLowerCase(),
          guarded: object.guarded,
          columns: object.columns.map((column) => ({
            name: column.name.toLowerCase(),
            type: exactTypes ? column.type : lossyFamily(typeFamily(column.type, dialect)),
            // SQL Server makes key columns NOT NULL; SQLite's rowid key is never NULL either.
            nullable: pk.has(column.name.toLowerCase()) ? false : column.nullable,
            identity: column.identity !== undefined,
            default: normalDefault(column.default),
            computed: column.computed?.persisted,
          })),
          primaryKey: object.primaryKey?.columns.map((column) => column.name.toLowerCase()),
          uniques: object.uniques.map((unique) => unique.columns.map((column) => column.name.toLowerCase())),
          foreignKeys: object.foreignKeys.map((key) => ({
            columns: key.columns.map((column) => column.toLowerCase()),
            references: key.references.name.toLowerCase(),
            referencedColumns: key.referencedColumns.map((column) => column.toLowerCase()),
            onDelete: key.onDelete ?? 'NO ACTION',
            onUpdate: key.onUpdate ?? 'NO ACTION',
          })),
          checks: object.checks.length,
        };
      }
      case 'index':
        return {
          index: object.name.toLowerCase(),
          table: object.table.name.toLowerCase(),
          unique: object.unique,
          columns: object.columns.map((column) => `${column.name.toLowerCase()}${column.descending ? ' DESC' : ''}`),
          filtered: object.where !== undefined,
        };
      case 'view':
        return { view: object.name.name.toLowerCase() };
      case 'insert':
        return { insert: object.table.name.toLowerCase(), rows: object.rows.length };
      default:
        return { routine: object.name.name.toLowerCase() };
    }
  }));
}

/** Seed rows count per table: INSERT OR IGNORE comes back as one guarded INSERT per row. */
function mergeInserts<T extends object>(objects: T[]): T[] {
  const merged: T[] = [];
  for (const object of objects) {
    const last = merged[merged.length - 1] as { insert?: string; rows?: number } | undefined;
    const current = object as { insert?: string; rows?: number };
    if (last?.insert !== undefined && last.insert === current.insert) last.rows = (last.rows ?? 0) + (current.rows ?? 0);
    else merged.push({ ...object });
  }
  return merged;
}

function withoutRoutines(model: SchemaModel): SchemaModel {
  return { ...model, objects: model.objects.filter((object) => object.kind !== 'procedure' && object.kind !== 'function' && object.kind !== 'trigger') };
}

describe('convert round trips give the same schema model', () => {
  it('SQLite → T-SQL → SQLite keeps tables, columns, types, keys, indexes, views and seed rows', () => {
    const original = buildSqliteModel(fixture('round-trip.sqlite.sql'), 'round-trip.sqlite.sql');
    const there = convertSchema(fixture('round-trip.sqlite.sql'), { from: 'sqlite', to: 'tsql', filePath: 'a.sqlite.sql' });
    expect(there.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    const back = convertSchema(there.output, { from: 'tsql', to: 'sqlite', filePath: 'b.sql' });
    expect(back.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(meaning(buildSqliteModel(back.output, 'c.sqlite.sql'), 'sqlite', true)).toEqual(meaning(original, 'sqlite', true));
  });

  it('T-SQL → SQLite → T-SQL keeps them too', () => {
    const original = buildTsqlModel(fixture('round-trip.sql'), 'round-trip.sql');
    const there = convertSchema(fixture('round-trip.sql'), { from: 'tsql', to: 'sqlite', filePath: 'a.sql' });
    expect(there.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    const back = convertSchema(there.output, { from: 'sqlite', to: 'tsql', filePath: 'b.sqlite.sql' });
    expect(back.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(meaning(buildTsqlModel(back.output, 'c.sql'), 'tsql', true)).toEqual(meaning(original, 'tsql', true));
  });

  it('the seed-style pair keeps its meaning (type families) through a round trip, routines aside', () => {
    for (const [file, from, to] of [
      ['schema.sql', 'tsql', 'sqlite'],
      ['schema.sqlite.sql', 'sqlite', 'tsql'],
    ] as const) {
      const build = from === 'tsql' ? buildTsqlModel : buildSqliteModel;
      const original = withoutRoutines(build(fixture(file), file));
      const there = convertSchema(fixture(file), { from, to, filePath: file });
      const back = convertSchema(there.output, { from: to, to: from, filePath: 'converted' });
      const families = (model: SchemaModel) => meaning(model, from, false);
      expect(families(withoutRoutines(build(back.output, 'back')))).toEqual(families(original));
    }
  });
});
