import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');

/**
 * Compares output with `test/formatters/golden/<name>` byte for byte. `UPDATE_GOLDEN=1`
 * rewrites the file instead (review the diff before committing it); without it a missing
 * golden file fails the test.
 */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual, 'utf8');
    return;
  }
  expect(existsSync(file), `golden file ${name} is missing (run with UPDATE_GOLDEN=1 to create it)`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
