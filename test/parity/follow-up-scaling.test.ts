import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkParity, type ParityFile } from '../../src/parity/check-parity.js';
import type * as Splitter from '../../src/sql/splitter.js';
import { tempDir } from '../support/temp-dir.js';

// Counts how often each file's text is split into statements, by any part of the parity run.
const splits = vi.hoisted(() => new Map<string, number>());
vi.mock('../../src/sql/splitter.js', async (importOriginal) => {
  const original = await importOriginal<typeof Splitter>();
  return {
    ...original,
    splitStatements: (text: string, ...rest: Parameters<typeof original.splitStatements> extends [string, ...infer R] ? R : never) => {
      splits.set(text, (splits.get(text) ?? 0) + 1);
      return original.splitStatements(text, ...rest);
    },
  };
});

const dir = tempDir('follow-ups');

/** Writes a file into the test folder and describes it as the CLI would hand it to parity. */
function write(name: string, text: string): ParityFile {
  const filePath = path.join(dir, name);
  writeFileSync(filePath, text);
  return { filePath, dialect: name.endsWith('.sqlite.sql') ? 'sqlite' : 'tsql', text };
}

/** A migrations-style folder: a base pair and `count` update pairs that each add a column, in both dialects. */
function migrationsFolder(count: number, sqliteLacks?: number): ParityFile[] {
  const files: ParityFile[] = [];
  const add = (name: string, text: string) => files.push(write(name, text));
  add('schema.sql', 'CREATE TABLE t (id INT NOT NULL PRIMARY KEY);\n');
  add('schema.sqlite.sql', 'CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY);\n');
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(3, '0');
    add(`update_${n}.sql`, `ALTER TABLE t ADD c${n} INT NULL;\n`);
    add(`update_${n}.sqlite.sql`, i === sqliteLacks ? '-- not yet\n' : `ALTER TABLE t ADD COLUMN c${n} INTEGER NULL;\n`);
  }
  return files;
}

describe('checkParity: follow-up scripts in a folder of many', () => {
  it('splits each file a bounded number of times, however many pairs share its folder', () => {
    // A folder of independent pairs (one per module): each pair asks every other pair whether
    // it alters its tables. That question used to split the other pair's files again each
    // time, so 60 pairs split each file ~60 times.
    const files: ParityFile[] = [];
    for (let i = 1; i <= 60; i++) {
      const n = String(i).padStart(3, '0');
      files.push(write(`module_${n}.sql`, `CREATE TABLE m${n} (id INT NOT NULL PRIMARY KEY);\n`));
      files.push(write(`module_${n}.sqlite.sql`, `CREATE TABLE m${n} (id INTEGER NOT NULL PRIMARY KEY);\n`));
    }
    splits.clear();
    expect([...checkParity(files, { config: {}, baseDir: dir }).values()].flat()).toEqual([]);
    expect(Math.max(...files.map((file) => splits.get(file.text) ?? 0))).toBeLessThanOrEqual(3);
  });

  it('still folds the update pairs into the base pair, in name order, and compares the result', () => {
    const found = checkParity(migrationsFolder(12, 7), { config: {}, baseDir: dir });
    const lines = [...found].flatMap(([filePath, diagnostics]) =>
      diagnostics.map((d) => `${path.basename(filePath)}:${d.line} ${d.ruleId} ${d.message}`),
    );
    expect(lines).toEqual([
      'schema.sqlite.sql:1 parity/missing-column column t.c007 is defined in update_007.sql:1 but not here.',
    ]);
  });
});
