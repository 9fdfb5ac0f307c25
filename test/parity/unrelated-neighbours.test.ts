import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkParity } from '../../src/parity/check-parity.js';

describe('parity reads only what concerns the linted files', () => {
  it('a pair in the same folder of which no file is linted is never read', () => {
    const folder = path.resolve('/work/unrelated');
    const read: string[] = [];
    checkParity(
      [{ filePath: path.join(folder, 'update.sql'), dialect: 'tsql', text: 'ALTER TABLE t ADD c INT;\n' }],
      { config: {}, baseDir: folder },
      {
        listFolder: () => ['update.sql', 'other.sql', 'other.sqlite.sql'],
        readFile: (file) => {
          read.push(path.basename(file));
          return 'CREATE TABLE t (a INT);\n';
        },
      },
    );
    expect(read).toEqual([]);
  });

  it("a linted file's partner on disk is still read", () => {
    const folder = path.resolve('/work/partner');
    const read: string[] = [];
    checkParity(
      [{ filePath: path.join(folder, 'schema.sql'), dialect: 'tsql', text: 'CREATE TABLE t (a INT);\n' }],
      { config: {}, baseDir: folder },
      {
        listFolder: () => ['schema.sql', 'schema.sqlite.sql'],
        readFile: (file) => {
          read.push(path.basename(file));
          return 'CREATE TABLE t (a INTEGER);\n';
        },
      },
    );
    expect(read).toContain('schema.sqlite.sql');
  });
});
