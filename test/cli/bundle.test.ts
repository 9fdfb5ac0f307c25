import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, repoRoot } from '../support/cli.js';

/**
 * The built CLI as `npm run build` leaves it: bin/schema-lint.js runs dist/bundle/cli.cjs with
 * its V8 code cache, and workers still start from there. Watched through a preloaded script that
 * reports which bundle files are read and which workers start, so nothing is timed.
 */
let dir: string;
let watcher: string;

const WATCHER = `
const fs = require('node:fs');
const path = require('node:path');
const report = (line) => fs.writeSync(2, 'watch: ' + line + '\\n');
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (typeof file === 'string' && file.includes(path.join('dist', 'bundle'))) report('read ' + path.basename(file));
  return readFileSync.call(this, file, ...rest);
};
const threads = require('node:worker_threads');
const Worker = threads.Worker;
threads.Worker = class extends Worker {
  constructor(script, options) {
    report('worker ' + path.basename(String(script)));
    super(script, options);
  }
};
`;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'schema-lint-bundle-'));
  watcher = path.join(dir, 'watch.cjs');
  writeFileSync(watcher, WATCHER);
  writeFileSync(path.join(dir, 'a_mssql.sql'), 'CREATE TABLE dbo.a (id INT NOT NULL PRIMARY KEY, name NVARCHAR(50) NULL);\nGO\n');
  writeFileSync(path.join(dir, 'b.sqlite.sql'), 'CREATE TABLE b (id INTEGER PRIMARY KEY, name TEXT);\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]) {
  return spawnSync(process.execPath, ['-r', watcher, binPath, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
}

const watched = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('watch: '));

describe('the bundled CLI', () => {
  it('runs dist/bundle/cli.cjs with its code cache, which this Node accepts', () => {
    const result = run(['a_mssql.sql']);
    expect(watched(result.stderr)).toEqual(['watch: read cli.cjs', 'watch: read cli.cjs.cache']);
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        `const { loadCommonJsBundle } = require(${JSON.stringify(path.join(repoRoot, 'dist', 'src', 'cli', 'bundle-loader.cjs'))});
         const bundle = ${JSON.stringify(path.join(repoRoot, 'dist', 'bundle', 'cli.cjs'))};
         process.stdout.write(String(loadCommonJsBundle(bundle, bundle + '.cache').cacheRejected));`,
      ],
      { encoding: 'utf8' },
    );
    expect(probe.stdout).toBe('false');
  });

  it('runs sql.js with the code cache the build left beside the bundle, which this Node accepts', () => {
    const result = run(['b.sqlite.sql']);
    expect(watched(result.stderr)).toEqual(['watch: read cli.cjs', 'watch: read cli.cjs.cache', 'watch: read sql-wasm.cache']);
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        `const { loadCommonJsBundle } = require(${JSON.stringify(path.join(repoRoot, 'dist', 'src', 'cli', 'bundle-loader.cjs'))});
         const { PassThrough } = require('node:stream');
         const bundle = ${JSON.stringify(path.join(repoRoot, 'dist', 'bundle', 'cli.cjs'))};
         const { main, sqlJsCacheState } = loadCommonJsBundle(bundle, bundle + '.cache').exports;
         const sink = () => new PassThrough().resume();
         const io = { stdout: sink(), stderr: sink(), stdin: sink(), cwd: ${JSON.stringify(dir)}, env: {}, stdoutIsTTY: false };
         main(['b.sqlite.sql'], io).then(() => process.stdout.write(sqlJsCacheState()));`,
      ],
      { encoding: 'utf8' },
    );
    expect(probe.stderr).toBe('');
    expect(probe.stdout).toBe('accepted');
  });

  it.each([['stylish'], ['json']])('prints with --format %s what the compiled modules print (its ✖ and → were escaped in the bundle)', (format) => {
    const args = ['--format', format, 'a_mssql.sql', 'b.sqlite.sql'];
    const bundled = run(args);
    const compiled = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { main } = await import(${JSON.stringify(path.join(repoRoot, 'dist', 'src', 'cli', 'main.js'))});
         process.exitCode = await main(${JSON.stringify(args)});`,
      ],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } },
    );
    expect(compiled.stderr).toBe('');
    expect(bundled.status).toBe(compiled.status);
    expect(bundled.stdout).toBe(compiled.stdout);
    if (format === 'stylish') expect(bundled.stdout).toContain('✖');
  });

  it('starts lint workers from beside the bundle when asked to', () => {
    const result = run(['--concurrency', '2', 'a_mssql.sql', 'b.sqlite.sql']);
    expect(watched(result.stderr)).toContain('watch: worker worker.js');
    expect(result.stderr.replace(/^watch: .*\n/gm, '')).toBe('');
    expect(result.status).toBe(run(['--concurrency', 'off', 'a_mssql.sql', 'b.sqlite.sql']).status);
  });
});
