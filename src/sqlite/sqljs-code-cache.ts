import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { writeFileAtomic } from '../files/write-atomic.js';

/**
 * sql.js's script (47 KB of JavaScript around the WebAssembly) compiled with V8's code cache,
 * as the CLI bundle is (src/cli/bundle-loader.cts): the build runs the bundle over the corpus
 * and saves the bytecode V8 compiled for the script beside the bundle, so a SQLite run
 * deserializes it instead of parsing and compiling the script and the functions its start
 * calls. Measured alone, in a process with the CLI's flags: compiling 2.9 → 1.7 ms and the
 * engine's start 18 → 12.5 ms (medians of 6 runs each). The CLI on a 2.3 KB SQLite file: 819–828
 * → 802–806 million instructions (cachegrind, three runs each); wall time 171.0 → 169.9 ms on a
 * quiet machine (medians of 41 interleaved runs), 230.5 → 220.7 and 221.7 → 212.4 ms on a busy one.
 *
 * V8 checks a cache only against the source's length and its own version and flags (it rejects
 * other flags, and then compiles as usual). A reinstalled sql.js of the same length would pass
 * that check, so the cache file begins with a hash of the source it was made from, and is not
 * offered for any other.
 */
export const SQLJS_CODE_CACHE_FILE = 'sql-wasm.cache';

/** What became of the cache at the last compile: none offered, taken, or refused by V8. */
export type SqlJsCacheState = 'none' | 'accepted' | 'rejected';

/** The parameters of the function the script is compiled as, in the order they are given. */
export type SqlJsWrapper = (module: { exports: unknown }, exports: unknown, require: NodeJS.Require, filename: string, dirname: string) => void;

const WRAPPER_START = '(function (module, exports, require, __filename, __dirname) { ';
const WRAPPER_END = '\n});';
const HASH_BYTES = 4;

let compiled: { script: Script; hash: number } | undefined;
let lastState: SqlJsCacheState = 'none';

/** Compiles the script at `scriptPath` as a function, with the cache in `cacheFile` when it was made from this very source. */
export function compileSqlJs(scriptPath: string, cacheFile: string | undefined): SqlJsWrapper {
  const source = readFileSync(scriptPath, 'utf8');
  const hash = sourceHash(source);
  const cachedData = cacheFile ? cacheFor(cacheFile, hash) : undefined;
  const script = new Script(`${WRAPPER_START}${source}${WRAPPER_END}`, { filename: scriptPath, cachedData });
  compiled = { script, hash };
  lastState = cachedData ? (script.cachedDataRejected ? 'rejected' : 'accepted') : 'none';
  return script.runInThisContext() as SqlJsWrapper;
}

/** How the last compile in this process went with the cache. */
export function sqlJsCacheState(): SqlJsCacheState {
  return lastState;
}

/**
 * Writes the bytecode compiled so far for the script, after its hash; false when this process
 * has not compiled it (no SQLite file was linted). The build calls it after its training run.
 */
export function saveSqlJsCodeCache(target: string): boolean {
  if (!compiled) return false;
  const header = Buffer.alloc(HASH_BYTES);
  header.writeUInt32LE(compiled.hash);
  writeFileAtomic(target, Buffer.concat([header, compiled.script.createCachedData()]));
  return true;
}

function cacheFor(cacheFile: string, hash: number): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (bytes.length <= HASH_BYTES || bytes.readUInt32LE(0) !== hash) return undefined;
  return bytes.subarray(HASH_BYTES);
}

/** FNV-1a over the source's UTF-16 code units: enough to tell two versions of the script apart, and no crypto module to load. */
function sourceHash(source: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    hash ^= source.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
