import { describe, expect, it, vi } from 'vitest';
import { ConvertReport } from '../../src/convert/convert-diagnostic.js';
import { prepareConvert } from '../../src/convert/convert.js';
import { verifyBlocks } from '../../src/convert/verify-output.js';
import type * as Sandbox from '../../src/sqlite/sandbox-database.js';
import { MAX_OBJECTS_PER_DATABASE } from '../../src/sqlite/validator.js';

// Counts the statements each database of the check runs: SQLite scans its whole schema table for
// every CREATE, so one database for a whole schema makes the check quadratic in its size.
const databases = vi.hoisted(() => [] as number[]);
vi.mock('../../src/sqlite/sandbox-database.js', async (importOriginal) => {
  const original = await importOriginal<typeof Sandbox>();
  class CountingDatabase extends original.SandboxDatabase {
    private readonly slot = databases.push(0) - 1;

    override execute(sql: string): Sandbox.EngineResult {
      databases[this.slot]++;
      return super.execute(sql);
    }
  }
  return { ...original, SandboxDatabase: CountingDatabase };
});

describe('the engine check of SQLite output, on a big schema', () => {
  it(`runs at most ${MAX_OBJECTS_PER_DATABASE} CREATEs in one database`, async () => {
    await prepareConvert();
    const tables = 3 * MAX_OBJECTS_PER_DATABASE;
    const blocks = Array.from({ length: tables }, (_, i) => ({
      lines: [`CREATE TABLE t${i} (x INTEGER);`],
      ref: { file: 'in.sql', line: i + 1, column: 1, offset: i * 40 },
      what: `table t${i}`,
    }));
    databases.length = 0;
    const report = new ConvertReport();
    verifyBlocks(blocks, 'sqlite', report);
    expect(report.diagnostics).toEqual([]);
    expect(databases.reduce((sum, count) => sum + count, 0)).toBe(tables);
    expect(Math.max(...databases)).toBeLessThanOrEqual(MAX_OBJECTS_PER_DATABASE);
    expect(databases.length).toBe(3);
  });
});
