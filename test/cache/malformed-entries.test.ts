import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/api/lint.js';
import { LintCache } from '../../src/cache/lint-cache.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * A cache file is JSON anyone can edit. One with the right format and run key but an entry of
 * the wrong shape once crashed the run ("Cannot read properties of null (reading 'size')");
 * such an entry is now absent: its file is linted again and the file rewritten.
 */
interface StoredCache {
  format: number;
  runKey: string;
  entries: Record<string, Record<string, unknown> | null>;
  crossFile?: unknown;
}

function lintedTree(): { folder: string; cacheFile: string; file: string } {
  const folder = tempDir('cache-shape');
  const file = path.join(folder, 'a.sql');
  writeFileSync(file, 'CREATE TABLE t (id INT NOT NULL PRIMARY KEY, flag BIT);\nCREATE TABLE u (n TEXT);\n');
  return { folder, cacheFile: path.join(folder, 'cache.json'), file };
}

const lint = (folder: string, cacheFile: string) => lintFiles([folder], { cwd: folder, cache: true, cacheLocation: cacheFile, concurrency: 'off' });

function readCache(cacheFile: string): StoredCache {
  return JSON.parse(readFileSync(cacheFile, 'utf8')) as StoredCache;
}

const goodMessage = { ruleId: 'r', severity: 2, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, startOffset: 0, endOffset: 1 };

describe('--cache with hand-edited entries', () => {
  it.each<[string, (entry: Record<string, unknown>) => unknown]>([
    ['an entry null', () => null],
    ['messages a string', (entry) => ({ ...entry, messages: 'x' })],
    ['a message null', (entry) => ({ ...entry, messages: [null] })],
    ['a message without its text', (entry) => ({ ...entry, messages: [{ ...goodMessage, message: undefined }] })],
    ['a message with a negative column', (entry) => ({ ...entry, messages: [{ ...goodMessage, column: -3 }] })],
    ['a fix without a range', (entry) => ({ ...entry, messages: [{ ...goodMessage, fix: { text: '' } }] })],
    ['a suggestion list of numbers', (entry) => ({ ...entry, messages: [{ ...goodMessage, suggestions: [1] }] })],
    ['the size a string', (entry) => ({ ...entry, size: '12' })],
    ['an unknown dialect', (entry) => ({ ...entry, dialect: 'oracle' })],
  ])('lints the file again when its entry has %s, and rewrites the entry', async (_name, spoil) => {
    const { folder, cacheFile, file } = lintedTree();
    const plain = await lint(folder, cacheFile);
    expect(plain[0].messages.length).toBeGreaterThan(0);
    const stored = readCache(cacheFile);
    const original = stored.entries[file] as Record<string, unknown>;
    stored.entries[file] = spoil(original) as Record<string, unknown> | null;
    writeFileSync(cacheFile, JSON.stringify(stored));

    const again = await lint(folder, cacheFile);
    expect(again.map((result) => result.messages)).toEqual(plain.map((result) => result.messages));
    expect(readCache(cacheFile).entries[file]).toEqual(original);
  });
});

describe('LintCache.open', () => {
  function written(content: StoredCache): string {
    const cacheFile = path.join(tempDir('cache-open'), 'cache.json');
    writeFileSync(cacheFile, JSON.stringify(content));
    return cacheFile;
  }
  const good = { hash: 'h', dialect: 'tsql', dialectSource: 'default', messages: [goodMessage], size: 3, mtimeMs: 4 };

  it('keeps the well-formed entries and drops the rest, then rewrites the file without them', () => {
    const cacheFile = written({ format: 1, runKey: 'k', entries: { '/good.sql': good, '/bad.sql': { ...good, messages: [null] }, '/null.sql': null } });
    const cache = LintCache.open(cacheFile, 'k');
    expect(cache.entry('/good.sql')).toEqual(good);
    expect(cache.entry('/bad.sql')).toBeUndefined();
    expect(cache.entry('/null.sql')).toBeUndefined();
    expect(cache.probablyUnchanged('/null.sql', 3, 4)).toBe(false);
    // Nothing stored or forgotten in this run (all three paths are "seen"): the write is for the dropped entries.
    cache.save(new Set(['/good.sql', '/bad.sql', '/null.sql']));
    expect(readCache(cacheFile).entries).toEqual({ '/good.sql': good });
  });

  it('leaves a well-formed file alone when nothing changed', () => {
    const content = { format: 1, runKey: 'k', entries: { '/good.sql': good } };
    const cacheFile = written(content);
    writeFileSync(cacheFile, `${JSON.stringify(content)}\n`);
    LintCache.open(cacheFile, 'k').save(new Set(['/good.sql']));
    expect(readFileSync(cacheFile, 'utf8')).toBe(`${JSON.stringify(content)}\n`);
  });

  it.each<[string, unknown]>([
    ['a finding null', { key: 'x', findings: { '/good.sql': [null] } }],
    ['findings a list', { key: 'x', findings: [[goodMessage]] }],
    ['no findings', { key: 'x' }],
  ])('treats cross-file findings with %s as absent', (_name, crossFile) => {
    const cacheFile = written({ format: 1, runKey: 'k', entries: { '/good.sql': good }, crossFile });
    const cache = LintCache.open(cacheFile, 'k');
    expect(cache.crossFileFindings('x')).toBeUndefined();
    expect(cache.entry('/good.sql')).toEqual(good);
  });

  it('answers well-formed cross-file findings', () => {
    const findings = { '/good.sql': [goodMessage] };
    const cache = LintCache.open(written({ format: 1, runKey: 'k', entries: {}, crossFile: { key: 'x', findings } }), 'k');
    expect(cache.crossFileFindings('x')).toEqual(findings);
  });
});
