import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import type * as Schema from '../../src/model/schema.js';
import { checkParity, type ParityFile } from '../../src/parity/check-parity.js';
import { compareSchemas } from '../../src/parity/compare.js';
import type * as WrittenTables from '../../src/parity/written-tables.js';
import { tempDir } from '../support/temp-dir.js';

// Counts the name comparisons and lookups parity makes, and how often it reads a file's CREATE
// TABLE names: a search per table (or per column) through all of them grows with the square of their count.
const counts = vi.hoisted(() => ({ comparisons: 0, reads: new Map<string, number>() }));
vi.mock('../../src/model/schema.js', async (importOriginal) => {
  const { countingModule } = await import('../support/counting-module.js');
  // isPlainName: each lookup by name (NameLists) asks it first, found or not.
  return countingModule(await importOriginal<typeof Schema>(), ['sameName', 'sameQualifiedName', 'isPlainName'], () => counts.comparisons++);
});
vi.mock('../../src/parity/written-tables.js', async (importOriginal) => {
  const original = await importOriginal<typeof WrittenTables>();
  return {
    ...original,
    writtenTableNames: (code: string) => {
      counts.reads.set(code, (counts.reads.get(code) ?? 0) + 1);
      return original.writtenTableNames(code);
    },
  };
});

const dir = tempDir('parity-scaling');

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

/** Name comparisons and lookups per table (or column) when parity compares the two texts as a pair. */
function comparisonsPer(count: number, tsql: string, sqlite: string): number {
  const tsqlSide = { dialect: 'tsql' as const, model: buildTsqlModel(tsql, 'schema.sql'), baseFile: 'schema.sql' };
  const sqliteSide = { dialect: 'sqlite' as const, model: buildSqliteModel(sqlite, 'schema.sqlite.sql'), baseFile: 'schema.sqlite.sql' };
  counts.comparisons = 0;
  compareSchemas(tsqlSide, sqliteSide);
  return counts.comparisons / count;
}

/** A pair whose T-SQL side has `count` tables and whose SQLite side has one other table. */
function mostlyMissing(count: number): number {
  const tsql = range(count)
    .map((i) => `CREATE TABLE t${i} (id INT NOT NULL PRIMARY KEY);`)
    .join('\n');
  return comparisonsPer(count, tsql, 'CREATE TABLE other (id INTEGER PRIMARY KEY);');
}

/** A pair of one table with `count` columns a side. */
function wideTable(count: number): number {
  const columns = (type: string) => range(count).map((i) => `c${i} ${type}`);
  return comparisonsPer(
    count,
    `CREATE TABLE t (id INT NOT NULL PRIMARY KEY, ${columns('INT NULL').join(', ')});`,
    `CREATE TABLE t (id INTEGER PRIMARY KEY, ${columns('INTEGER').join(', ')});`,
  );
}

/**
 * A pair of one table with `count` columns and, on each side, one constraint per column: written
 * in the table by `inTable`, or after it by `after` (an index).
 */
function constrainedTable(count: number, inTable: (column: string) => string | undefined, after?: (column: string) => string): number {
  const columns = range(count).map((i) => `c${i}`);
  const table = (type: string) =>
    [...columns.map((column) => `${column} ${type}`), ...columns.flatMap((column) => inTable(column) ?? [])].join(', ');
  const statements = after ? columns.map(after).join('\n') : '';
  return comparisonsPer(
    count,
    `CREATE TABLE p (id INT NOT NULL PRIMARY KEY);\nCREATE TABLE t (id INT NOT NULL PRIMARY KEY, ${table('INT NULL')});\n${statements}`,
    `CREATE TABLE p (id INTEGER PRIMARY KEY);\nCREATE TABLE t (id INTEGER PRIMARY KEY, ${table('INTEGER')});\n${statements}`,
  );
}

/** A pair of one table whose `count` nullable columns are all in its primary key, on both sides. */
function wideKey(count: number): number {
  const columns = range(count).map((i) => `c${i}`);
  const key = `CONSTRAINT pk PRIMARY KEY (${columns.join(', ')})`;
  return comparisonsPer(
    count,
    `CREATE TABLE t (${columns.map((column) => `${column} INT NULL`).join(', ')}, ${key});`,
    `CREATE TABLE t (${columns.map((column) => `${column} INTEGER`).join(', ')}, ${key});`,
  );
}

describe('parity scales linearly with tables and columns', () => {
  it('compares a primary key of many columns: as many comparisons per key column for 800 as for 100', () => {
    const small = wideKey(100);
    const large = wideKey(800);
    // Comparing the two keys name by name, and scanning the key for each nullable column, made 800 cost ~8 times as much each as 100.
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(30);
  });

  it('places tables one side lacks without a search per table: as many comparisons per table for 800 as for 100', () => {
    const small = mostlyMissing(100);
    const large = mostlyMissing(800);
    // Looking outwards from each missing table for the nearest one both sides have made ~400 times as many per table.
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(10);
  });

  it('pairs the columns of wide tables by name: as many comparisons per column for 800 as for 100', () => {
    const small = wideTable(100);
    const large = wideTable(800);
    // A scan per column made 800 columns cost ~8 times as much per column as 100.
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(20);
  });

  it.each([
    ['CHECK', (column: string) => `CHECK (${column} > 0)`, undefined],
    ['UNIQUE', (column: string) => `UNIQUE (${column})`, undefined],
    ['FOREIGN KEY', (column: string) => `FOREIGN KEY (${column}) REFERENCES p (id)`, undefined],
    ['index', () => undefined, (column: string) => `CREATE INDEX ix_${column} ON t (${column});`],
  ])('pairs a table\'s %s constraints by their columns: as many comparisons per constraint for 800 as for 100', (_kind, inTable, after) => {
    const small = constrainedTable(100, inTable, after);
    const large = constrainedTable(800, inTable, after);
    // A scan of the other side's constraints per constraint made 800 cost 6–7 times as much each as 100 (815 against 127 for CHECKs).
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(50);
  });

  it('adopts follow-ups in a folder of many module pairs that each ALTER their table: as many comparisons per pair for 800 as for 100', () => {
    const perPair = (count: number): number => {
      const folder = mkdtempSync(path.join(dir, 'modules-'));
      const files: ParityFile[] = range(count).flatMap((i) => {
        const tsql = `CREATE TABLE m${i} (id INT NOT NULL PRIMARY KEY);\nALTER TABLE m${i} ADD note INT NULL;\n`;
        const sqlite = `CREATE TABLE m${i} (id INTEGER NOT NULL PRIMARY KEY);\nALTER TABLE m${i} ADD COLUMN note INTEGER;\n`;
        return [
          { filePath: path.join(folder, `m${i}.sql`), dialect: 'tsql' as const, text: tsql },
          { filePath: path.join(folder, `m${i}.sqlite.sql`), dialect: 'sqlite' as const, text: sqlite },
        ];
      });
      for (const file of files) writeFileSync(file.filePath, file.text);
      counts.comparisons = 0;
      expect([...checkParity(files, { config: {}, baseDir: folder }).values()].flat()).toEqual([]);
      return counts.comparisons / count;
    };
    const small = perPair(100);
    const large = perPair(800);
    // Each pair asked every ALTER-bearing file and update pair of the folder whether it alters the pair's tables.
    expect(large).toBeLessThanOrEqual(small * 1.1);
  });

  it('asks nothing of the follow-ups an earlier pair adopted: as many comparisons per pair for 800 as for 100', () => {
    // Module pairs in one folder that each define `settings`, and a script per module that ALTERs it.
    const perPair = (count: number): number => {
      const folder = mkdtempSync(path.join(dir, 'shared-alter-'));
      const files: ParityFile[] = range(count).flatMap((i) => [
        { filePath: path.join(folder, `m${i}.sql`), dialect: 'tsql' as const, text: `CREATE TABLE settings (id INT NOT NULL PRIMARY KEY);\n` },
        { filePath: path.join(folder, `m${i}.sqlite.sql`), dialect: 'sqlite' as const, text: `CREATE TABLE settings (id INTEGER NOT NULL PRIMARY KEY);\n` },
        { filePath: path.join(folder, `upd${i}.sql`), dialect: 'tsql' as const, text: `ALTER TABLE settings ADD c${i} INT NULL;\n` },
      ]);
      for (const file of files) writeFileSync(file.filePath, file.text);
      counts.comparisons = 0;
      const found = checkParity(files, { config: {}, baseDir: folder });
      // The first pair adopts every script: its SQLite side lacks each column they add.
      expect([...found.keys()].map((filePath) => path.basename(filePath))).toEqual(['m0.sqlite.sql']);
      expect(found.get(path.join(folder, 'm0.sqlite.sql'))?.map((d) => d.ruleId)).toEqual(range(count).map(() => 'parity/missing-column'));
      return counts.comparisons / count;
    };
    const small = perPair(100);
    const large = perPair(800);
    // Every pair asked findTable about every script altering `settings`, the ones adopted by the first pair included.
    expect(large).toBeLessThanOrEqual(small * 1.1);
  });

  it('asks whether a side writes each table it lacks once, not once per follow-up script: as many comparisons per table for 800 as for 100', () => {
    // The T-SQL base has the tables, the SQLite base none; an update pair per table alters it on both sides.
    const perMissingTable = (count: number): number => {
      const folder = mkdtempSync(path.join(dir, 'updates-'));
      const files: ParityFile[] = [
        { filePath: path.join(folder, 'schema.sql'), dialect: 'tsql', text: range(count).map((i) => `CREATE TABLE t${i} (id INT NOT NULL PRIMARY KEY);`).join('\n') },
        { filePath: path.join(folder, 'schema.sqlite.sql'), dialect: 'sqlite', text: 'CREATE TABLE other (id INTEGER PRIMARY KEY);\n' },
        ...range(count).flatMap((i) => [
          { filePath: path.join(folder, `update_${i}.sql`), dialect: 'tsql' as const, text: `ALTER TABLE t${i} ADD c INT NULL;\n` },
          { filePath: path.join(folder, `update_${i}.sqlite.sql`), dialect: 'sqlite' as const, text: `ALTER TABLE t${i} ADD COLUMN c INTEGER;\n` },
        ]),
      ];
      for (const file of files) writeFileSync(file.filePath, file.text);
      counts.comparisons = 0;
      const missing = [...checkParity(files, { config: {}, baseDir: folder }).values()].flat().filter((d) => d.ruleId === 'parity/missing-table');
      expect(missing.length).toBeGreaterThanOrEqual(count);
      return counts.comparisons / count;
    };
    const small = perMissingTable(100);
    const large = perMissingTable(800);
    // Each missing table asked every file of the side (the base and each folded update script) whether it writes the table.
    expect(large).toBeLessThanOrEqual(small * 1.1);
  });

  it('reads the CREATE TABLE names of each file once, however many tables it lacks', () => {
    // No table name in common: every table is missing from the other side, and parity asks of
    // each whether the side writes it in a statement its reader could not read.
    const tsql = range(300)
      .map((i) => `CREATE TABLE t${i} (id INT NOT NULL PRIMARY KEY);`)
      .join('\n');
    const sqlite = range(300)
      .map((i) => `CREATE TABLE s${i} (id INTEGER PRIMARY KEY);`)
      .join('\n');
    const files: ParityFile[] = [
      { filePath: path.join(dir, 'schema.sql'), dialect: 'tsql', text: tsql },
      { filePath: path.join(dir, 'schema.sqlite.sql'), dialect: 'sqlite', text: sqlite },
    ];
    for (const file of files) writeFileSync(file.filePath, file.text);
    counts.reads.clear();
    const findings = checkParity(files, { config: {}, baseDir: dir });
    expect([...findings.values()].flat().filter((finding) => finding.ruleId === 'parity/missing-table')).toHaveLength(600);
    expect([...counts.reads.values()]).toEqual([1, 1]);
  });
});
