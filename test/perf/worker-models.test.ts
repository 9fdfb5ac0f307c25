import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeTree } from '../../bench/generate.mjs';
import type { lintFiles as LintFiles } from '../../src/api/lint.js';
import type { attachedModel as AttachedModel } from '../../src/model/linted-models.js';
import { repoRoot } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Files linted in worker threads come back with the schema model their lint pass built, as
 * files linted on the main thread do, so parity never parses them again. Workers run compiled
 * code only, so this uses the build (`npm test` builds first).
 */
const root = tempDir('worker-models');

async function built<T>(relative: string): Promise<T> {
  return (await import(pathToFileURL(path.join(repoRoot, 'dist', relative)).href)) as T;
}

describe('results from worker threads', () => {
  it('carry the lint pass model of every file', async () => {
    const { lintFiles } = await built<{ lintFiles: typeof LintFiles }>('src/api/lint.js');
    const { attachedModel } = await built<{ attachedModel: typeof AttachedModel }>('src/model/linted-models.js');
    writeTree(root, 12, 4);
    const results = await lintFiles(['.'], { cwd: root, concurrency: 3 });
    expect(results).toHaveLength(12);
    for (const result of results) {
      const linted = attachedModel(result);
      expect(linted?.complete, result.filePath).toBe(true);
      expect(linted?.model.dialect, result.filePath).toBe(result.dialect);
      expect(linted?.model.objects.length, result.filePath).toBeGreaterThan(0);
    }
  }, 120_000);
});
