import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's root folder, found by walking up from this module: the same code
 * runs from `src/` under vitest and from `dist/src/` when built, at different depths.
 */
let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'schema'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('schema-lint: cannot find its own package folder.');
    dir = parent;
  }
  root = dir;
  return dir;
}

interface PackageJson {
  version: string;
  homepage: string;
}

let manifest: PackageJson | undefined;

function packageJson(): PackageJson {
  manifest ??= JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as PackageJson;
  return manifest;
}

export function packageVersion(): string {
  return packageJson().version;
}

/** The project's home page, from package.json: the one place to change where docs links point. */
export function packageHomepage(): string {
  return packageJson().homepage;
}
