import type * as Fs from 'node:fs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

// The user database as the tests make it: /etc/passwd is read through this, every other file as it is.
const passwd = vi.hoisted(() => ({ text: '' }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof Fs>();
  const readFileSync = ((file: unknown, ...rest: unknown[]) =>
    file === '/etc/passwd' ? passwd.text : (actual.readFileSync as (...args: unknown[]) => unknown)(file, ...rest)) as typeof actual.readFileSync;
  return { ...actual, readFileSync, default: { ...actual, readFileSync } };
});

const { lintFiles } = await import('../../src/api/lint.js');

const dir = tempDir('owner-per-run');

describe('lintFiles in a long-lived process: the owner step', () => {
  it.runIf(typeof process.getuid === 'function')('reads the user database again for each run: a user renamed to mssql since the last run decides', async () => {
    const file = path.join(dir, 'schema.sqlite.sql');
    writeFileSync(file, 'CREATE TABLE t (id INTEGER);\n');
    const uid = process.getuid!();
    const lint = async () => {
      const [result] = await lintFiles([file], { cwd: dir, concurrency: 'off', config: { config: {}, baseDir: dir } });
      return [result.dialect, result.dialectSource];
    };
    passwd.text = `someone:x:${uid}:${uid}::/home/someone:/bin/sh\n`;
    expect(await lint()).toEqual(['sqlite', 'file name *.sqlite.sql']);
    // Kept for the life of the process, the name the first run read answered this one too: the file stayed SQLite.
    passwd.text = `mssql:x:${uid}:${uid}::/var/opt/mssql:/bin/sh\n`;
    expect(await lint()).toEqual(['tsql', 'owner mssql']);
  });
});
