import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyName, findPairs } from '../../src/parity/pairing.js';
import type { Dialect } from '../../src/sql/dialect.js';

const ROOT = path.resolve('/project');

/** A fake disk: folder → file names. */
function disk(files: string[]): (folder: string) => string[] {
  return (folder) => files.filter((file) => path.dirname(path.join(ROOT, file)) === folder).map((file) => path.basename(file));
}

function linted(entries: [string, Dialect][]): Map<string, Dialect> {
  return new Map(entries.map(([file, dialect]) => [path.join(ROOT, file), dialect]));
}

const rel = (file: string) => path.relative(ROOT, file);

describe('classifyName', () => {
  it('reads the stem and the dialect the suffix names', () => {
    expect(classifyName('/x/schema.sqlite.sql')).toMatchObject({ stem: 'schema', dialect: 'sqlite', explicitSuffix: true });
    expect(classifyName('/x/Schema.SQLITE3.sql')).toMatchObject({ stem: 'Schema', dialect: 'sqlite' });
    expect(classifyName('/x/schema_mssql.sql')).toMatchObject({ stem: 'schema', dialect: 'tsql', explicitSuffix: true });
    expect(classifyName('/x/schema.mssql.sql')).toMatchObject({ stem: 'schema', dialect: 'tsql' });
    expect(classifyName('/x/schema.sql')).toMatchObject({ stem: 'schema', dialect: 'tsql', explicitSuffix: false, rank: 0 });
    expect(classifyName('/x/readme.md')).toBeUndefined();
  });
});

describe('findPairs', () => {
  it("pairs the seed's layout folder by folder, with the legacy schema_mssql.sql reporting on its own side only", () => {
    const files = ['db/schema.sql', 'db/schema_mssql.sql', 'db/schema.sqlite.sql', 'db/Credentials/schema.sql', 'db/Credentials/schema.sqlite.sql'];
    const result = findPairs({
      files: linted(files.map((file): [string, Dialect] => [file, file.includes('sqlite') ? 'sqlite' : 'tsql'])),
      pairs: [],
      baseDir: ROOT,
      listFolder: disk(files),
    });
    expect(result.pairs.map((pair) => [pair.tsql.map(rel), pair.sqlite.map(rel), [...pair.reportOn].sort()])).toEqual([
      [['db/schema.sql'], ['db/schema.sqlite.sql'], ['sqlite', 'tsql']],
      [['db/schema_mssql.sql'], ['db/schema.sqlite.sql'], ['tsql']],
      [['db/Credentials/schema.sql'], ['db/Credentials/schema.sqlite.sql'], ['sqlite', 'tsql']],
    ]);
    expect(result.unpaired).toEqual([]);
  });

  it('finds a partner on disk that was not linted', () => {
    const result = findPairs({ files: linted([['schema.sql', 'tsql']]), pairs: [], baseDir: ROOT, listFolder: disk(['schema.sql', 'schema.sqlite.sql']) });
    expect(result.pairs.map((pair) => [pair.tsql.map(rel), pair.sqlite.map(rel)])).toEqual([[['schema.sql'], ['schema.sqlite.sql']]]);
  });

  it('lets the judged dialect of X.sql win over its name', () => {
    const result = findPairs({
      files: linted([
        ['app.sql', 'sqlite'],
        ['app_mssql.sql', 'tsql'],
      ]),
      pairs: [],
      baseDir: ROOT,
      listFolder: disk(['app.sql', 'app_mssql.sql']),
    });
    expect(result.pairs.map((pair) => [pair.tsql.map(rel), pair.sqlite.map(rel)])).toEqual([[['app_mssql.sql'], ['app.sql']]]);
  });

  it('uses configured pairs with follow-up scripts, and keeps those files out of the conventions', () => {
    const files = ['sql/main.sql', 'sql/ai_schema_updates.sql', 'lite/main.sqlite.sql'];
    const result = findPairs({
      files: linted([
        ['sql/main.sql', 'tsql'],
        ['sql/ai_schema_updates.sql', 'tsql'],
        ['lite/main.sqlite.sql', 'sqlite'],
      ]),
      pairs: [{ tsql: 'sql/main.sql', sqlite: 'lite/main.sqlite.sql', tsqlUpdates: ['sql/ai_schema_updates.sql'] }],
      baseDir: ROOT,
      listFolder: disk(files),
    });
    expect(result.pairs.map((pair) => [pair.source, pair.tsql.map(rel), pair.sqlite.map(rel)])).toEqual([
      ['config', ['sql/main.sql', 'sql/ai_schema_updates.sql'], ['lite/main.sqlite.sql']],
    ]);
    expect(result.unpaired).toEqual([]);
  });

  it('reports a configured pair whose partner is missing', () => {
    const result = findPairs({ files: linted([['a.sql', 'tsql']]), pairs: [{ tsql: 'a.sql', sqlite: 'a.lite.sql' }], baseDir: ROOT, listFolder: disk(['a.sql']) });
    expect(result.pairs).toEqual([]);
    expect(result.missing.map((m) => [rel(m.filePath), m.dialect, rel(m.partner)])).toEqual([['a.sql', 'tsql', 'a.lite.sql']]);
  });

  it('pairs one tree per dialect by the folder names, whatever the files were judged', () => {
    const files = ['db/sqlite/init.sql', 'db/mssql/init.sql', 'db/SqlServer/extra.sql', 'db/sqlite/extra.sql', 'db/sqlite/only.sql'];
    const result = findPairs({
      files: linted(files.map((file): [string, Dialect] => [file, 'tsql'])),
      pairs: [],
      baseDir: ROOT,
      listFolder: disk(files),
    });
    expect(result.pairs.map((pair) => [pair.tsql.map(rel), pair.sqlite.map(rel)]).sort()).toEqual([
      [['db/SqlServer/extra.sql'], ['db/sqlite/extra.sql']],
      [['db/mssql/init.sql'], ['db/sqlite/init.sql']],
    ]);
    expect(result.unpaired.map((u) => rel(u.filePath))).toEqual(['db/sqlite/only.sql']);
  });

  it('expects a counterpart for files named as one half, and for plain files only in folders that keep both dialects', () => {
    const result = findPairs({
      files: linted([
        ['a/schema.sql', 'tsql'],
        ['a/report.sql', 'tsql'],
        ['b/orders.sqlite.sql', 'sqlite'],
        ['b/orders_extra.sql', 'tsql'],
      ]),
      pairs: [],
      baseDir: ROOT,
      listFolder: disk(['a/schema.sql', 'a/report.sql', 'b/orders.sqlite.sql', 'b/orders_extra.sql']),
    });
    expect(result.unpaired.map((u) => [rel(u.filePath), u.expected, u.expectsCounterpart]).sort()).toEqual([
      ['a/report.sql', 'report.sqlite.sql', false],
      ['a/schema.sql', 'schema.sqlite.sql', true],
      ['b/orders.sqlite.sql', 'orders.sql', true],
      ['b/orders_extra.sql', 'orders_extra.sqlite.sql', true],
    ]);
  });

  it('finds a configured pair\'s files on disk by their exact name: as many listing reads per script for 800 as for 100', () => {
    // The folder's listing, as an array that counts the names read from it.
    const readsPerScript = (count: number): number => {
      const names = ['base.sql', 'base.sqlite.sql', ...Array.from({ length: count }, (_, i) => `u${i}.sql`)];
      let reads = 0;
      const listing = new Proxy(names, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      const tsqlUpdates = Array.from({ length: count }, (_, i) => `db/u${i}.sql`);
      const result = findPairs({
        files: linted([['lint.sql', 'tsql']]),
        pairs: [{ tsql: 'db/base.sql', sqlite: 'db/base.sqlite.sql', tsqlUpdates }],
        baseDir: ROOT,
        listFolder: (folder) => (folder === path.join(ROOT, 'db') ? listing : []),
      });
      expect(result.missing).toEqual([]);
      expect(result.pairs.map((pair) => [pair.tsql.length, pair.sqlite.map(rel)])).toEqual([[count + 1, ['db/base.sqlite.sql']]]);
      return reads / count;
    };
    const small = readsPerScript(100);
    const large = readsPerScript(800);
    // Each script's name was looked for in the whole listing: ~8 times as many reads each at 800.
    expect(large).toBeLessThanOrEqual(small * 1.1);
  });

  it('takes a configured file whose name differs from the one on disk only in case as missing', () => {
    const result = findPairs({
      files: linted([['lint.sql', 'tsql']]),
      pairs: [{ tsql: 'db/base.sql', sqlite: 'db/base.sqlite.sql', tsqlUpdates: ['db/U1.sql'] }],
      baseDir: ROOT,
      listFolder: disk(['db/base.sql', 'db/base.sqlite.sql', 'db/u1.sql']),
    });
    expect(result.pairs).toEqual([]);
    expect(result.missing.map((each) => [rel(each.filePath), rel(each.partner)])).toEqual([['db/base.sqlite.sql', 'db/U1.sql']]);
  });
});
