import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/files/write-atomic.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('writes are atomic', () => {
  it('a writer killed at random moments leaves the old or the new content, never a mix', async () => {
    const dir = tempDir('kill');
    const target = path.join(dir, 'out.sql');
    writeFileSync(target, Buffer.alloc(8 * 1024 * 1024, 'z'));
    for (const delay of [30, 90, 170, 260]) {
      const child = spawn(process.execPath, [path.join(here, 'writer-child.mjs'), target], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise((resolve) => child.stdout.once('data', resolve)); // it has finished at least one write
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const bytes = readFileSync(target);
      expect(bytes.length).toBe(8 * 1024 * 1024);
      expect(bytes.every((byte) => byte === bytes[0])).toBe(true);
    }
    // Temporary files of killed writers may remain, but they never carry the target's name.
    expect(readdirSync(dir).filter((name) => !name.startsWith('.out.sql.schema-lint-'))).toEqual(['out.sql']);
  });

  it('--output-file replaces a report atomically and keeps its permissions', () => {
    const dir = tempDir('out');
    writeFileSync(path.join(dir, 'a.sql'), 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n');
    writeFileSync(path.join(dir, 'report.json'), 'old');
    chmodSync(path.join(dir, 'report.json'), 0o600);
    const run = runCli(['a.sql', '--format', 'json', '--output-file', 'report.json'], { cwd: dir });
    expect(run).toMatchObject({ status: 1, stdout: '' });
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'))[0].errorCount).toBeGreaterThan(0);
    expect(statSync(path.join(dir, 'report.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['a.sql', 'report.json']);
  });

  it.runIf(process.platform === 'linux')('--output-file into a named pipe writes into it and leaves it a pipe, as for /dev/null or /dev/stdout', async () => {
    const dir = tempDir('out-pipe');
    writeFileSync(path.join(dir, 'a.sql'), 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n');
    const pipe = path.join(dir, 'report.pipe');
    execFileSync('mkfifo', [pipe]);
    const reader = spawn('cat', [pipe], { stdio: ['ignore', 'pipe', 'inherit'] });
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const readerDone = new Promise((resolve) => reader.once('exit', resolve));
    const run = runCli(['a.sql', '--format', 'compact', '--output-file', 'report.pipe'], { cwd: dir });
    // Renamed over, the pipe was gone and its reader waited for a writer that never came.
    await Promise.race([readerDone, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    reader.kill();
    expect(run).toMatchObject({ status: 1, stdout: '', stderr: '' });
    expect(received).toBe('a.sql:1:40: error: SQL Server rejects AUTOINCREMENT: Incorrect syntax near \'AUTOINCREMENT\'. [tsql/no-autoincrement]\n');
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it('--output-file into a missing folder is a one-line error', () => {
    const dir = tempDir('out');
    writeFileSync(path.join(dir, 'a.sql'), 'SELECT 1;\n');
    const run = runCli(['a.sql', '--output-file', 'no/such/dir/report.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`schema-lint: Cannot write ${path.join(dir, 'no/such/dir/report.txt')}: the folder does not exist.\n`);
  });
});

describe('writes keep the owner', () => {
  // Only root can give a file to another user, so only a run as root can make one to fix.
  it.runIf(process.getuid?.() === 0)('--fix as root keeps the file its owner and group, and so the dialect its owner decides', () => {
    const dir = tempDir('owner');
    const file = path.join(dir, 'legacy.sqlite.sql');
    // uid and gid 1 are `daemon` on Debian and most Linux systems; the config maps the owner to T-SQL, whatever the name says.
    writeFileSync(path.join(dir, 'schema-lint.config.json'), JSON.stringify({ owners: { daemon: 'tsql' } }));
    writeFileSync(file, 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n');
    chownSync(file, 1, 1);
    const fix = runCli(['legacy.sqlite.sql', '--fix', '--rule', 'core/dialect-mismatch:off'], { cwd: dir });
    expect(fix).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe('CREATE TABLE t (id INT IDENTITY(1,1) PRIMARY KEY);\n');
    expect(statSync(file)).toMatchObject({ uid: 1, gid: 1 });
    expect(runCli(['legacy.sqlite.sql', '--print-dialect'], { cwd: dir }).stdout).toBe('legacy.sqlite.sql: tsql (owner daemon)\n');
  });
});

describe('writes through symbolic links', () => {
  it('--fix of a linked schema fixes the file the link names and leaves the link a link', () => {
    const dir = tempDir('link-fix');
    mkdirSync(path.join(dir, 'shared'));
    mkdirSync(path.join(dir, 'app'));
    writeFileSync(path.join(dir, 'shared', 'a.sql'), 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n');
    symlinkSync(path.join('..', 'shared', 'a.sql'), path.join(dir, 'app', 'a.sql'));
    const run = runCli(['app', '--fix', '--format', 'compact'], { cwd: dir });
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(lstatSync(path.join(dir, 'app', 'a.sql')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'shared', 'a.sql'), 'utf8')).toBe('CREATE TABLE t (id INT IDENTITY(1,1) PRIMARY KEY);\n');
    expect(readdirSync(path.join(dir, 'shared'))).toEqual(['a.sql']);
  });

  it('follows a chain of links, even to a file not there yet, and reports a loop in one line', () => {
    const dir = tempDir('link-chain');
    symlinkSync('middle.txt', path.join(dir, 'report.txt'));
    symlinkSync(path.join('reports', 'last.txt'), path.join(dir, 'middle.txt'));
    mkdirSync(path.join(dir, 'reports'));
    writeFileAtomic(path.join(dir, 'report.txt'), 'new');
    expect(readFileSync(path.join(dir, 'reports', 'last.txt'), 'utf8')).toBe('new');
    expect(lstatSync(path.join(dir, 'report.txt')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(dir, 'middle.txt')).isSymbolicLink()).toBe(true);

    symlinkSync('loop-b', path.join(dir, 'loop-a'));
    symlinkSync('loop-a', path.join(dir, 'loop-b'));
    expect(() => writeFileAtomic(path.join(dir, 'loop-a'), 'x')).toThrow(`Cannot write ${path.join(dir, 'loop-a')}: ELOOP.`);
  });
});

describe('a reader that goes away', () => {
  it('stops quietly when the pipe closes early (schema-lint | head)', async () => {
    const { binPath } = await import('../support/cli.js');
    const dir = tempDir('pipe');
    writeFileSync(path.join(dir, 'big.sql'), 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n'.repeat(20_000));
    const child = spawn(process.execPath, [binPath, 'big.sql', '--format', 'compact'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(stderr).toBe('');
    expect(code).not.toBeNull();
  });
});
