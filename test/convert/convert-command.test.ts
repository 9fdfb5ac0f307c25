import { chmodSync, copyFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConvert } from '../../src/cli/convert-command.js';
import { repoRoot, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

const fixtures = path.join(repoRoot, 'fixtures/convert');
const exampleDatabase = path.join(repoRoot, 'fixtures/example/src/Database');

/** A folder holding copies of the fixtures, so tests never write into the repository. */
function workspace(...files: string[]): string {
  const dir = tempDir('convert');
  for (const file of files) copyFileSync(path.join(fixtures, file), path.join(dir, file));
  return dir;
}

async function convert(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.on('data', (chunk) => (err += String(chunk)));
  const code = await runConvert(argv, { stdout, stderr, cwd });
  return { code, stdout: out, stderr: err };
}

let SQL: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  SQL = await initSqlJs({ locateFile: () => wasm });
});

/** Runs a script in a fresh in-memory SQLite database and returns its tables; throws SQLite's error if a statement fails. */
function sqliteTables(script: string): string[] {
  const db = new SQL.Database();
  try {
    db.exec(script);
    return (db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")[0]?.values ?? []).map((row) => String(row[0]));
  } finally {
    db.close();
  }
}

describe('schema-lint convert (runConvert)', () => {
  it('converts SQLite to SQL Server by default and writes <input>.converted', async () => {
    const dir = workspace('round-trip.sqlite.sql');
    const result = await convert(['round-trip.sqlite.sql'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const output = readFileSync(path.join(dir, 'round-trip.sqlite.sql.converted'), 'utf8');
    expect(output).toContain('CREATE TABLE [owners] (\n    [id] INT IDENTITY(1,1) NOT NULL,');
    expect(output).toContain('\nGO\n');
    expect(result.stderr).toContain('Converted round-trip.sqlite.sql (SQLite) to round-trip.sqlite.sql.converted (T-SQL (SQL Server)).\n');
  });

  it('follows the seed: schema.sql --to-sqlite -o schema.sqlite.sql gives a file SQLite runs', async () => {
    const dir = tempDir('convert');
    copyFileSync(path.join(exampleDatabase, 'schema.sql'), path.join(dir, 'schema.sql'));
    const result = await convert(['schema.sql', '--to-sqlite', '-o', 'schema.sqlite.sql'], dir);
    expect(result.code, result.stderr).toBe(0);
    const tables = sqliteTables(readFileSync(path.join(dir, 'schema.sqlite.sql'), 'utf8'));
    expect(tables.length).toBeGreaterThan(0);
    // And back: schema.sqlite.sql -o schema.sql (with --force, since it replaces the original T-SQL file).
    const back = await convert(['schema.sqlite.sql', '-o', 'schema.sql', '--force'], dir);
    expect(back.code, back.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'schema.sql'), 'utf8')).toMatch(/^-- Converted from SQLite to SQL Server/);
  });

  it('writes to stdout with -o - and diagnostics to stderr', async () => {
    const dir = workspace('schema.sqlite.sql');
    const result = await convert(['schema.sqlite.sql', '--to', 'tsql', '-o', '-'], dir);
    expect(result.stdout).toMatch(/^-- Converted from SQLite to SQL Server \(T-SQL\) by schema-lint convert\./);
    expect(result.stderr).toContain(
      'schema.sqlite.sql:43:1: error: SQLite trigger signals_touch is left out (commented): its body is SQLite code that SQL Server cannot run as written.\n',
    );
    // Something was left out: exit 1, as a lint error would.
    expect(result.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['schema.sqlite.sql']);
  });

  it('refuses to overwrite its input unless --force, and keeps the permissions when it does', async () => {
    const dir = workspace('round-trip.sql');
    const input = path.join(dir, 'round-trip.sql');
    const before = readFileSync(input, 'utf8');
    const refused = await convert(['round-trip.sql', '--to-sqlite', '-o', './round-trip.sql'], dir);
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: 'schema-lint convert: refusing to overwrite the input round-trip.sql; pass --force to replace it.\n',
    });
    expect(readFileSync(input, 'utf8')).toBe(before);

    chmodSync(input, 0o640);
    const forced = await convert(['round-trip.sql', '--to-sqlite', '-o', 'round-trip.sql', '--force'], dir);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(input, 'utf8')).toMatch(/^-- Converted from SQL Server \(T-SQL\) to SQLite/);
    expect(statSync(input).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['round-trip.sql']); // no temporary file left behind
  });

  it('will not replace a read-only output file: one clear line, exit 2, the file unchanged', async () => {
    const dir = workspace('round-trip.sql');
    const target = path.join(dir, 'out.sqlite.sql');
    writeFileSync(target, 'keep me\n');
    chmodSync(target, 0o444);
    const result = await convert(['round-trip.sql', '--to-sqlite', '-o', 'out.sqlite.sql'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`schema-lint convert: Cannot write ${target}: the file is read-only.\n`);
    expect(readFileSync(target, 'utf8')).toBe('keep me\n');
  });

  it.each([
    [[], 'schema-lint convert: missing the input file.'],
    [['a.sql', 'b.sql'], 'schema-lint convert: one input file at a time (got a.sql and b.sql).'],
    [['a.sql', '--to', 'postgres'], 'schema-lint convert: unknown dialect "postgres" for --to (use tsql or sqlite).'],
    [['a.sql', '--to-sqlite', '--to', 'tsql'], 'schema-lint convert: --to-sqlite and --to tsql contradict each other.'],
    [['a.sql', '--frobnicate'], 'schema-lint convert: unknown option --frobnicate.'],
    [['a.sql', '-o'], 'schema-lint convert: -o needs a value.'],
  ])('usage error %j: exit 2 with one line and the usage line', async (argv, message) => {
    const result = await convert(argv, tempDir('convert'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${message}\nUsage: schema-lint convert <input> [--to-sqlite | --to <tsql|sqlite>] [-o <output>] [--force]\n`);
  });

  it('says so in one line when the input cannot be read', async () => {
    const dir = tempDir('convert');
    expect(await convert(['missing.sql'], dir)).toEqual({ code: 2, stdout: '', stderr: 'schema-lint convert: cannot read missing.sql: no such file.\n' });
    expect(await convert(['.'], dir)).toMatchObject({ code: 2, stderr: 'schema-lint convert: . is a folder, not a schema file.\n' });
    writeFileSync(path.join(dir, 'binary.sql'), Buffer.from([0x53, 0x00, 0x51, 0x00, 0x4c]));
    expect(await convert(['binary.sql'], dir)).toMatchObject({ code: 2, stderr: 'schema-lint convert: binary.sql is not a text file.\n' });
  });

  it('reads UTF-16 files (as SSMS saves them) and keeps CRLF line endings', async () => {
    const dir = tempDir('convert');
    const text = 'CREATE TABLE [t] (\r\n    [id] INT IDENTITY(1,1) NOT NULL PRIMARY KEY,\r\n    [name] NVARCHAR(50) NULL\r\n)\r\nGO\r\n';
    writeFileSync(path.join(dir, 'ssms.sql'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = await convert(['ssms.sql', '--to-sqlite', '-o', 'ssms.sqlite.sql'], dir);
    expect(result.code, result.stderr).toBe(0);
    const output = readFileSync(path.join(dir, 'ssms.sqlite.sql'), 'utf8');
    expect(output).toContain('CREATE TABLE t (\r\n    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\r\n    name TEXT\r\n);\r\n');
    expect(output).not.toMatch(/[^\r]\n/);
    expect(sqliteTables(output)).toEqual(['t']);
  });
});

describe('schema-lint convert (the built binary)', () => {
  it('is wired into the CLI: converts the seed-style schema.sql to SQLite that the engine runs', () => {
    expect(existsSync(path.join(repoRoot, 'dist/src/cli/convert-command.js')), 'run npm run build first').toBe(true);
    const dir = workspace('schema.sql');
    const run = runCli(['convert', 'schema.sql', '--to-sqlite', '-o', 'schema.sqlite.sql'], { cwd: dir });
    expect(run.stderr).toContain('schema.sql:56:1: error: stored procedure dbo.purge_signals is left out (commented)');
    expect(run.status).toBe(1);
    expect(sqliteTables(readFileSync(path.join(dir, 'schema.sqlite.sql'), 'utf8'))).toEqual(['accounts', 'instruments', 'signals']);
  });

  it('prints its usage with --help and exits 0', () => {
    const run = runCli(['convert', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: schema-lint convert <input>/);
  });
});
