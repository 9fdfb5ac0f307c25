import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Folders made by the running test file. Vitest runs each test file in its own module graph, and
// the setup file that removes them (remove-temp-dirs.ts) runs in the same one, so this list is
// per test file.
const made: string[] = [];

/** A fresh folder under the OS's temporary folder, removed when the test file ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `schema-lint-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made so far; called once each test file has finished. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
