// Deterministic generator of realistic schema files for the benchmark and the perf tests.
// The same seed always gives the same bytes, so figures from two runs compare like with like.
// Each file is what a repository keeps: tables with keys, constraints and foreign keys,
// indexes, views, procedures or triggers, and seed data; now and then a construct of the
// other dialect slips in (about one statement in forty), so rules have something to report.

import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; enough for test data. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

const NOUNS = ['customer', 'invoice', 'order', 'product', 'supplier', 'shipment', 'account', 'payment', 'region', 'employee', 'ticket', 'credential', 'session', 'audit', 'category', 'warehouse', 'contract', 'address'];
const WORDS = ['alpha', 'north', 'silver', 'delta', 'quiet', 'rapid', 'amber', 'cobalt', 'harbor', 'meadow', 'summit', 'lumen', 'Zoë', 'Ångström', 'naïve'];

const TSQL_TYPES = ['INT', 'BIGINT', 'NVARCHAR(100)', 'NVARCHAR(400)', 'VARCHAR(40)', 'DECIMAL(18,2)', 'DATETIME2(3)', 'BIT', 'UNIQUEIDENTIFIER', 'NVARCHAR(MAX)', 'DATE', 'SMALLINT'];
const SQLITE_TYPES = ['INTEGER', 'TEXT', 'REAL', 'NUMERIC', 'BLOB', 'TEXT NOT NULL', 'INTEGER NOT NULL'];
// Constructs of the other dialect, the kind of slip schema-lint exists to catch.
const TSQL_SLIPS = ['BOOLEAN', 'TEXT', 'REAL', 'NVARCHAR', 'INTEGER PRIMARY KEY AUTOINCREMENT'];
const SQLITE_SLIPS = ['NVARCHAR(MAX)', 'INT IDENTITY(1,1)', 'DATETIME DEFAULT GETDATE()', 'BIT'];

function tableName(random, index) {
  return `${random.pick(NOUNS)}_${index}`;
}

function stringValue(random) {
  return `${random.pick(WORDS)} ${random.pick(WORDS)} ${random.int(1, 99999)}`.replace(/'/g, "''");
}

function tsqlTable(random, name, parent) {
  const columns = [`    [${name}_id] INT IDENTITY(1,1) NOT NULL`];
  const names = [];
  const count = random.int(4, 11);
  for (let i = 0; i < count; i++) {
    const slip = random.chance(0.025);
    const type = slip ? random.pick(TSQL_SLIPS.slice(0, 4)) : random.pick(TSQL_TYPES);
    const nullable = random.chance(0.6) ? ' NULL' : ' NOT NULL';
    const dflt = random.chance(0.2) ? (type === 'BIT' ? ' DEFAULT (0)' : type.startsWith('DATETIME') ? ' DEFAULT (SYSUTCDATETIME())' : '') : '';
    const column = `col_${i}_${random.pick(WORDS).replace(/[^a-z]/gi, '')}`;
    names.push(column);
    columns.push(`    [${column}] ${type}${nullable}${dflt}`);
  }
  if (parent) columns.push(`    [${parent}_id] INT NULL`);
  columns.push(`    CONSTRAINT [PK_${name}] PRIMARY KEY CLUSTERED ([${name}_id] ASC)`);
  if (parent) columns.push(`    CONSTRAINT [FK_${name}_${parent}] FOREIGN KEY ([${parent}_id]) REFERENCES [dbo].[${parent}] ([${parent}_id]) ON DELETE CASCADE`);
  if (random.chance(0.3)) columns.push(`    CONSTRAINT [CK_${name}_id] CHECK ([${name}_id] > 0)`);
  const guard = random.chance(0.5)
    ? `IF OBJECT_ID(N'dbo.${name}', N'U') IS NOT NULL\n    DROP TABLE [dbo].[${name}];\nGO\n\n`
    : '';
  const index = `CREATE NONCLUSTERED INDEX [IX_${name}_${parent ?? 'self'}] ON [dbo].[${name}] ([${parent ?? name}_id]) INCLUDE ([${name}_id]);\nGO\n\n`;
  const text = `${guard}-- Table ${name}: one row per ${name.split('_')[0]}.\nCREATE TABLE [dbo].[${name}] (\n${columns.join(',\n')}\n);\nGO\n\n${index}`;
  return { text, columns: names };
}

function tsqlProcedure(random, name) {
  const limit = random.int(5, 500);
  const slip = random.chance(0.05) ? `\n    SELECT ${name}_id FROM dbo.${name} LIMIT ${limit};` : '';
  return `CREATE OR ALTER PROCEDURE [dbo].[usp_get_${name}]
    @id INT,
    @include_archived BIT = 0
AS
BEGIN
    SET NOCOUNT ON;
    /* Callers rely on an empty result, not an error, for an unknown id. */
    IF @id IS NULL
    BEGIN
        RAISERROR(N'id is required', 16, 1);
        RETURN;
    END
    ELSE
    BEGIN
        SELECT TOP (${limit}) t.*
        FROM [dbo].[${name}] AS t WITH (NOLOCK)
        WHERE t.[${name}_id] = @id
          AND (@include_archived = 1 OR t.[${name}_id] > 0)
        ORDER BY t.[${name}_id] DESC;
    END${slip}
END
GO

`;
}

function tsqlSeed(random, name, columns, rows) {
  const values = [];
  for (let i = 0; i < rows; i++) values.push(`    (N'${stringValue(random)}', ${random.int(0, 1)}, ${random.int(1, 100000)})`);
  return `SET IDENTITY_INSERT [dbo].[${name}] OFF;\nINSERT INTO [dbo].[${name}] (${columns.slice(0, 3).map((c) => `[${c}]`).join(', ')}) VALUES\n${values.join(',\n')};\nGO\n\n`;
}

function tsqlView(name) {
  return `CREATE VIEW [dbo].[v_${name}] AS\n    SELECT t.[${name}_id], COUNT(*) AS [row_count]\n    FROM [dbo].[${name}] AS t\n    GROUP BY t.[${name}_id];\nGO\n\n`;
}

function sqliteTable(random, name, parent) {
  const columns = [`    ${name}_id INTEGER PRIMARY KEY AUTOINCREMENT`];
  const names = [];
  const count = random.int(4, 11);
  for (let i = 0; i < count; i++) {
    const slip = random.chance(0.025);
    const type = slip ? random.pick(SQLITE_SLIPS) : random.pick(SQLITE_TYPES);
    const dflt = !slip && random.chance(0.15) ? (type.startsWith('INTEGER') ? ' DEFAULT 0' : " DEFAULT (datetime('now'))") : '';
    const column = `col_${i}_${random.pick(WORDS).replace(/[^a-z]/gi, '')}`;
    names.push(column);
    columns.push(`    ${column} ${type}${dflt}`);
  }
  if (parent) columns.push(`    ${parent}_id INTEGER REFERENCES ${parent} (${parent}_id) ON DELETE CASCADE`);
  if (random.chance(0.3)) columns.push(`    CHECK (${name}_id > 0)`);
  const text = `-- Table ${name}: one row per ${name.split('_')[0]}.\nCREATE TABLE IF NOT EXISTS ${name} (\n${columns.join(',\n')}\n);\nCREATE INDEX IF NOT EXISTS ix_${name}_id ON ${name} (${name}_id);\n\n`;
  return { text, columns: names };
}

function sqliteTrigger(name) {
  return `CREATE TRIGGER IF NOT EXISTS trg_${name}_touch
AFTER UPDATE ON ${name}
FOR EACH ROW
WHEN NEW.${name}_id IS NOT NULL
BEGIN
    UPDATE ${name} SET ${name}_id = NEW.${name}_id WHERE ${name}_id = OLD.${name}_id;
END;

CREATE VIEW IF NOT EXISTS v_${name} AS
    SELECT ${name}_id, count(*) AS row_count FROM ${name} GROUP BY ${name}_id LIMIT 1000;

`;
}

function sqliteSeed(random, name, columns, rows) {
  const values = [];
  for (let i = 0; i < rows; i++) values.push(`    ('${stringValue(random)}', ${random.int(0, 1)}, ${random.int(1, 100000)})`);
  const verb = random.chance(0.5) ? 'INSERT OR IGNORE INTO' : 'INSERT INTO';
  return `${verb} ${name} (${columns.slice(0, 3).join(', ')}) VALUES\n${values.join(',\n')};\n\n`;
}

/**
 * One file's text of about `targetBytes` bytes (UTF-8), in `dialect` ('tsql' or 'sqlite').
 * Tables are generated in groups (table, index, routine or trigger, seed rows) until the size
 * is reached; each table but the first references the one before, as real schemas do.
 */
export function generateSchema(dialect, targetBytes, seed) {
  const random = createRandom(seed);
  const parts = [
    dialect === 'tsql'
      ? 'SET ANSI_NULLS ON;\nGO\nSET QUOTED_IDENTIFIER ON;\nGO\n\n'
      : 'PRAGMA foreign_keys = ON;\n\n',
  ];
  let size = Buffer.byteLength(parts[0]);
  let previous;
  for (let index = 0; size < targetBytes; index++) {
    const name = tableName(random, index);
    const rows = random.int(2, 12);
    let group;
    if (dialect === 'tsql') {
      const table = tsqlTable(random, name, previous);
      group = table.text + tsqlProcedure(random, name) + (random.chance(0.3) ? tsqlView(name) : '') + tsqlSeed(random, name, table.columns, rows);
    } else {
      const table = sqliteTable(random, name, previous);
      group = table.text + (random.chance(0.5) ? sqliteTrigger(name) : '') + sqliteSeed(random, name, table.columns, rows);
    }
    parts.push(group);
    size += Buffer.byteLength(group);
    previous = name;
  }
  return parts.join('');
}

/** File name that the seed's conventions give the dialect, so no config is needed. */
export function schemaFileName(dialect, index) {
  return dialect === 'tsql' ? `schema_${index}_mssql.sql` : `schema_${index}.sqlite.sql`;
}

/**
 * A repository-like tree of `count` small files (half of each dialect), sizes 1–6 KB, spread
 * over nested folders. Returns the total size in bytes.
 */
export function writeTree(root, count, seed = 1) {
  const random = createRandom(seed);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const dialect = i % 2 === 0 ? 'tsql' : 'sqlite';
    const folder = path.join(root, `service_${i % 25}`, `module_${Math.floor(i / 25) % 8}`);
    mkdirSync(folder, { recursive: true });
    const text = generateSchema(dialect, random.int(1000, 6000), seed * 100003 + i);
    writeFileSync(path.join(folder, schemaFileName(dialect, i)), text);
    total += Buffer.byteLength(text);
  }
  return total;
}

/** One file of about `bytes` bytes. Returns its exact size. */
export function writeSchemaFile(filePath, dialect, bytes, seed = 7) {
  const text = generateSchema(dialect, bytes, seed);
  mkdirSync(path.dirname(filePath), { recursive: true });
  writeFileSync(filePath, text);
  return Buffer.byteLength(text);
}

/**
 * A migration-style script that reshapes every table it makes: all tables created, then each
 * altered (a column added), then each dropped. Every ALTER and DROP looks its table up among
 * all the others, which is where a model builder turns quadratic. `stem` begins every table's
 * name: one beyond ASCII (Cyrillic, say) takes the collator's path. Returns the file's size.
 */
export function writeChurnFile(filePath, dialect, tables, stem = 'churn') {
  const lines = [];
  const name = (i) => (dialect === 'tsql' ? `[dbo].[${stem}_${i}]` : `${stem}_${i}`);
  for (let i = 0; i < tables; i++) lines.push(`CREATE TABLE ${name(i)} (${dialect === 'tsql' ? '[id] INT NOT NULL' : 'id INTEGER NOT NULL'});`);
  for (let i = 0; i < tables; i++) lines.push(dialect === 'tsql' ? `ALTER TABLE ${name(i)} ADD [note] NVARCHAR(50) NULL;` : `ALTER TABLE ${name(i)} ADD COLUMN note TEXT;`);
  for (let i = 0; i < tables; i++) lines.push(`DROP TABLE ${name(i)};`);
  const text = `${lines.join('\n')}\n`;
  mkdirSync(path.dirname(filePath), { recursive: true });
  writeFileSync(filePath, text);
  return Buffer.byteLength(text);
}
