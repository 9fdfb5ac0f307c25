import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';

type WasmGlobal = { instantiate: (...args: unknown[]) => Promise<unknown> };
const wasm = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;
const instantiate = wasm.instantiate;

afterEach(() => {
  wasm.instantiate = instantiate;
  vi.resetModules();
});

describe('loading the SQLite engine', () => {
  it('keeps the memory of the instance it makes, which a database needs', async () => {
    vi.resetModules();
    const engine = await import('../../src/sqlite/engine.js');
    const state = await engine.loadSqliteEngine();
    if (state.status !== 'loaded') throw new Error(`not loaded: ${JSON.stringify(state)}`);
    expect(engine.engineMemory(state.sql)?.buffer.byteLength).toBeGreaterThan(0);
  });

  it('makes an engine of its own when the application has loaded sql.js first', async () => {
    const require = createRequire(import.meta.url);
    const initSqlJs = require('sql.js') as (config: { wasmBinary: Uint8Array }) => Promise<unknown>;
    await initSqlJs({ wasmBinary: readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm')) });
    vi.resetModules();
    const engine = await import('../../src/sqlite/engine.js');
    const state = await engine.loadSqliteEngine();
    if (state.status !== 'loaded') throw new Error(`not loaded: ${JSON.stringify(state)}`);
    expect(engine.engineMemory(state.sql)).toBeDefined();
  });

  it('is unavailable, and does not wait forever, when the WebAssembly cannot be instantiated', async () => {
    vi.resetModules();
    wasm.instantiate = () => Promise.reject(new Error('simulated instantiation failure'));
    const engine = await import('../../src/sqlite/engine.js');
    await expect(engine.loadSqliteEngine()).resolves.toEqual({ status: 'unavailable', reason: 'simulated instantiation failure' });
  });
});
