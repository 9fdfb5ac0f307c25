import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTree } from '../../bench/generate.mjs';
import { runCli, type CliRun } from '../support/cli.js';

/**
 * The fast paths must not change a byte of output: worker threads and the cache are checked
 * against the plain single-threaded run of the built binary on a generated tree (both
 * dialects, with problems to report). No timings: speed is `npm run bench`'s business.
 */
let root: string;
let tree: string;
let plain: CliRun;
let plainJson: CliRun;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'schema-lint-perf-'));
  tree = path.join(root, 'tree');
  // 80 files: above the 64 at which `auto` starts workers (on 3+ cores); `2` and `3` force them anywhere.
  writeTree(tree, 80, 3);
  plain = runCli(['--concurrency', 'off', '.'], { cwd: tree });
  plainJson = runCli(['--concurrency', 'off', '--format', 'json', '.'], { cwd: tree });
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function cacheArgs(name: string): string[] {
  return ['--cache', '--cache-location', path.join(root, name)];
}

describe('the plain run this file compares with', () => {
  it('reports problems in both dialects (so equal outputs mean something)', () => {
    expect(plain.status).toBe(1);
    expect(plain.stderr).toBe('');
    const results = JSON.parse(plainJson.stdout) as { filePath: string; messages: unknown[] }[];
    expect(results).toHaveLength(80);
    const withProblems = results.filter((result) => result.messages.length > 0).map((result) => result.filePath);
    expect(withProblems.some((file) => file.endsWith('_mssql.sql'))).toBe(true);
    expect(withProblems.some((file) => file.endsWith('.sqlite.sql'))).toBe(true);
  });
});

describe('worker threads', () => {
  it.each([['auto'], ['2'], ['3']])('--concurrency %s prints exactly what one thread prints', (concurrency) => {
    const run = runCli(['--concurrency', concurrency, '.'], { cwd: tree });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(plain.status);
    expect(run.stdout).toBe(plain.stdout);
  });

  it('gives identical JSON, results in path order', () => {
    const run = runCli(['--concurrency', '2', '--format', 'json', '.'], { cwd: tree });
    expect(run.stdout).toBe(plainJson.stdout);
    const paths = (JSON.parse(run.stdout) as { filePath: string }[]).map((result) => result.filePath);
    expect(paths).toEqual([...paths].sort());
  });

  it('gives identical fixes with --fix-dry-run', () => {
    const serial = runCli(['--concurrency', 'off', '--fix-dry-run', '--format', 'json', '.'], { cwd: tree });
    const parallel = runCli(['--concurrency', '2', '--fix-dry-run', '--format', 'json', '.'], { cwd: tree });
    expect(serial.stdout).toContain('"output"');
    expect(parallel.stdout).toBe(serial.stdout);
  });

  it('rejects a bad --concurrency in one line', () => {
    const run = runCli(['--concurrency', 'many', '.'], { cwd: tree });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('schema-lint: --concurrency takes off, auto or a number of threads (1 or more), not "many".\n');
  });
});

describe('--cache', () => {
  it('writes the cache on the first run and answers from it on the second, output unchanged', () => {
    const first = runCli([...cacheArgs('first'), '.'], { cwd: tree });
    expect(existsSync(path.join(root, 'first'))).toBe(true);
    const second = runCli([...cacheArgs('first'), '.'], { cwd: tree });
    for (const run of [first, second]) {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(plain.status);
      expect(run.stdout).toBe(plain.stdout);
    }
    const json = runCli([...cacheArgs('first'), '--format', 'json', '.'], { cwd: tree });
    expect(json.stdout).toBe(plainJson.stdout);
  });

  it('is what answers the second run: a planted entry is reported as if linted', () => {
    runCli([...cacheArgs('planted'), '.'], { cwd: tree });
    const cacheFile = path.join(root, 'planted');
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { messages: { message: string }[] }> };
    const [firstFile] = Object.keys(stored.entries).sort();
    stored.entries[firstFile].messages = [
      { ...cacheMessage(), message: 'Planted in the cache by the test.' } as unknown as { message: string },
    ];
    writeFileSync(cacheFile, JSON.stringify(stored));
    const run = runCli([...cacheArgs('planted'), '--format', 'json', '.'], { cwd: tree });
    expect(run.stdout).toContain('Planted in the cache by the test.');
  });

  it('lints a changed file again, and gives the plain output of the changed tree', () => {
    const copy = path.join(root, 'changed');
    writeTree(copy, 80, 3);
    runCli([...cacheArgs('changed-cache'), '.'], { cwd: copy });
    const target = path.join(copy, 'service_0', 'module_0', 'schema_0_mssql.sql');
    writeFileSync(target, `${readFileSync(target, 'utf8')}\nCREATE TABLE extra (flag BOOLEAN);\n`);
    const cached = runCli([...cacheArgs('changed-cache'), '.'], { cwd: copy });
    const fresh = runCli(['--concurrency', 'off', '.'], { cwd: copy });
    expect(cached.stdout).toBe(fresh.stdout);
    expect(cached.stdout).toContain('BOOLEAN');
  });

  it('starts over when the settings change (a --rule flag), matching the plain run with that flag', () => {
    runCli([...cacheArgs('settings'), '.'], { cwd: tree });
    const rule = 'tsql/no-deprecated-types:off';
    const cached = runCli([...cacheArgs('settings'), '--rule', rule, '.'], { cwd: tree });
    const fresh = runCli(['--concurrency', 'off', '--rule', rule, '.'], { cwd: tree });
    expect(cached.stdout).toBe(fresh.stdout);
    expect(cached.stdout).not.toBe(plain.stdout);
  });

  it('answers the cross-file (parity) checks from the cache only while both partners are unchanged', () => {
    const folder = path.join(root, 'pair');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'schema.sql'), 'CREATE TABLE users (\n  id INT IDENTITY(1,1) PRIMARY KEY,\n  email NVARCHAR(200) NOT NULL\n);\n');
    const partner = path.join(folder, 'schema.sqlite.sql');
    writeFileSync(partner, 'CREATE TABLE users (\n  id INTEGER PRIMARY KEY AUTOINCREMENT\n);\n');
    const plainPair = runCli(['.'], { cwd: folder });
    expect(plainPair.stdout).toContain('parity/');
    for (let i = 0; i < 2; i++) expect(runCli([...cacheArgs('pair-cache'), '.'], { cwd: folder }).stdout).toBe(plainPair.stdout);
    writeFileSync(partner, 'CREATE TABLE users (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n  email TEXT NOT NULL\n);\n');
    const fixedPair = runCli(['.'], { cwd: folder });
    expect(fixedPair.stdout).not.toBe(plainPair.stdout);
    expect(runCli([...cacheArgs('pair-cache'), '.'], { cwd: folder }).stdout).toBe(fixedPair.stdout);
  });

  it('answers the cross-file checks from the cache when worker threads matched the files (after a touch)', () => {
    const copy = path.join(root, 'touched');
    writeTree(copy, 80, 3);
    runCli([...cacheArgs('touched-cache'), '.'], { cwd: copy });
    const cacheFile = path.join(root, 'touched-cache');
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
      entries: Record<string, unknown>;
      crossFile: { findings: Record<string, unknown[]> };
    };
    const files = Object.keys(stored.entries).sort();
    stored.crossFile.findings[files[0]] = [{ ...cacheMessage(), message: 'Planted among the cross-file findings.' }];
    writeFileSync(cacheFile, JSON.stringify(stored));
    // New times, same bytes: each file is read and hashed again, most of them in the worker.
    const later = new Date(Date.now() + 60_000);
    for (const file of files) utimesSync(file, later, later);
    const run = runCli([...cacheArgs('touched-cache'), '--concurrency', '2', '--format', 'json', '.'], { cwd: copy });
    expect(run.stdout).toContain('Planted among the cross-file findings.');
  });

  it('treats a corrupt cache file as empty', () => {
    const cacheFile = path.join(root, 'corrupt');
    writeFileSync(cacheFile, '{ not json');
    const run = runCli([...cacheArgs('corrupt'), '.'], { cwd: tree });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(plain.stdout);
    expect(() => JSON.parse(readFileSync(cacheFile, 'utf8')) as unknown).not.toThrow();
  });

  it('puts .schemalintcache in a folder given as --cache-location, creating the folder', () => {
    const folder = path.join(root, 'cache-folder') + path.sep;
    const run = runCli(['--cache', '--cache-location', folder, '.'], { cwd: tree });
    expect(run.stdout).toBe(plain.stdout);
    expect(existsSync(path.join(folder, '.schemalintcache'))).toBe(true);
  });
});

function cacheMessage(): Record<string, unknown> {
  return { ruleId: 'tsql/no-autoincrement', severity: 2, line: 1, column: 1, endLine: 1, endColumn: 2, startOffset: 0, endOffset: 1 };
}
