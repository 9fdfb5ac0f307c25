import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/api/lint.js';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The cross-file checks are answered from the cache when every linted file has an entry this run
 * matched or stored. A file with undecodable bytes has one; until the seventeenth session its
 * warning (a `fatal` notice) kept every cached run from that answer, so one Latin-1 script among
 * 2,000 files made each run check them all again (0.69 s → 2.8–3.9 s). A file that could not be
 * read, or is binary, still has none: its last entry says nothing of it now.
 */
interface StoredCache {
  entries: Record<string, { mtimeMs?: number }>;
  crossFile?: { key: string; findings: Record<string, Diagnostic[]> };
}

const PLANTED = 'Planted among the cross-file findings by the test.';

/** "café" as Windows-1252 saves it: E9 is no UTF-8. */
const LATIN1_SCRIPT = Buffer.from([...Buffer.from('CREATE TABLE caf'), 0xe9, ...Buffer.from(' (a INT);\n')]);

function pairWithLatin1Script(script = LATIN1_SCRIPT): { folder: string; cacheFile: string } {
  const folder = tempDir('current-entries');
  writeFileSync(path.join(folder, 'schema.sql'), 'CREATE TABLE users (\n  id INT IDENTITY(1,1) PRIMARY KEY,\n  email NVARCHAR(200) NOT NULL\n);\n');
  writeFileSync(path.join(folder, 'schema.sqlite.sql'), 'CREATE TABLE users (\n  id INTEGER PRIMARY KEY AUTOINCREMENT\n);\n');
  writeFileSync(path.join(folder, 'legacy.sql'), script);
  return { folder, cacheFile: path.join(folder, 'cache.json') };
}

const cached = (folder: string, cacheFile: string) => lintFiles(['.'], { cwd: folder, cache: true, cacheLocation: cacheFile, concurrency: 'off' });
const plain = (folder: string) => lintFiles(['.'], { cwd: folder, concurrency: 'off' });
const messagesOf = (results: Awaited<ReturnType<typeof plain>>) => results.map((result) => result.messages);

function readCache(cacheFile: string): StoredCache {
  return JSON.parse(readFileSync(cacheFile, 'utf8')) as StoredCache;
}

/** Adds a finding of its own to the stored cross-file findings of `filePath`, keeping their key. */
function plantFinding(cacheFile: string, filePath: string): void {
  const stored = readCache(cacheFile) as StoredCache & { crossFile: NonNullable<StoredCache['crossFile']> };
  const finding = { ruleId: 'parity/missing-column', severity: 2, message: PLANTED, line: 1, column: 1, endLine: 1, endColumn: 2, startOffset: 0, endOffset: 1 };
  stored.crossFile.findings[filePath] = [...(stored.crossFile.findings[filePath] ?? []), finding as Diagnostic];
  writeFileSync(cacheFile, JSON.stringify(stored));
}

describe('--cache answers the cross-file checks', () => {
  it('with a file of undecodable bytes among the linted ones, as the plain run reports them', async () => {
    const { folder, cacheFile } = pairWithLatin1Script();
    const expected = messagesOf(await plain(folder));
    expect(expected.flat().some((message) => message.ruleId?.startsWith('parity/'))).toBe(true);
    expect(expected.flat().some((message) => message.message.startsWith('File is not valid UTF-8'))).toBe(true);

    expect(messagesOf(await cached(folder, cacheFile))).toEqual(expected);
    expect(readCache(cacheFile).crossFile).toBeDefined();
    plantFinding(cacheFile, path.join(folder, 'schema.sql'));
    const answered = await cached(folder, cacheFile);
    expect(answered.flatMap((result) => result.messages).map((message) => message.message)).toContain(PLANTED);
  });

  it('and checks again when a partner changes', async () => {
    const { folder, cacheFile } = pairWithLatin1Script();
    await cached(folder, cacheFile);
    writeFileSync(path.join(folder, 'schema.sqlite.sql'), 'CREATE TABLE users (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n  email TEXT NOT NULL\n);\n');
    expect(messagesOf(await cached(folder, cacheFile))).toEqual(messagesOf(await plain(folder)));
  });

  it('but not when a file turned binary since its entry was stored', async () => {
    const { folder, cacheFile } = pairWithLatin1Script(Buffer.from('CREATE TABLE cafe (a INT);\n'));
    await cached(folder, cacheFile);
    plantFinding(cacheFile, path.join(folder, 'schema.sql'));
    writeFileSync(path.join(folder, 'legacy.sql'), Buffer.from('CREATE\0TABLE\0'));
    const results = await cached(folder, cacheFile);
    expect(results.flatMap((result) => result.messages).map((message) => message.message)).not.toContain(PLANTED);
    expect(messagesOf(results)).toEqual(messagesOf(await plain(folder)));
  });
});

describe('--cache after a checkout or a touch', () => {
  it('keeps the new size and time of a file whose bytes did not change', async () => {
    const { folder, cacheFile } = pairWithLatin1Script();
    await cached(folder, cacheFile);
    const file = path.join(folder, 'schema.sql');
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    const results = await cached(folder, cacheFile);
    expect(messagesOf(results)).toEqual(messagesOf(await plain(folder)));
    expect(readCache(cacheFile).entries[file].mtimeMs).toBe(statSync(file).mtimeMs);
  });
});
