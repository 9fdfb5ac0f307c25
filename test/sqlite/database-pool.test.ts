import fc from 'fast-check';
import type { SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/sqlite/syntax.js';
import { sqliteEngineState } from '../../src/sqlite/engine.js';
import { closeIdleSandboxDatabase, openSandboxDatabase, releaseSandboxDatabase } from '../../src/sqlite/database-pool.js';
import { validatorProblems } from './lint-sqlite.js';

let engine: SqlJsStatic;

beforeAll(async () => {
  await rule.prepare?.();
  const state = sqliteEngineState();
  if (state.status !== 'loaded') throw new Error('the SQLite engine did not load');
  engine = state.sql;
});

/** The problems of `file` in a database no file used before. */
function alone(file: string): string[] {
  closeIdleSandboxDatabase(engine);
  return validatorProblems(file, false);
}

/** The problems of `file` validated right after `before`, in whatever database `before` left for it. */
function after(before: string, file: string): string[] {
  closeIdleSandboxDatabase(engine);
  validatorProblems(before, false);
  return validatorProblems(file, false);
}

describe('a database reused by the next file is, for that file, a fresh one', () => {
  it('the next file gets the very database back when the file did nothing a rollback cannot undo', () => {
    closeIdleSandboxDatabase(engine);
    const first = openSandboxDatabase(engine);
    expect(first.execute('CREATE TABLE t (a INT)')).toEqual({ ok: true });
    releaseSandboxDatabase(first);
    const second = openSandboxDatabase(engine);
    expect(second).toBe(first);
    expect(second.prepare('SELECT a FROM t')).toEqual({ ok: false, message: 'no such table: t' });
    expect(second.prepare('CREATE TABLE t (a INT)')).toEqual({ ok: true });
    releaseSandboxDatabase(second);
  });

  it("the file's objects, temp objects, indexes, views, triggers and savepoints are gone", () => {
    const before = [
      'CREATE TABLE t (a INT);',
      'CREATE INDEX ix ON t (a);',
      'CREATE VIEW v AS SELECT a FROM t;',
      'CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;',
      'CREATE TEMP TABLE tt (a INT);',
      'CREATE TABLE s (id INTEGER PRIMARY KEY AUTOINCREMENT);',
      'ANALYZE;',
      'BEGIN;',
      'SAVEPOINT sp;',
      'CREATE TABLE inside (a INT);',
    ].join('\n');
    const file = [
      'SELECT * FROM t;',
      'SELECT * FROM v;',
      'DROP INDEX ix;',
      'DROP TRIGGER tr;',
      'SELECT * FROM temp.tt;',
      'SELECT * FROM sqlite_sequence;',
      'SELECT * FROM sqlite_stat1;',
      'RELEASE sp;',
      'SELECT * FROM inside;',
      'CREATE TABLE t (b INT);',
      'CREATE INDEX ix ON t (b);',
    ].join('\n');
    const expected = alone(file);
    expect(expected).toHaveLength(8);
    expect(after(before, file)).toEqual(expected);
  });

  it('setting PRAGMAs are put back: foreign_keys, legacy_alter_table, writable_schema', () => {
    const before = 'PRAGMA foreign_keys = ON;\nPRAGMA legacy_alter_table = ON;\nPRAGMA writable_schema = ON;\nCREATE TABLE t (a INT);\n';
    // Refused without writable_schema; legacy_alter_table decides whether the view's error is checked.
    const file = [
      "INSERT INTO sqlite_schema VALUES ('table', 'x', 'x', 0, 'CREATE TABLE x (a)');",
      'CREATE TABLE u (a INT);',
      'CREATE VIEW w AS SELECT nope FROM u;',
      'ALTER TABLE u RENAME TO u2;',
    ].join('\n');
    const expected = alone(file);
    expect(expected).toHaveLength(2);
    expect(after(before, file)).toEqual(expected);
    expect(after(`${before}CREATE TABLE late (a INT);\nPRAGMA foreign_keys = OFF;\n`, file)).toEqual(expected);
  });

  it('attached databases, other PRAGMAs and an open transaction do not leak either', () => {
    const file = [
      'SELECT * FROM aux.t;',
      'CREATE TABLE t (a INT);',
      // With full_column_names on (a PRAGMA SQLite applies as it compiles it) the copy's column is named `t.a`.
      'CREATE TABLE copy AS SELECT t.a FROM t;',
      'SELECT a FROM copy;',
      'COMMIT;',
      'ROLLBACK;',
    ].join('\n');
    const expected = alone(file);
    expect(expected).toEqual([`${file.indexOf('t;')} no-such-object: no such table: aux.t`]);
    expect(after("ATTACH 'x.db' AS aux;\nCREATE TABLE aux.t (a INT);\n", file)).toEqual(expected);
    expect(after('PRAGMA full_column_names = ON;\nPRAGMA recursive_triggers = ON;\n', file)).toEqual(expected);
    expect(after('BEGIN;\nCREATE TABLE t (a INT);\n', file)).toEqual(expected);
    expect(after('CREATE TABLE t (a INT);\nCOMMIT;\nEND;\n', file)).toEqual(expected);
  });

  it('a file after a file that filled a database and went on in a fresh one', () => {
    const filler = Array.from({ length: 520 }, (_, i) => `CREATE TABLE f${i} (a INT);`).join('\n');
    const file = 'SELECT * FROM f1;\nSELECT * FROM f519;\nCREATE TABLE f2 (a INT);\n';
    const expected = alone(file);
    expect(expected).toHaveLength(2);
    expect(after(`PRAGMA foreign_keys = ON;\n${filler}`, file)).toEqual(expected);
  });

  it('random pairs of files: the second gets the same problems as alone', () => {
    const name = fc.constantFrom('t', 'u', 'v', 'aux.t', 'temp.t');
    const statement = fc.oneof(
      name.map((n) => `CREATE TABLE ${n} (a INT, b INT);`),
      name.map((n) => `CREATE TABLE IF NOT EXISTS ${n} (a INT REFERENCES t (a) ON DELETE CASCADE);`),
      fc.tuple(name, name).map(([n, t]) => `CREATE VIEW ${n.replace('.', '_')}_v AS SELECT a FROM ${t};`),
      fc.tuple(name, name).map(([n, t]) => `CREATE INDEX ${n.replace('.', '_')}_ix ON ${t} (a);`),
      name.map((t) => `CREATE TRIGGER tr AFTER UPDATE ON ${t} BEGIN UPDATE ${t} SET a = 1; END;`),
      name.map((t) => `INSERT INTO ${t} (a) VALUES (1);`),
      name.map((t) => `SELECT a FROM ${t};`),
      name.map((t) => `DROP TABLE ${t};`),
      name.map((t) => `ALTER TABLE ${t} RENAME TO w;`),
      fc.constantFrom(
        'BEGIN;',
        'COMMIT;',
        'ROLLBACK;',
        'SAVEPOINT s;',
        'RELEASE s;',
        'PRAGMA foreign_keys = ON;',
        'PRAGMA legacy_alter_table = ON;',
        'PRAGMA writable_schema = 1;',
        'PRAGMA recursive_triggers = ON;',
        "ATTACH 'a.db' AS aux;",
        'DETACH aux;',
        'ANALYZE;',
      ),
    );
    const file = fc.array(statement, { maxLength: 10 }).map((statements) => statements.join('\n'));
    fc.assert(
      fc.property(file, file, (before, second) => {
        expect(after(before, second)).toEqual(alone(second));
      }),
      { numRuns: 200 },
    );
  });
});
