import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSchemaFile } from '../../bench/generate.mjs';
import { binPath, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * A big file finishes with memory bounded. The built binary lints a generated 8 MB schema
 * (the bench's realistic DDL: procedures, seed rows, mistakes) with V8's old generation capped
 * at 80 MB, ten times the file (its text alone takes 16 MB of it: non-ASCII makes it a
 * two-byte string). A pass whose live memory grew with the file beyond that (every token, every
 * statement's parse result or a full model held at once) dies of heap exhaustion (exit 134)
 * instead of reporting. The 100 MB figures are `npm run stress`'s; this is the same guarantee
 * at a size CI can afford. Each file sits alone in its folder: a partner file would make it
 * a pair, whose full models parity rightly builds.
 */
const MB = 1024 * 1024;
const HEAP_CAP_MB = 80;
const work = tempDir('big-file');

function lintCapped(file: string) {
  const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, binPath, '--format', 'compact', file], {
    cwd: path.dirname(file),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * MB,
  });
  return { status: run.status, problems: run.stdout.split('\n').filter(Boolean), stderr: run.stderr };
}

describe('an 8 MB file with the heap capped at 10x its size', () => {
  for (const [dialect, name, seed] of [
    ['tsql', 'big_mssql.sql', 5],
    ['sqlite', 'big.sqlite.sql', 6],
  ] as const) {
    it(`finishes and reports (${dialect})`, () => {
      const file = path.join(work, dialect, name);
      const bytes = writeSchemaFile(file, dialect, 8 * MB, seed);
      expect(bytes).toBeGreaterThanOrEqual(8 * MB);
      const run = lintCapped(file);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      // The generator writes mistakes throughout: problems are reported from start to end of the file.
      expect(run.problems.length).toBeGreaterThan(500);
      const lines = run.problems.map((problem) => Number(/^[^:]+:(\d+):/.exec(problem)?.[1]));
      expect(Math.max(...lines)).toBeGreaterThan(200_000);
    }, 180_000);
  }
});

describe('a statement longer than MAX_STATEMENT_TOKENS', () => {
  it('is reported at its start, not linted, and the statements after it are linted', () => {
    const folder = path.join(work, 'one-statement');
    mkdirSync(folder);
    const file = path.join(folder, 'values.sql');
    // 2.2 million tokens of one SELECT list with no `;`, then an ordinary statement with a mistake.
    writeFileSync(file, `SELECT ${'a, '.repeat(1_100_000)}a\nGO\nCREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n`);
    const run = runCli(['--format', 'compact', file], { cwd: folder });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/values\.sql:1:1: warning: Statement not linted: it runs over 2,000,000 tokens \(lines 1–1\); a statement is held whole while it is linted, so one this long is skipped to keep memory bounded\.$/),
      expect.stringMatching(/values\.sql:3:40: error: .*\[tsql\/no-autoincrement\]$/),
    ]);
  }, 180_000);
});
