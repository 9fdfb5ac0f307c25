import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { loadSqliteEngine, sqliteEngineState } from '../../src/sqlite/engine.js';
import { SandboxDatabase } from '../../src/sqlite/sandbox-database.js';

let engine: SqlJsStatic;

beforeAll(async () => {
  await loadSqliteEngine();
  const state = sqliteEngineState();
  if (state.status !== 'loaded') throw new Error('the SQLite engine did not load');
  engine = state.sql;
});

describe("SandboxDatabase calls SQLite's functions directly, as sql.js would", () => {
  it("answers with SQLite's own message, and runs what execute is given", () => {
    const db = new SandboxDatabase(engine);
    expect(db.prepare('SELECT a FROM t')).toEqual({ ok: false, message: 'no such table: t' });
    expect(db.execute('CREATE TABLE t (a INT)')).toEqual({ ok: true });
    expect(db.prepare('SELECT a FROM t')).toEqual({ ok: true });
    expect(db.prepare('CREATE TABLE t (b INT)')).toEqual({ ok: false, message: 'table t already exists' });
    expect(db.prepare('SELEC 1')).toEqual({ ok: false, message: 'near "SELEC": syntax error' });
    db.close();
  });

  it('accepts text without a statement and compiles only the first statement of the text', () => {
    const db = new SandboxDatabase(engine);
    expect(db.prepare('-- nothing here\n;')).toEqual({ ok: true });
    expect(db.prepare('SELECT 1; SELEC 2')).toEqual({ ok: true });
    // Like sql.js, the text ends at a NUL character.
    expect(db.prepare('SELECT 1\u0000 SELEC')).toEqual({ ok: true });
    db.close();
  });

  it('reads a statement far longer than its buffer whole, multi-byte characters included', () => {
    const db = new SandboxDatabase(engine);
    const values = Array.from({ length: 40_000 }, (_, i) => `('Ångström ${i}')`).join(', ');
    expect(db.prepare(`SELECT * FROM (VALUES ${values}) WHERE nope = 1`)).toEqual({ ok: false, message: 'no such column: nope' });
    expect(db.prepare(`SELECT * FROM (VALUES ${values})`)).toEqual({ ok: true });
    expect(db.prepare('SELECT 1 WHERE nope')).toEqual({ ok: false, message: 'no such column: nope' });
    db.close();
  });

  it('passes a lone surrogate on without losing the rest of the statement', () => {
    const db = new SandboxDatabase(engine);
    const lone = `SELECT '${'\uD800'.repeat(30_000)}x' WHERE nope`;
    expect(db.prepare(lone)).toEqual({ ok: false, message: 'no such column: nope' });
    db.close();
  });

  it('recycles to an empty database, and refuses when something could outlive the rollback', () => {
    const db = new SandboxDatabase(engine);
    expect(db.execute('CREATE TABLE t (a INT)')).toEqual({ ok: true });
    expect(db.applySetting('PRAGMA foreign_keys = ON')).toEqual({ ok: true });
    // The setting's COMMIT kept the table: nothing can make this database fresh again.
    expect(db.recycle()).toBe(false);
    db.close();

    const clean = new SandboxDatabase(engine);
    expect(clean.applySetting('PRAGMA legacy_alter_table = ON')).toEqual({ ok: true });
    expect(clean.execute('CREATE TABLE t (a INT)')).toEqual({ ok: true });
    expect(clean.recycle()).toBe(true);
    expect(clean.prepare('SELECT a FROM t')).toEqual({ ok: false, message: 'no such table: t' });
    clean.forbidReuse();
    expect(clean.recycle()).toBe(false);
    clean.close();

    const attached = new SandboxDatabase(engine);
    expect(attached.outsideTransaction(() => attached.execute("ATTACH ':memory:' AS aux"))).toEqual({ ok: true });
    expect(attached.recycle()).toBe(false);
    attached.close();
    expect(attached.recycle()).toBe(false);
  });

  it('can be closed twice', () => {
    const db = new SandboxDatabase(engine);
    db.close();
    expect(() => db.close()).not.toThrow();
  });
});
