import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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

  it('--output-file into a missing folder is a one-line error', () => {
    const dir = tempDir('out');
    writeFileSync(path.join(dir, 'a.sql'), 'SELECT 1;\n');
    const run = runCli(['a.sql', '--output-file', 'no/such/dir/report.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`schema-lint: Cannot write ${path.join(dir, 'no/such/dir/report.txt')}: the folder does not exist.\n`);
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
