// Second step of `npm run build`: bundles the compiled CLI (dist/src/cli/main.js) and the lint
// worker (dist/src/api/worker.js) into dist/bundle/, a few files instead of ~160 modules.
// Node spends most of a small run resolving and loading modules, so one file starts about a
// third faster (see docs/performance.md). Packages in node_modules stay external: they load
// their own assets (sql.js its .wasm) relative to themselves, and most load only when needed.
//
// bin/schema-lint.js uses the bundle only while it is newer than dist/src/cli/main.js, so a
// later plain `tsc` build is never shadowed by a stale bundle.
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'dist', 'bundle');
// Built beside the target and swapped in by rename, so a CLI starting meanwhile never sees half a bundle.
const staging = `${target}-${process.pid}`;

await build({
  input: {
    cli: path.join(root, 'dist', 'src', 'cli', 'main.js'),
    // The worker must sit beside the code that starts it: parallel.ts opens './worker.js'.
    worker: path.join(root, 'dist', 'src', 'api', 'worker.js'),
  },
  // Bare specifiers (node:fs, glob, sql.js, ...) are left to Node; only our own files are bundled.
  external: (id) => !id.startsWith('.') && !path.isAbsolute(id),
  platform: 'node',
  logLevel: 'warn',
  output: { dir: staging, format: 'esm', sourcemap: false },
});

const retired = `${target}-old-${process.pid}`;
if (existsSync(target)) renameSync(target, retired);
renameSync(staging, target);
rmSync(retired, { recursive: true, force: true });
