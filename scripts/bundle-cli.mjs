// Second step of `npm run build`: bundles the compiled CLI (dist/src/cli/main.js) and the lint
// worker (dist/src/api/worker.js) into dist/bundle/, one file each instead of ~160 modules.
// Node spends much of a small run resolving, loading and compiling modules, so this is what
// makes a pre-commit run of one file start fast (see docs/performance.md):
//
// - dist/bundle/cli.cjs: the CLI as one CommonJS file. Each extra file costs a resolve, a read
//   and a link, and only a classic script can be given V8's code cache on Node 20 (ES modules
//   cannot, before module.enableCompileCache in Node 22).
// - dist/bundle/cli.cjs.cache: V8's code cache for it, written after a training run over the
//   project's own corpus fixtures, so it holds the bytecode of every function such a run
//   compiles. src/cli/bundle-loader.cts uses it; V8 ignores it safely under another Node.
// - dist/bundle/worker.js: the lint worker, which parallel.ts starts from beside the CLI.
// - dist/bundle/config-validator.cjs: the config file's JSON Schema validator as code (Ajv's
//   standalone output), so a run with a config file neither loads Ajv nor compiles the schema
//   (~90 ms); src/config/config-validator.ts uses it while the schema is unchanged.
//
// Packages in node_modules stay external: they load their own assets (sql.js its .wasm)
// relative to themselves, and most load only when needed. bin/schema-lint.js uses the bundle
// only while it is newer than dist/src/cli/main.js, so a plain `tsc` build is never shadowed.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'dist', 'bundle');
// Built beside the target and swapped in by rename, so a CLI starting meanwhile never sees half a bundle.
const staging = `${target}-${process.pid}`;

const BUNDLED_PACKAGES = new Set(['@babel/code-frame', '@babel/helper-validator-identifier', 'js-tokens', 'picocolors']);

const common = {
  // Bare specifiers (node:fs, glob, sql.js, ...) are left to Node; only our own files are bundled,
  // and @babel/code-frame with its dependencies: stylish prints frames in most runs, and inside
  // the bundle it rides the V8 code cache instead of four packages loaded through require.
  external: (id) => !id.startsWith('.') && !path.isAbsolute(id) && !BUNDLED_PACKAGES.has(id),
  platform: 'node',
  logLevel: 'warn',
};

await build({
  ...common,
  input: { cli: path.join(root, 'dist', 'src', 'cli', 'main.js') },
  output: {
    dir: staging,
    format: 'cjs',
    entryFileNames: '[name].cjs',
    sourcemap: false,
    // One file: formatters, commands and the parity checks become lazily initialised parts of it.
    codeSplitting: false,
    // Packages are required, not imported: the code runs as a classic script (see above), where
    // import() would need the ES module loader. glob, minimatch and ignore all ship CommonJS.
    dynamicImportInCjs: false,
    // The sources are ES modules, which are strict; the bundle must stay strict too.
    strict: true,
    // Pure ASCII (non-ASCII escaped, comments left to dist/src): the loader then reads it as a
    // one-byte string, which measured ~10 ms faster to load than the two-byte string UTF-8 text gives.
    charset: 'ascii',
    comments: false,
  },
});
await build({
  ...common,
  input: { worker: path.join(root, 'dist', 'src', 'api', 'worker.js') },
  output: { dir: staging, format: 'esm', sourcemap: false, codeSplitting: false },
});

const compiledModule = (...parts) => import(pathToFileURL(path.join(root, 'dist', 'src', ...parts)).href);
const { PRECOMPILED_VALIDATOR_FILE, precompiledValidatorSource } = await compiledModule('config', 'config-validator.js');
const schemaText = readFileSync(path.join(root, 'schema', 'config.schema.json'), 'utf8');
writeFileSync(path.join(staging, PRECOMPILED_VALIDATOR_FILE), precompiledValidatorSource(schemaText));

const cli = path.join(staging, 'cli.cjs');
if (/\bimport\(/.test(readFileSync(cli, 'utf8'))) {
  throw new Error('dist/bundle/cli.cjs still holds an import(), which a classic script cannot run; bundle or require it instead.');
}
await writeCodeCache(cli, `${cli}.cache`);

const retired = `${target}-old-${process.pid}`;
if (existsSync(target)) renameSync(target, retired);
renameSync(staging, target);
rmSync(retired, { recursive: true, force: true });

/**
 * Lints the corpus fixtures (both dialects, real-world shapes) with the bundle, output
 * discarded, then saves the bytecode V8 compiled on the way: the bundle's, and that of sql.js's
 * script, which the engine compiles apart from the bundle. Written after the bundle, so the
 * loader sees the cache is at least as new as the bundle it belongs to.
 */
async function writeCodeCache(bundleFile, cacheFile) {
  const { loadCommonJsBundle } = await compiledModule('cli', 'bundle-loader.cjs');
  const bundle = loadCommonJsBundle(bundleFile);
  const corpus = path.join(root, 'fixtures', 'corpus');
  const files = ['tsql', 'sqlite'].flatMap((dialect) =>
    readdirSync(path.join(corpus, dialect))
      .filter((name) => name.endsWith('.sql'))
      .sort()
      .map((name) => path.join(corpus, dialect, name)),
  );
  const sink = () => new PassThrough().resume();
  const io = { stdout: sink(), stderr: sink(), stdin: sink(), cwd: corpus, env: {}, stdoutIsTTY: false };
  const code = await bundle.exports.main(files, io);
  if (code !== 0 && code !== 1) throw new Error(`the code-cache training run of dist/bundle/cli.cjs failed (exit ${code})`);
  bundle.saveCodeCache(cacheFile);
  // sql.js's script, compiled by the SQLite files of the corpus, beside the bundle where the engine looks for it.
  const { SQLJS_CODE_CACHE_FILE } = await compiledModule('sqlite', 'sqljs-code-cache.js');
  if (!bundle.exports.saveSqlJsCodeCache(path.join(path.dirname(bundleFile), SQLJS_CODE_CACHE_FILE))) {
    throw new Error('the code-cache training run of dist/bundle/cli.cjs loaded no SQLite engine');
  }
}
