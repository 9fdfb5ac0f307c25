import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import initSqlJs, { type Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertSchema } from '../../src/convert/convert.js';
import { indexesOf, tablesOf, type SchemaModel } from '../../src/model/schema.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string): string => readFileSync(path.join(root, 'fixtures/convert', name), 'utf8');

let SQL: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  SQL = await initSqlJs({ locateFile: () => wasm });
});

/** Runs a whole script in a fresh in-memory database; throws SQLite's own error if any statement fails. */
function run(script: string): Database {
  const db = new SQL.Database();
  db.exec(script);
  return db;
}

function rows(db: Database, sql: string): Record<string, unknown>[] {
  const result = db.exec(sql)[0];
  if (!result) return [];
  return result.values.map((values) => Object.fromEntries(result.columns.map((column, i) => [column, values[i]])));
}

const lower = (name: string): string => name.toLowerCase();

/** The engine's view of the schema compared with the model the converter read from the T-SQL file. */
function expectEngineMatchesModel(db: Database, model: SchemaModel): void {
  const engineTables = rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").map((row) => lower(String(row.name)));
  expect(engineTables).toEqual(tablesOf(model).map((table) => lower(table.name.name)).sort());

  for (const table of tablesOf(model)) {
    const info = rows(db, `PRAGMA table_xinfo("${table.name.name}")`);
    expect(info.map((row) => lower(String(row.name)))).toEqual(table.columns.map((column) => lower(column.name)));
    for (const column of table.columns) {
      const row = info.find((candidate) => lower(String(candidate.name)) === lower(column.name));
      expect(row?.notnull, `${table.name.name}.${column.name} NOT NULL`).toBe(column.nullable ? 0 : 1);
    }
    const pkColumns = info.filter((row) => Number(row.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk)).map((row) => lower(String(row.name)));
    expect(pkColumns, `${table.name.name} primary key`).toEqual((table.primaryKey?.columns ?? []).map((column) => lower(column.name)));

    const keys = rows(db, `PRAGMA foreign_key_list("${table.name.name}")`);
    // SQLite lists foreign keys newest first: compare them as sets.
    const byText = (a: unknown[], b: unknown[]): number => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(keys.map((key) => [lower(String(key.from)), lower(String(key.table)), lower(String(key.to)), key.on_delete, key.on_update]).sort(byText)).toEqual(
      table.foreignKeys.map((key) => [
        lower(key.columns[0]),
        lower(key.references.name),
        lower(key.referencedColumns[0]),
        key.onDelete ?? 'NO ACTION',
        key.onUpdate ?? 'NO ACTION',
      ]).sort(byText),
    );

    const engineIndexes = rows(db, `PRAGMA index_list("${table.name.name}")`);
    const uniqueConstraints = engineIndexes.filter((index) => index.origin === 'u');
    expect(uniqueConstraints.length, `${table.name.name} UNIQUE constraints`).toBe(table.uniques.length);
    const created = engineIndexes.filter((index) => index.origin === 'c').map((index) => lower(String(index.name))).sort();
    const modelIndexes = indexesOf(model).filter((index) => lower(index.table.name) === lower(table.name.name));
    expect(created).toEqual(modelIndexes.map((index) => lower(index.name)).sort());
    for (const index of modelIndexes) {
      const engineIndex = engineIndexes.find((candidate) => lower(String(candidate.name)) === lower(index.name));
      expect(engineIndex?.unique).toBe(index.unique ? 1 : 0);
      expect(engineIndex?.partial).toBe(index.where ? 1 : 0);
      const columns = rows(db, `PRAGMA index_xinfo("${index.name}")`).filter((row) => Number(row.key) === 1);
      expect(columns.map((row) => [lower(String(row.name)), row.desc])).toEqual(index.columns.map((column) => [lower(column.name), column.descending ? 1 : 0]));
    }
  }
}

describe('convert T-SQL → SQLite, checked by the SQLite engine', () => {
  it('converts the seed-style schema.sql into a script SQLite runs, with the same tables, columns, keys and indexes', () => {
    const result = convertSchema(fixture('schema.sql'), { from: 'tsql', to: 'sqlite', filePath: 'schema.sql' });
    const db = run(result.output);
    expectEngineMatchesModel(db, result.model);
    // IDENTITY(1,1) became AUTOINCREMENT: SQLite keeps sqlite_sequence for it.
    expect(rows(db, "SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'")).toHaveLength(1);
    expect(rows(db, 'SELECT symbol, tick_size FROM instruments ORDER BY symbol')).toEqual([
      { symbol: 'AAPL', tick_size: 0.01 },
      { symbol: 'EURUSD', tick_size: 0.00001 },
    ]);
    // The defaults work when rows are written: GETDATE() → CURRENT_TIMESTAMP, NEWID() → a random hex id.
    db.exec("INSERT INTO accounts (name, email) VALUES ('Ann', 'ann@example.com')");
    const [account] = rows(db, 'SELECT id, is_active, created_at, api_token, balance FROM accounts');
    expect(account).toMatchObject({ id: 1, is_active: 1, balance: 0 });
    expect(String(account.created_at)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(String(account.api_token)).toMatch(/^[0-9a-f]{32}$/);
    // The CHECK constraint came along: SQLite enforces it.
    expect(() => db.exec("INSERT INTO accounts (name, email, balance) VALUES ('Bob', 'bob@example.com', -1)")).toThrow(/CHECK constraint failed/);
    // The view translated its string concatenation (+ → ||) and ISNULL.
    expect(rows(db, 'SELECT label, balance FROM active_accounts')).toEqual([{ label: 'Ann <ann@example.com>', balance: 0 }]);
    db.close();
  });

  it('reports the stored procedure it leaves out, with its position, and writes it commented out', () => {
    const result = convertSchema(fixture('schema.sql'), { from: 'tsql', to: 'sqlite', filePath: 'schema.sql' });
    expect(result.diagnostics).toEqual([
      {
        severity: 'error',
        file: 'schema.sql',
        line: 56,
        column: 1,
        message: 'stored procedure dbo.purge_signals is left out (commented): its body is T-SQL code that SQLite cannot run.',
      },
    ]);
    expect(result.output).toContain('-- CREATE PROCEDURE dbo.purge_signals @before DATETIME2 AS');
    expect(result.output).not.toMatch(/^CREATE PROCEDURE/m);
  });

  it('keeps comments next to what they describe', () => {
    const { output } = convertSchema(fixture('schema.sql'), { from: 'tsql', to: 'sqlite', filePath: 'schema.sql' });
    expect(output).toContain('-- Accounts that may send webhook signals.\nCREATE TABLE IF NOT EXISTS accounts (');
    expect(output).toContain('    -- shown in the dashboard\n    name TEXT NOT NULL,');
    expect(output).toContain('-- One row per webhook call.\nCREATE TABLE signals (');
  });

  it('leaves out a view whose query has no SQLite form, and says why', () => {
    const source = 'CREATE TABLE t (id INT NOT NULL PRIMARY KEY, made DATETIME NULL)\nGO\nCREATE VIEW v AS SELECT TOP 10 id FROM t\nGO\n';
    const result = convertSchema(source, { from: 'tsql', to: 'sqlite', filePath: 'x.sql' });
    expect(result.diagnostics).toEqual([
      { severity: 'error', file: 'x.sql', line: 3, column: 1, message: 'view v not converted: TOP has no SQLite equivalent here.' },
    ]);
    const db = run(result.output);
    expect(rows(db, "SELECT name FROM sqlite_master WHERE type = 'view'")).toEqual([]);
    db.close();
  });

  it('moves an IDENTITY that is not the whole key out with a warning instead of a wrong AUTOINCREMENT', () => {
    const source = 'CREATE TABLE t (id INT IDENTITY(1,1) NOT NULL, code NCHAR(3) NOT NULL, CONSTRAINT pk PRIMARY KEY (code))';
    const result = convertSchema(source, { from: 'tsql', to: 'sqlite', filePath: 'x.sql' });
    expect(result.output).toContain('    id INTEGER NOT NULL,');
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'IDENTITY on id is dropped: SQLite numbers only an INTEGER PRIMARY KEY column, and id is not the table\'s whole primary key.',
    ]);
    run(result.output).close();
  });
});
