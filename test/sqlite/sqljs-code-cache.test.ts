import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * The compile of sql.js's script with its code cache (src/sqlite/sqljs-code-cache.ts), built
 * (`npm test` builds first). Every compile runs in a fresh Node process: within one process V8
 * answers a second compile of the same source from memory, and the cache would never be read.
 */
const compiledModule = pathToFileURL(path.join(repoRoot, 'dist', 'src', 'sqlite', 'sqljs-code-cache.js')).href;
const dir = tempDir('sqljs-cache');

/** A stand-in for sql.js's script: it sets module.exports, as the real one does. */
function script(name: string, answer: number): string {
  const file = path.join(dir, name);
  writeFileSync(file, `module.exports = function answer() { return ${answer}; };\n`);
  return file;
}

interface Outcome {
  answer: number;
  state: string;
  saved: boolean | null;
}

/** Compiles and runs the script as the engine does, in a new process, offering `cacheFile`; saves the cache to `saveTo` if given. */
function compile(file: string, cacheFile: string | undefined, saveTo?: string): Outcome {
  const program = `
    import { createRequire } from 'node:module';
    import { compileSqlJs, saveSqlJsCodeCache, sqlJsCacheState } from ${JSON.stringify(compiledModule)};
    const file = ${JSON.stringify(file)};
    const module = { exports: {} };
    compileSqlJs(file, ${JSON.stringify(cacheFile ?? null)} ?? undefined)(module, module.exports, createRequire(file), file, ${JSON.stringify(dir)});
    const saveTo = ${JSON.stringify(saveTo ?? null)};
    process.stdout.write(JSON.stringify({ answer: module.exports(), state: sqlJsCacheState(), saved: saveTo ? saveSqlJsCodeCache(saveTo) : null }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Outcome;
}

describe("sql.js's code cache", () => {
  const cache = path.join(dir, 'sql-wasm.cache');

  it('saves nothing before the script was compiled in this process', () => {
    const run = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import { saveSqlJsCodeCache } from ${JSON.stringify(compiledModule)}; process.stdout.write(String(saveSqlJsCodeCache(${JSON.stringify(cache)})));`],
      { encoding: 'utf8' },
    );
    expect(run.stdout).toBe('false');
  });

  it('compiles without a cache and saves one, which the next process compiling the same script takes', () => {
    const file = script('same.js', 41);
    expect(compile(file, path.join(dir, 'absent.cache'), cache)).toEqual({ answer: 41, state: 'none', saved: true });
    expect(compile(file, cache)).toEqual({ answer: 41, state: 'accepted', saved: null });
  });

  it('does not offer the cache to another script of the same length, which V8 itself would take', () => {
    const file = script('same.js', 41);
    compile(file, undefined, cache);
    const other = script('other.js', 42);
    expect(readFileSync(other).length).toBe(readFileSync(file).length);
    expect(compile(other, cache)).toEqual({ answer: 42, state: 'none', saved: null });
  });

  it('still runs the script when V8 refuses a damaged cache', () => {
    const file = script('damaged.js', 7);
    compile(file, undefined, cache);
    const bytes = readFileSync(cache);
    bytes.fill(0xab, 4);
    writeFileSync(cache, bytes);
    expect(compile(file, cache)).toEqual({ answer: 7, state: 'rejected', saved: null });
  });
});
