import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlJsStatic } from 'sql.js';
import { findInstalledPackage } from '../files/installed-package.js';
import { compileSqlJs, SQLJS_CODE_CACHE_FILE } from './sqljs-code-cache.js';

/**
 * The SQLite engine schema-lint judges SQLite files with: sql.js, SQLite compiled to
 * WebAssembly. It is loaded once per process and only when a rule asks for it, because
 * compiling the WebAssembly costs tens of milliseconds that a T-SQL-only run should not pay.
 *
 * The .wasm file is read from the installed package, never fetched: sql.js would otherwise
 * try `locateFile`/fetch, and a linter must work offline. The engine has no access to the
 * disk at all: sql.js keeps its files in an in-memory file system (Emscripten's MEMFS).
 */
export type EngineState =
  | { status: 'unloaded' }
  | { status: 'loaded'; sql: SqlJsStatic }
  | { status: 'unavailable'; reason: string };

let state: EngineState = { status: 'unloaded' };
let loading: Promise<EngineState> | undefined;

/** The engine's linear memory: SandboxDatabase writes SQL into it and reads results out of it directly. */
export interface EngineMemory {
  readonly buffer: ArrayBuffer;
}

/** The parts of the global WebAssembly object used here (not in the ES library typings this project compiles against). */
interface WebAssemblyApi {
  instantiate(binary: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
  Memory: abstract new (...args: never[]) => EngineMemory;
}

type InitSqlJs = (config: {
  wasmBinary: ArrayBuffer | Uint8Array;
  instantiateWasm?: (imports: object, receive: (instance: { exports: Record<string, unknown> }) => void) => object;
}) => Promise<SqlJsStatic>;

const MEMORIES = new WeakMap<SqlJsStatic, EngineMemory>();

/** The memory of an engine that `loadSqliteEngine` loaded. */
export function engineMemory(sql: SqlJsStatic): EngineMemory | undefined {
  return MEMORIES.get(sql);
}

/** Loads the engine at most once; never rejects: a failure is kept as an `unavailable` state. */
export function loadSqliteEngine(): Promise<EngineState> {
  if (state.status !== 'unloaded') return Promise.resolve(state);
  loading ??= load().then((loaded) => {
    state = loaded;
    return loaded;
  });
  return loading;
}

async function load(): Promise<EngineState> {
  try {
    const require = createRequire(import.meta.url);
    const files = sqlJsFiles(require);
    const initSqlJs = privateSqlJs(require, files.script);
    // Read synchronously: the engine is awaited at once anyway, and node:fs/promises costs every run ~2 ms to load.
    const wasmBinary = readFileSync(files.wasm);
    const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    if (!wasm) throw new Error('WebAssembly is not available');
    let memory: EngineMemory | undefined;
    // The instance is made here, not by sql.js, to keep its memory: sql.js does not export it.
    // sql.js waits for `receive` forever when instantiation fails, so the failure races it.
    let failed: (error: unknown) => void = () => undefined;
    const failure = new Promise<never>((_, reject) => (failed = reject));
    const instantiateWasm = (imports: object, receive: (instance: { exports: Record<string, unknown> }) => void): object => {
      wasm.instantiate(wasmBinary, imports).then(({ instance }) => {
        memory = Object.values(instance.exports).find((value): value is EngineMemory => value instanceof wasm.Memory);
        receive(instance);
      }, failed);
      return {};
    };
    const sql = await Promise.race([initSqlJs({ wasmBinary, instantiateWasm }), failure]);
    if (!memory) throw new Error('the SQLite engine exports no memory');
    MEMORIES.set(sql, memory);
    return { status: 'loaded', sql };
  } catch (error) {
    return { status: 'unavailable', reason: describeError(error) };
  }
}

/**
 * sql.js makes one engine per copy of its script and hands it to every later caller, so an
 * application that loaded sql.js first would give us its engine, whose memory we cannot reach
 * (nor trust to be free of its functions). The script is compiled here as a module of our own.
 */
function privateSqlJs(require: NodeJS.Require, scriptPath: string): InitSqlJs {
  // The build leaves the script's code cache beside the CLI bundle this code then runs from (sqljs-code-cache.ts).
  const cacheFile = path.join(path.dirname(fileURLToPath(import.meta.url)), SQLJS_CODE_CACHE_FILE);
  const module: { exports: unknown } = { exports: {} };
  const wrapper = compileSqlJs(scriptPath, cacheFile);
  wrapper(module, module.exports, require, scriptPath, path.dirname(scriptPath));
  return module.exports as InitSqlJs;
}

/** sql.js's script and WebAssembly, both under the "./dist/*" its package exports; see findInstalledPackage for why not require.resolve. */
function sqlJsFiles(require: NodeJS.Require): { script: string; wasm: string } {
  const directory = findInstalledPackage('sql.js', path.dirname(fileURLToPath(import.meta.url)));
  if (!directory) return { script: require.resolve('sql.js'), wasm: require.resolve('sql.js/dist/sql-wasm.wasm') };
  return { script: path.join(directory, 'dist', 'sql-wasm.js'), wasm: path.join(directory, 'dist', 'sql-wasm.wasm') };
}

/** The engine as it stands now, for synchronous code that runs after `loadSqliteEngine()`. */
export function sqliteEngineState(): EngineState {
  return state;
}

/**
 * Called when the WebAssembly instance trapped (a stack overflow or an out-of-bounds access):
 * its memory may be inconsistent, so it is not used again in this process.
 */
export function markSqliteEngineBroken(reason: string): void {
  state = { status: 'unavailable', reason };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0];
  return String(error);
}
