import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, runCli } from '../support/cli.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { tempDir } from '../support/temp-dir.js';

const sqliteInTsql = 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n';

function workspace(): string {
  const dir = tempDir('fs');
  chmodSync(dir, 0o755);
  return dir;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string; line: number }[];
}

describe('file system oddities', () => {
  it('does not follow a symbolic link loop inside a folder', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'a.sql'), sqliteInTsql);
    symlinkSync(dir, path.join(dir, 'loop'));
    const run = runCli(['.', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as JsonResult[]).map((r) => path.basename(r.filePath))).toEqual(['a.sql']);
  });

  it('a path that is a link to itself is a clear usage error', () => {
    const dir = workspace();
    symlinkSync('self.sql', path.join(dir, 'self.sql'));
    const run = runCli(['self.sql'], { cwd: dir });
    expect(run).toMatchObject({ status: 2, stderr: 'schema-lint: Cannot read "self.sql": too many levels of symbolic links.\n' });
  });

  it('a file that is gone by the time it is read is skipped with a warning', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'a.sql'), sqliteInTsql);
    symlinkSync(path.join(dir, 'deleted-target.sql'), path.join(dir, 'vanished.sql'));
    const run = runCli(['.', '--format', 'json'], { cwd: dir });
    const results = JSON.parse(run.stdout) as JsonResult[];
    const vanished = results.find((r) => r.filePath.endsWith('vanished.sql'));
    expect(vanished?.messages).toEqual([
      expect.objectContaining({ ruleId: null, severity: 1, message: 'File skipped: it disappeared before it could be read.', line: 1 }),
    ]);
    expect(run.status).toBe(1); // a.sql still has its error
  });

  it('a folder named x.sql is searched, not read', () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'x.sql'));
    writeFileSync(path.join(dir, 'x.sql', 'inner.sql'), sqliteInTsql);
    const viaParent = JSON.parse(runCli(['.', '--format', 'json'], { cwd: dir }).stdout) as JsonResult[];
    expect(viaParent.map((r) => path.relative(dir, r.filePath))).toEqual([path.join('x.sql', 'inner.sql')]);
    const direct = runCli(['x.sql', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(direct.stdout) as JsonResult[]).map((r) => path.basename(r.filePath))).toEqual(['inner.sql']);
  });

  it('paths with spaces and non-ASCII names', () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'bases de données'));
    writeFileSync(path.join(dir, 'bases de données', 'schéma 1.sql'), sqliteInTsql);
    const run = runCli(['bases de données', '--format', 'compact'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('bases de données/schéma 1.sql:1:40: error:');
  });

  it.runIf(process.platform === 'linux')('a named pipe and a link to a device are skipped with a warning each, in one thread or several', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'a.sql'), sqliteInTsql);
    // Opening the pipe waited for a writer for ever; reading /dev/zero to its end filled the memory.
    execFileSync('mkfifo', [path.join(dir, 'pipe.sql')]);
    symlinkSync('/dev/zero', path.join(dir, 'zeros.sql'));
    const skipped = 'File skipped: it is a named pipe, a device or a socket, not a regular file.';
    for (const concurrency of ['off', '2']) {
      const run = spawnSync(process.execPath, ['--max-old-space-size=200', binPath, '.', '--format', 'json', '--concurrency', concurrency], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 60_000,
      });
      expect(run.status).toBe(1); // a.sql still has its error
      const results = JSON.parse(run.stdout) as JsonResult[];
      expect(results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.message)])).toEqual([
        ['a.sql', [expect.stringContaining('AUTOINCREMENT')]],
        ['pipe.sql', [skipped]],
        ['zeros.sql', [skipped]],
      ]);
    }
  });

  it.runIf(process.platform !== 'win32')('permission denied on a file is an error on that file; the others are still linted', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'a.sql'), sqliteInTsql);
    writeFileSync(path.join(dir, 'secret.sql'), sqliteInTsql);
    chmodSync(path.join(dir, 'a.sql'), 0o644);
    chmodSync(path.join(dir, 'secret.sql'), 0o000);
    // root reads any file, so as root the check runs the CLI as the unprivileged user `nobody`.
    const asRoot = process.getuid?.() === 0;
    const run = asRoot
      ? spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, binPath, '.', '--format', 'json'], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        })
      : spawnSync(process.execPath, [binPath, '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as JsonResult[];
    expect(results.find((r) => r.filePath.endsWith('secret.sql'))?.messages).toEqual([
      expect.objectContaining({ ruleId: null, severity: 2, message: 'Cannot read the file: permission denied.' }),
    ]);
    expect(results.find((r) => r.filePath.endsWith('a.sql'))?.messages.some((m) => m.ruleId === 'tsql/no-autoincrement')).toBe(true);
    expect(run.status).toBe(1);
  });
});
