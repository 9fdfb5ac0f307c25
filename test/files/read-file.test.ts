import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_A_REGULAR_FILE, readFileWithStats } from '../../src/files/read-file.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('read-file');

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
  return undefined;
}

describe('readFileWithStats', () => {
  it('reads the bytes readFileSync reads, with the stats statSync gives', () => {
    for (const size of [1, 100, 4095, 4096, 70_000]) {
      const file = path.join(dir, `f${size}.sql`);
      writeFileSync(file, Buffer.from(Array.from({ length: size }, (_, i) => (i * 31) % 256)));
      const { bytes, stats } = readFileWithStats(file);
      expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true);
      const expected = statSync(file);
      expect([stats.size, stats.uid, stats.mtimeMs, stats.ino]).toEqual([expected.size, expected.uid, expected.mtimeMs, expected.ino]);
    }
  });

  it('reads an empty file as no bytes', () => {
    const file = path.join(dir, 'empty.sql');
    writeFileSync(file, '');
    expect(readFileWithStats(file).bytes.length).toBe(0);
  });

  it.runIf(process.platform === 'linux')('reads a file whose stats give no size (procfs) to its end', () => {
    const { bytes, stats } = readFileWithStats('/proc/self/status');
    expect(stats.size).toBe(0);
    expect(Buffer.from(bytes).toString('utf8')).toMatch(/^Name:/);
  });

  it.runIf(process.platform === 'linux')('refuses a named pipe without waiting for a writer, and a device', () => {
    const pipe = path.join(dir, 'pipe.sql');
    execFileSync('mkfifo', [pipe]);
    // A writer that keeps the pipe open for a while: the old open waited for one, then read until it left.
    const writer = spawn('sh', ['-c', `sleep 3 > '${pipe}'`], { stdio: 'ignore' });
    try {
      expect(errorCode(() => readFileWithStats(pipe))).toBe(NOT_A_REGULAR_FILE);
    } finally {
      writer.kill();
    }
    // Read to its end, /dev/zero filled the memory.
    expect(errorCode(() => readFileWithStats('/dev/zero'))).toBe(NOT_A_REGULAR_FILE);
  });

  it('fails as readFileSync does: a missing file, a folder', () => {
    const missing = path.join(dir, 'missing.sql');
    expect(errorCode(() => readFileWithStats(missing))).toBe('ENOENT');
    const folder = path.join(dir, 'folder.sql');
    mkdirSync(folder);
    expect(errorCode(() => readFileWithStats(folder))).toBe(errorCode(() => readFileSync(folder)));
    expect(errorCode(() => readFileWithStats(folder))).toBe('EISDIR');
  });
});
