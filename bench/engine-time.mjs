// Preloaded with `node --import` into a measured schema-lint process: it times every call from
// JavaScript into the SQLite engine's WebAssembly (sql.js) and, at exit, writes to
// $BENCH_ENGINE_FILE what the engine cost: the milliseconds spent inside it, the calls made, the
// size of its memory, and the whole run's milliseconds on the same clock. The bench prints the
// engine's share as a floor: no work of schema-lint's own can make a run faster than the engine.
//
// It wraps the instance's exported functions as `WebAssembly.instantiate` hands them out, so
// schema-lint's code is measured unchanged. Only the outermost call is timed: the engine calls
// back into sql.js's JavaScript (its in-memory file system), which may call the engine again,
// and that time is already inside the outer call. The two clock reads per call add their own
// cost, about a tenth of a microsecond, which this figure then counts as the engine's.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const target = process.env.BENCH_ENGINE_FILE;
if (target) {
  const started = performance.now();
  let inside = 0;
  let calls = 0;
  let depth = 0;
  let memory;

  const timed = (fn) =>
    function (...args) {
      if (depth > 0) return fn.apply(this, args);
      calls++;
      depth++;
      const start = performance.now();
      try {
        return fn.apply(this, args);
      } finally {
        inside += performance.now() - start;
        depth--;
      }
    };

  // Through globalThis: this project's lint config gives scripts Node's globals, which leave WebAssembly out.
  const wasm = globalThis.WebAssembly;
  const instantiate = wasm.instantiate;
  wasm.instantiate = async function (...args) {
    const result = await instantiate.apply(this, args);
    // Called with a compiled module, instantiate returns the instance itself; with bytes, both.
    const instance = result instanceof wasm.Instance ? result : result.instance;
    const exports = {};
    for (const [name, value] of Object.entries(instance.exports)) {
      exports[name] = typeof value === 'function' ? timed(value) : value;
      if (value instanceof wasm.Memory) memory = value;
    }
    const wrapped = { exports };
    return result instanceof wasm.Instance ? wrapped : { module: result.module, instance: wrapped };
  };

  process.on('exit', () => {
    const report = { engineMs: inside, calls, memoryBytes: memory?.buffer.byteLength ?? 0, runMs: performance.now() - started };
    writeFileSync(target, JSON.stringify(report));
  });
}
