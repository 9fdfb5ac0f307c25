import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findInstalledPackage } from '../../src/files/installed-package.js';

const root = mkdtempSync(path.join(tmpdir(), 'schema-lint-installed-package-'));
// A name no folder above the temporary one can hold.
const name = `schema-lint-probe-${process.pid}`;

function install(...segments: string[]): string {
  const folder = path.join(root, ...segments, 'node_modules', name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'package.json'), '{}');
  return folder;
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findInstalledPackage', () => {
  it('finds the package in the nearest node_modules folder above, as Node does', () => {
    const top = install();
    const nearer = install('app');
    mkdirSync(path.join(root, 'app', 'src', 'deep'), { recursive: true });
    mkdirSync(path.join(root, 'other'), { recursive: true });
    expect(findInstalledPackage(name, path.join(root, 'app', 'src', 'deep'))).toBe(nearer);
    expect(findInstalledPackage(name, path.join(root, 'app'))).toBe(nearer);
    expect(findInstalledPackage(name, path.join(root, 'other'))).toBe(top);
  });

  it('skips a folder of that name without a package.json', () => {
    const top = install();
    mkdirSync(path.join(root, 'empty', 'node_modules', name), { recursive: true });
    expect(findInstalledPackage(name, path.join(root, 'empty'))).toBe(top);
  });

  it('finds a package hoisted beside the one looking, and never looks in node_modules/node_modules', () => {
    const hoisted = install('project');
    // Node's lookup never reaches this one from inside a package; a walk that does would take it first.
    install('project', 'node_modules');
    const inside = path.join(root, 'project', 'node_modules', 'schema-lint', 'dist', 'bundle');
    mkdirSync(inside, { recursive: true });
    expect(findInstalledPackage(name, inside)).toBe(hoisted);
  });

  it('gives undefined when no folder above holds the package', () => {
    expect(findInstalledPackage(`${name}-missing`, root)).toBeUndefined();
  });

  it('agrees with require.resolve on sql.js from this project', () => {
    const require = createRequire(import.meta.url);
    const fromResolve = path.dirname(path.dirname(require.resolve('sql.js')));
    const found = findInstalledPackage('sql.js', path.dirname(fileURLToPath(import.meta.url)));
    // Node goes on to follow symbolic links (a linked node_modules, pnpm); the same files either way.
    expect(found && realpathSync(found)).toBe(fromResolve);
  });
});
