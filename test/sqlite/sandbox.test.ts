import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import rule from '../../rules/sqlite/syntax.js';
import { SandboxDatabase } from '../../src/sqlite/sandbox-database.js';
import { MAX_OBJECTS_PER_DATABASE } from '../../src/sqlite/validator.js';
import { describe as show, lintWithEngine } from './lint-sqlite.js';
import { tempDir } from '../support/temp-dir.js';

beforeAll(async () => {
  await rule.prepare?.();
});

describe('the SQLite engine cannot touch the file system', () => {
  const originalCwd = process.cwd();
  // Removed when the file ends, even when a filter skips this block's tests (and its hooks).
  const workDir = tempDir('sandbox');

  beforeAll(() => process.chdir(workDir));
  afterAll(() => process.chdir(originalCwd));

  it('ATTACH, VACUUM INTO and load_extension create no file, relative or absolute', () => {
    const absolute = path.join(workDir, 'absolute.db').replace(/'/g, "''");
    const text = [
      "ATTACH 'x.db' AS x;",
      'CREATE TABLE x.t (a INT);',
      'INSERT INTO x.t VALUES (1);',
      `ATTACH DATABASE '${absolute}' AS y;`,
      'CREATE TABLE y.u (a INT);',
      "VACUUM INTO 'y.db';",
      `VACUUM x INTO '${path.join(workDir, 'vacuumed.db').replace(/'/g, "''")}';`,
      "SELECT load_extension('z');",
      "SELECT writefile('w.txt', 'data');",
    ].join('\n');
    const diagnostics = lintWithEngine(text);
    expect(readdirSync(workDir)).toEqual([]);
    // sql.js is built without extension loading, and writefile() is a shell function, so both are
    // unknown to the engine; the statements before them are all valid SQLite.
    expect(show(diagnostics)).toEqual([
      '8:8 SQLite rejects this: no such function: load_extension.',
      '9:8 SQLite rejects this: no such function: writefile.',
    ]);
  });
});

describe('the SQLite engine never runs anything unbounded', () => {
  const infinite = 'WITH RECURSIVE forever (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM forever) SELECT n FROM forever';

  it('a view over an infinite recursive CTE, then a query of it', () => {
    const text = `CREATE VIEW v AS ${infinite};\nSELECT count(*) FROM v;\nSELECT * FROM v ORDER BY n;`;
    expect(show(lintWithEngine(text))).toEqual([]);
  });

  it('a trigger that recurses forever, then an INSERT that would fire it', () => {
    const text = [
      'PRAGMA recursive_triggers = ON;',
      'CREATE TABLE t (n INTEGER);',
      'CREATE TRIGGER again AFTER INSERT ON t BEGIN',
      '  INSERT INTO t (n) VALUES (new.n + 1);',
      `  INSERT INTO t (n) SELECT n FROM (${infinite});`,
      'END;',
      'INSERT INTO t (n) VALUES (1);',
    ].join('\n');
    expect(show(lintWithEngine(text))).toEqual([]);
  });

  it('CREATE TABLE AS over an infinite query creates the table without running the query', () => {
    const text = `CREATE TABLE numbers AS ${infinite} WHERE n < 0;\nINSERT INTO numbers (n) VALUES (1);\nSELECT nope FROM numbers;`;
    expect(show(lintWithEngine(text))).toEqual(['3:8 SQLite rejects this: no such column: nope.']);
  });
});

describe('large schemas', () => {
  it('past MAX_OBJECTS_PER_DATABASE objects: syntax and unknown names are still reported, objects left behind are not judged', () => {
    const head = ["ATTACH 'aux.db' AS aux;", 'CREATE TABLE aux.kept (a INT);', 'CREATE TABLE counted (id INTEGER PRIMARY KEY AUTOINCREMENT);'];
    const tables = Array.from({ length: 2 * MAX_OBJECTS_PER_DATABASE }, (_, i) => `CREATE TABLE t${i} (a INT);`);
    const lines = [
      ...head,
      ...tables,
      'INSERT INTO t0 (a) VALUES (1);',
      'CREATE INDEX t0_a ON t0 (a);',
      'INSERT INTO aux.kept VALUES (1);',
      "INSERT INTO sqlite_sequence VALUES ('counted', 5);",
      'INSERT INTO nowhere VALUES (1);',
      'SELECT FROM;',
    ];
    const last = head.length + tables.length;
    expect(show(lintWithEngine(lines.join('\n')))).toEqual([
      `${last + 5}:13 SQLite rejects this: no such table: nowhere.`,
      `${last + 6}:8 SQLite rejects this: near "FROM": syntax error.`,
    ]);
  });

  it('gives a fresh database the last value of each setting, once', () => {
    const tables = (count: number) => Array.from({ length: count }, (_, i) => `PRAGMA foreign_keys = ON;\nCREATE TABLE t${i} (a INT);`);
    const writableSchema = (last: 'ON' | 'OFF') => [
      'PRAGMA writable_schema = ON;',
      'PRAGMA writable_schema = OFF;',
      `PRAGMA writable_schema = ${last};`,
      ...tables(3 * MAX_OBJECTS_PER_DATABASE),
      // Compiled only while writable_schema is on.
      "INSERT INTO sqlite_schema VALUES ('table', 'x', 'x', 0, 'CREATE TABLE x (a)');",
    ];
    const applied = vi.spyOn(SandboxDatabase.prototype, 'applySetting');
    try {
      expect(show(lintWithEngine(writableSchema('ON').join('\n')))).toEqual([]);
      // Each setting is run where it stands, and given again once to each of the fresh databases (at most 3).
      expect(applied.mock.calls.length - (3 + 3 * MAX_OBJECTS_PER_DATABASE)).toBeLessThanOrEqual(3 * 2);
      expect(show(lintWithEngine(writableSchema('OFF').join('\n')))).toEqual([
        `${4 + 6 * MAX_OBJECTS_PER_DATABASE}:35 SQLite rejects this: table sqlite_master may not be modified.`,
      ]);
    } finally {
      applied.mockRestore();
    }
  });

  it('leaves behind a database of 200,000 names (tables of many UNIQUE columns) and goes on checking', () => {
    // The names were spread as arguments of one call, which overflowed the stack at ~120,000 and
    // stopped the check. Real ones take a minute of SQLite's own work to make: the list is stubbed.
    const names = Array.from({ length: 200_000 }, (_, i) => `sqlite_autoindex_wide_${i}`);
    const objectNames = vi.spyOn(SandboxDatabase.prototype, 'objectNames').mockReturnValue(names);
    try {
      const tables = Array.from({ length: MAX_OBJECTS_PER_DATABASE + 1 }, (_, i) => `CREATE TABLE t${i} (a INT);`);
      const text = [...tables, 'INSERT INTO sqlite_autoindex_wide_7 VALUES (1);', 'INSERT INTO nowhere VALUES (1);'].join('\n');
      expect(show(lintWithEngine(text))).toEqual([`${tables.length + 2}:13 SQLite rejects this: no such table: nowhere.`]);
    } finally {
      objectNames.mockRestore();
    }
  });

  it('a table defined twice is caught within one database', () => {
    const text = `CREATE TABLE t (a INT);\n${'CREATE TABLE filler (a INT); DROP TABLE filler;\n'.repeat(10)}CREATE TABLE t (b INT);`;
    expect(show(lintWithEngine(text))).toEqual(['12:14 SQLite rejects this: table t already exists.']);
  });
});

describe('hostile input', () => {
  it('100,000 nested parentheses give one error, and the engine goes on working', () => {
    const deep = `SELECT ${'('.repeat(100_000)}1${')'.repeat(100_000)};`;
    const text = `${deep}\nCREATE TABLE t (a INT);\nINSERT INTO t VALUES (1) oops;`;
    const diagnostics = lintWithEngine(text);
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics[0].line).toBe(1);
    expect(show(diagnostics)[1]).toBe('3:26 SQLite rejects this: near "oops": syntax error.');
  });

  it('never throws and keeps every range inside the file, for random SQL-ish text', () => {
    const pieces = [
      'CREATE', 'TABLE', 'TRIGGER', 'BEGIN', 'END', 'INSERT', 'INTO', 'VALUES', 'SELECT', 'FROM', 'AS', 'WITH', 'RECURSIVE',
      'ATTACH', 'VACUUM', 'PRAGMA', 't', 'u', 'a', '(', ')', ',', ';', "'", '"', '[', '`', '--', '/*', '*/', '\n', ' ',
      '.read', 'GO', '1', 'NULL', 'é', '😀', '\t', '\r\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        const diagnostics = lintWithEngine(text);
        for (const d of diagnostics) {
          expect(d.startOffset).toBeGreaterThanOrEqual(0);
          expect(d.endOffset).toBeLessThanOrEqual(text.length);
          expect(d.startOffset).toBeLessThanOrEqual(d.endOffset);
        }
      }),
      { numRuns: 300 },
    );
  });
});
