import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder of package `name` as Node's CommonJS lookup finds it from `fromDirectory`: the
 * first `node_modules/<name>` with a package.json, walking up to the root (as found, where Node
 * would go on to follow symbolic links: the same files either way). Undefined when there
 * is none, where the caller falls back to `require.resolve` (global folders, NODE_PATH, Yarn
 * Plug'n'Play).
 *
 * Why not `require.resolve`: for a package with an "exports" field, Node's first such lookup
 * in a process loads its ES module resolver, ~4 ms; the SQLite engine's two lookups cost every
 * SQLite run ~5 ms, a tenth of the engine's start. The caller must only take paths the
 * package's "exports" makes public.
 */
export function findInstalledPackage(name: string, fromDirectory: string): string | undefined {
  for (let directory = path.resolve(fromDirectory); ; directory = path.dirname(directory)) {
    // Node does not look in node_modules/node_modules; neither does this.
    if (path.basename(directory) !== 'node_modules') {
      const candidate = path.join(directory, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    }
    if (path.dirname(directory) === directory) return undefined;
  }
}
