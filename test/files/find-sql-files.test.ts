import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { glob } from 'glob';
import { afterAll, describe, expect, it } from 'vitest';
import { findSqlFiles } from '../../src/files/find-sql-files.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'schema-lint-find-sql-'));
afterAll(() => {
  chmodSync(path.join(root, 'locked'), 0o755);
  rmSync(root, { recursive: true, force: true });
});

/** What the folder search used to ask glob for, and what findSqlFiles promises to find. */
async function globbed(folder: string): Promise<string[]> {
  const matches = await glob('**/*.sql', {
    cwd: folder,
    absolute: true,
    nodir: true,
    follow: false,
    nocase: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  return matches.map((match) => path.normalize(match)).sort();
}

function file(relative: string): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), 'SELECT 1;\n');
}

describe('findSqlFiles', () => {
  file('schema.sql');
  file('a/Upper.SQL');
  file('a/b/c/d/e/mixed.Sql');
  file('a/notes.txt');
  file('a/sql');
  file('a/.sql');
  file('.hidden.sql');
  file('.dot-folder/inside.sql');
  file('a/.git/objects/x.sql');
  file('node_modules/pkg/schema.sql');
  file('a/Node_Modules/pkg/schema.sql');
  file('a/node_modules.sql');
  file('folder.sql/inner.sql');
  file('we ird [1] {x}*.sql');
  file('locked/hidden-by-permissions.sql');
  chmodSync(path.join(root, 'locked'), 0o000);
  if (process.platform !== 'win32') {
    symlinkSync(path.join(root, 'schema.sql'), path.join(root, 'a/link.sql'));
    symlinkSync(path.join(root, 'a/b'), path.join(root, 'linked-folder'));
    symlinkSync(path.join(root, 'a/b'), path.join(root, 'linked-folder.sql'));
    symlinkSync(path.join(root, 'missing'), path.join(root, 'broken.sql'));
    execFileSync('mkfifo', [path.join(root, 'a/pipe.sql')]);
    // Characters a POSIX file name may hold and a glob treats specially.
    file('a/back\\slash.sql');
    file('a/new\nline.sql');
    file('a/ú.SQL');
  }

  it('finds what glob finds for the folder search, edge cases included', async () => {
    const expected = await globbed(root);
    expect(findSqlFiles(root).sort()).toEqual(expected);
    // The cases above are really in play: both walks see through none of the skipped places.
    expect(expected).toContain(path.join(root, 'a/b/c/d/e/mixed.Sql'));
    expect(expected.some((match) => /node_modules|\.git|\.hidden|\.dot-folder/i.test(path.relative(root, match).split(path.sep).slice(0, -1).join('/')))).toBe(false);
  });

  it('searches a folder it was given whatever its name, as glob does with its cwd', async () => {
    for (const folder of ['.dot-folder', 'node_modules', 'folder.sql']) {
      expect(findSqlFiles(path.join(root, folder)).sort()).toEqual(await globbed(path.join(root, folder)));
    }
  });

  it('gives nothing for a folder it cannot read or that does not exist', () => {
    expect(findSqlFiles(path.join(root, 'nowhere'))).toEqual([]);
  });
});
