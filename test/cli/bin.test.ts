import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

/**
 * bin/schema-lint.js chooses between the bundle and the compiled modules by age, so a plain
 * `tsc` rebuild is never shadowed by an older bundle. Checked on a copy of the bin beside two
 * stand-in CLIs that say which one ran.
 */
let root: string;
let bundle: string;
let compiled: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'schema-lint-bin-'));
  for (const dir of ['bin', 'dist/bundle', 'dist/src/cli']) mkdirSync(path.join(root, dir), { recursive: true });
  for (const file of ['bin/schema-lint.js', 'bin/package.json', 'dist/src/cli/bundle-loader.cjs', 'package.json']) {
    copyFileSync(path.join(repoRoot, file), path.join(root, file));
  }
  bundle = path.join(root, 'dist', 'bundle', 'cli.cjs');
  compiled = path.join(root, 'dist', 'src', 'cli', 'main.js');
  writeFileSync(bundle, `exports.main = async (argv) => { process.stdout.write('bundle ' + argv.join(' ')); return 3; };\n`);
  writeFileSync(compiled, `export async function main(argv) { process.stdout.write('compiled ' + argv.join(' ')); return 4; }\n`);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function age(file: string, secondsAgo: number): void {
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, when, when);
}

function runBin() {
  return spawnSync(process.execPath, [path.join(root, 'bin', 'schema-lint.js'), 'a.sql', '--quiet'], { encoding: 'utf8' });
}

describe('bin/schema-lint.js', () => {
  it('runs the bundle while it is at least as new as the compiled modules, with their arguments and exit code', () => {
    age(compiled, 60);
    const run = runBin();
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('bundle a.sql --quiet');
    expect(run.status).toBe(3);
  });

  it('runs the compiled modules when they are newer than the bundle (a plain tsc build since)', () => {
    age(bundle, 60);
    const run = runBin();
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('compiled a.sql --quiet');
    expect(run.status).toBe(4);
  });

  it('runs the compiled modules when there is no bundle', () => {
    rmSync(bundle);
    expect(runBin().stdout).toBe('compiled a.sql --quiet');
  });
});
