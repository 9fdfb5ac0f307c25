// CommonJS (.cts → .cjs) on purpose: bin/schema-lint.js requires it, so a run never starts the
// ES module loader (~10 ms: the loader itself, and `import 'node:fs'` loading every fs stream).
import { isAscii } from 'node:buffer';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/**
 * Runs the CommonJS bundle of the CLI (`dist/bundle/cli.cjs`, made by scripts/bundle-cli.mjs)
 * with V8's code cache: the bytecode of every function a typical run compiles, saved at build
 * time beside the bundle. A small run otherwise spends a large part of its time parsing and
 * compiling code it runs once; with the cache V8 deserializes the bytecode instead.
 *
 * The cache is only a shortcut, never needed for correctness: V8 rejects it under another V8
 * version or other flags (then it compiles as usual), and it is not offered at all when it is
 * older than the bundle, because V8 checks only the source's length, not its content.
 */
export interface LoadedBundle<Exports> {
  exports: Exports;
  /** Whether V8 refused the cache; undefined when there was none to offer. */
  cacheRejected: boolean | undefined;
  /** Writes the bytecode compiled so far, so a later load of the same bundle can skip compiling it. */
  saveCodeCache(cacheFile: string): void;
}

/** The wrapper Node's CommonJS loader puts around a file (Module.wrap), so the bundle sees the usual five names. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_END = '\n});';

/**
 * The name stack traces show for the bundle. V8 keeps the name a cache was made under (the
 * build's folder, not where the package is installed), so it is one fixed name whether the
 * cache is made, taken or rejected.
 */
export function scriptNameOf(bundleFile: string): string {
  return `schema-lint/dist/bundle/${path.basename(bundleFile)}`;
}

/**
 * V8 compiles WebAssembly twice: at once with its baseline compiler (Liftoff), then again with
 * its optimizing compiler (TurboFan) for each function that warms up. For the SQLite engine's
 * code (src/sqlite/engine.ts) that second compile never paid back: measured on Node 20 from a
 * 4 KB to an 8 MB SQLite file, a run's CPU was the same or less without it, and a 4 KB file
 * took ~0.30 s instead of ~0.45 s and 64 MB instead of 94 MB at its peak (the 8 MB file 130 MB
 * instead of 170 MB). The flag is process-wide, so only the CLI, which owns its process, sets
 * it; a program using the API keeps V8's defaults. It is set here, before the bundle compiles,
 * because V8 accepts a code cache only under the flags it was made with: cache and run then
 * agree, whether a run loads the engine or not.
 */
export const WASM_BASELINE_ONLY_FLAG = '--liftoff-only';

export function loadCommonJsBundle<Exports>(bundleFile: string, cacheFile?: string): LoadedBundle<Exports> {
  setFlagsFromString(WASM_BASELINE_ONLY_FLAG);
  const bytes = readFileSync(bundleFile);
  // An ASCII file (the build writes one) becomes a one-byte string, which V8 handles faster than UTF-8's two-byte one.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cachedData = cacheFile ? usableCache(bundleFile, cacheFile) : undefined;
  const script = new Script(`${WRAPPER_START}${source}${WRAPPER_END}`, { filename: scriptNameOf(bundleFile), cachedData });
  const module = { exports: {} as Exports };
  const run = script.runInThisContext() as (
    exports: Exports,
    require: NodeJS.Require,
    module: { exports: Exports },
    filename: string,
    dirname: string,
  ) => void;
  run.call(module.exports, module.exports, createRequire(bundleFile), module, bundleFile, path.dirname(bundleFile));
  return {
    exports: module.exports,
    cacheRejected: cachedData ? script.cachedDataRejected === true : undefined,
    saveCodeCache: (target) => writeFileSync(target, script.createCachedData()),
  };
}

/** The cache's bytes when it was written after the bundle (so it was made from this bundle), else undefined. */
function usableCache(bundleFile: string, cacheFile: string): Buffer | undefined {
  try {
    if (statSync(cacheFile).mtimeMs < statSync(bundleFile).mtimeMs) return undefined;
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}
