import { createRequire } from 'node:module';
import type { MinimatchOptions } from 'minimatch';

type Minimatch = (path: string, pattern: string, options?: MinimatchOptions) => boolean;
let minimatch: Minimatch | undefined;

/**
 * minimatch, loaded on first use: only config `overrides` need it, and a run without them
 * (most pre-commit runs) should not pay for loading its ten modules at startup.
 * `require` keeps the call synchronous for the synchronous code that matches.
 */
export function matchGlob(path: string, pattern: string, options?: MinimatchOptions): boolean {
  minimatch ??= (createRequire(import.meta.url)('minimatch') as { minimatch: Minimatch }).minimatch;
  return minimatch(path, pattern, options);
}
