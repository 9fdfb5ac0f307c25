import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

/**
 * The loader of the CLI bundle (src/cli/bundle-loader.cts), built (`npm test` builds first; it
 * is CommonJS, which vitest does not transform). Every load runs in a fresh Node process: within
 * one process V8 answers a second compile of the same source from memory, and the code cache
 * would never be read.
 */
const loader = path.join(repoRoot, 'dist', 'src', 'cli', 'bundle-loader.cjs');

interface Outcome {
  cacheRejected: boolean | null;
  answer: number;
  filename: string;
  dirname: string;
  strict: boolean;
  neighbour: string;
  stackLine: string;
  scriptName: string;
}

let dir: string;
let bundle: string;
let cache: string;

const SOURCE = `'use strict';
exports.answer = function answer() { return 6 * 7; };
exports.filename = __filename;
exports.dirname = __dirname;
exports.strict = (function () { return this === undefined; })();
exports.neighbour = require.resolve('./neighbour.cjs');
exports.stackLine = function stackLine() { return new Error('where').stack.split('\\n')[1]; };
`;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'schema-lint-bundle-loader-'));
  bundle = path.join(dir, 'cli.cjs');
  cache = `${bundle}.cache`;
  writeFileSync(bundle, SOURCE);
  writeFileSync(path.join(dir, 'neighbour.cjs'), '');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Loads the bundle in a new process, offering `cacheFile`, and optionally saves its code cache to `saveTo`. */
function load(cacheFile: string | undefined, saveTo?: string): Outcome {
  const script = `
    const { loadCommonJsBundle, scriptNameOf } = require(${JSON.stringify(loader)});
    const loaded = loadCommonJsBundle(${JSON.stringify(bundle)}, ${JSON.stringify(cacheFile)});
    const e = loaded.exports;
    const outcome = { cacheRejected: loaded.cacheRejected ?? null, answer: e.answer(), filename: e.filename, dirname: e.dirname,
      strict: e.strict, neighbour: e.neighbour, stackLine: e.stackLine(), scriptName: scriptNameOf(${JSON.stringify(bundle)}) };
    if (${JSON.stringify(saveTo ?? null)}) loaded.saveCodeCache(${JSON.stringify(saveTo ?? null)});
    process.stdout.write(JSON.stringify(outcome));`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Outcome;
}

function expectWorking(outcome: Outcome): void {
  expect(outcome.answer).toBe(42);
  expect(outcome.filename).toBe(bundle);
  expect(outcome.dirname).toBe(dir);
  expect(outcome.strict).toBe(true);
  expect(outcome.neighbour).toBe(path.join(dir, 'neighbour.cjs'));
  // One name whether the cache was made here, taken or rejected (V8 keeps the name it was made under).
  expect(outcome.stackLine).toContain(`(${outcome.scriptName}:`);
}

describe('loading the CommonJS CLI bundle', () => {
  it('runs it as Node runs a CommonJS file when there is no cache', () => {
    const outcome = load(cache);
    expect(outcome.cacheRejected).toBeNull();
    expectWorking(outcome);
  });

  it('takes the code cache a run of the same bundle saved', () => {
    expectWorking(load(undefined, cache));
    const outcome = load(cache);
    expect(outcome.cacheRejected).toBe(false);
    expectWorking(outcome);
  });

  it('does not offer a cache older than the bundle: V8 checks only the length, which a changed bundle may keep', () => {
    load(undefined, cache);
    const past = new Date(Date.now() - 60_000);
    utimesSync(cache, past, past);
    const outcome = load(cache);
    expect(outcome.cacheRejected).toBeNull();
    expectWorking(outcome);
  });

  it('reads a bundle with non-ASCII text as UTF-8 (the build writes ASCII, which is read faster)', () => {
    writeFileSync(bundle, `${SOURCE}exports.answer = function answer() { return '✖ — …'.length * 8 + 2; };\n`);
    const outcome = load(undefined, cache);
    expectWorking(outcome);
    expect(load(cache).cacheRejected).toBe(false);
  });

  it('still runs the bundle when V8 rejects the cache (damaged, or from another Node)', () => {
    writeFileSync(cache, Buffer.alloc(4096, 7));
    const outcome = load(cache);
    expect(outcome.cacheRejected).toBe(true);
    expectWorking(outcome);
  });
});
