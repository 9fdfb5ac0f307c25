import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { NameLists } from '../../src/model/name-lists.js';
import type * as Schema from '../../src/model/schema.js';
import { AllowList } from '../../src/parity/allow-list.js';
import { checkParity, type ParityFile } from '../../src/parity/check-parity.js';
import { tempDir } from '../support/temp-dir.js';

// Counts the findings checkParity looks at (each is asked whether parityAllow allows it), and
// the name comparisons and lookups of the whole run.
const counts = vi.hoisted(() => ({ comparisons: 0 }));
vi.mock('../../src/model/schema.js', async (importOriginal) => {
  const { countingModule } = await import('../support/counting-module.js');
  return countingModule(await importOriginal<typeof Schema>(), ['sameName', 'sameQualifiedName', 'isPlainName'], () => counts.comparisons++);
});

const dir = tempDir('shared-partner');

describe('checkParity: one SQLite file configured as the partner of many T-SQL files', () => {
  it('indexes the shared file once, walks it only for what a pair has, and makes no finding of a rule that is off: as much work per pair for 800 as for 100', () => {
    // `count` one-table T-SQL files, each paired with one SQLite file of all `count` tables:
    // each T-SQL file lacks the other tables, which parity/missing-table (off) would report.
    const workPerPair = (count: number): { indexed: number; findings: number; comparisons: number } => {
      const folder = path.join(dir, `n${count}`);
      const files: ParityFile[] = Array.from({ length: count }, (_, i) => ({
        filePath: path.join(folder, `v${i}.sql`),
        dialect: 'tsql' as const,
        text: `CREATE TABLE t${i} (id INT NOT NULL PRIMARY KEY);\n`,
      }));
      files.push({
        filePath: path.join(folder, 'shared.sqlite.sql'),
        dialect: 'sqlite',
        text: files.map((_, i) => `CREATE TABLE t${i} (id INTEGER NOT NULL PRIMARY KEY);\n`).join(''),
      });
      const config = {
        rules: { 'parity/missing-table': 'off' as const },
        pairs: files.slice(0, count).map((_, i) => ({ tsql: `v${i}.sql`, sqlite: 'shared.sqlite.sql' })),
      };
      const listFolder = () => files.map((file) => path.basename(file.filePath));
      counts.comparisons = 0;
      const add = vi.spyOn(NameLists.prototype, 'add');
      const allows = vi.spyOn(AllowList.prototype, 'allows');
      try {
        expect([...checkParity(files, { config, baseDir: folder }, { listFolder }).values()].flat()).toEqual([]);
        return { indexed: add.mock.calls.length / count, findings: allows.mock.calls.length / count, comparisons: counts.comparisons / count };
      } finally {
        add.mockRestore();
        allows.mockRestore();
      }
    };
    const small = workPerPair(100);
    const large = workPerPair(800);
    // The shared file's tables were indexed again for each pair (both directions), and each pair
    // made a missing-table finding per table its T-SQL file lacks, kept to the end and dropped there.
    expect(large.indexed).toBeLessThanOrEqual(small.indexed * 1.1);
    expect(large.findings).toBeLessThanOrEqual(small.findings * 1.1);
    expect(large.findings).toBeLessThan(1);
    // And each pair looked up each of the shared file's tables in its own one, to learn which it lacks.
    expect(large.comparisons).toBeLessThanOrEqual(small.comparisons * 1.1);
  });
});
