import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/sqlite/syntax.js';
import { MAX_OBJECTS_PER_DATABASE } from '../../src/sqlite/validator.js';
import { judgedBothWays } from './lint-sqlite.js';

beforeAll(async () => {
  await rule.prepare?.();
});

const judged = judgedBothWays;

const at = (text: string, needle: string, nth = 1): number => {
  let index = -1;
  for (let i = 0; i < nth; i++) index = text.indexOf(needle, index + 1);
  return index;
};

describe('indexes and views that wait until a statement could see them', () => {
  it('a waiting index still takes its name: a later table of that name is refused where it stands', () => {
    const text = 'CREATE TABLE t (a INT);\nCREATE INDEX ix ON t (a);\nCREATE TABLE ix (b INT);\n';
    expect(judged(text)).toEqual([`${at(text, 'ix', 2)} rejected: there is already an index named ix`]);
  });

  it('a waiting index can be dropped, and is gone after its table is dropped', () => {
    const text = [
      'CREATE TABLE t (a INT);',
      'CREATE INDEX ix ON t (a);',
      'DROP INDEX ix;',
      'CREATE INDEX iy ON t (a);',
      'DROP TABLE t;',
      'DROP INDEX iy;',
    ].join('\n');
    expect(judged(text)).toEqual([`${at(text, 'iy', 2)} no-such-object: no such index: iy`]);
  });

  it('a waiting view is judged when a query reads it, with the error of its own body', () => {
    const text = 'CREATE TABLE t (a INT);\nCREATE VIEW v AS SELECT nope FROM t;\nSELECT * FROM v;\n';
    expect(judged(text)).toEqual([`${at(text, 'SELECT *')} no-such-column: no such column: nope`]);
  });

  it('a view that a trigger created earlier reads runs at once, so the trigger finds it', () => {
    const head = 'CREATE TABLE t (a INT);\nCREATE TABLE log (x INT);\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log SELECT x FROM v; END;\n';
    expect(judged(`${head}CREATE VIEW v AS SELECT 1 AS x;\nINSERT INTO t VALUES (1);\n`)).toEqual([]);
    // Without the view the same INSERT fails: the trigger's body is compiled with it.
    expect(judged(`${head}INSERT INTO t VALUES (1);\n`)).toHaveLength(1);
  });

  it('a view read through another view is there when the outer one is read, whatever the order of creation', () => {
    const text = 'CREATE VIEW w AS SELECT * FROM v;\nCREATE TABLE t (a INT);\nCREATE VIEW v AS SELECT a FROM t;\nSELECT * FROM w;\n';
    expect(judged(text)).toEqual([]);
    expect(judged('CREATE VIEW w AS SELECT * FROM v;\nSELECT * FROM w;\n')).toHaveLength(1);
  });

  it('an ALTER TABLE meets every view as SQLite would, broken ones included', () => {
    const text = 'CREATE TABLE t (a INT);\nCREATE VIEW v AS SELECT zz FROM t;\nALTER TABLE t RENAME TO u;\n';
    expect(judged(text)).toHaveLength(1);
    expect(judged('CREATE TABLE t (a INT);\nCREATE VIEW v AS SELECT a FROM t;\nALTER TABLE t RENAME COLUMN a TO b;\nSELECT b FROM v;\n')).toEqual([]);
  });

  it('an index created inside a transaction that the file rolls back is gone afterwards', () => {
    const text = 'CREATE TABLE t (a INT);\nBEGIN;\nCREATE INDEX ix ON t (a);\nROLLBACK;\nDROP INDEX ix;\n';
    expect(judged(text)).toEqual([`${at(text, 'ix', 2)} no-such-object: no such index: ix`]);
  });

  it('a unique index runs where it stands: an upsert needs it as its conflict target', () => {
    const text = 'CREATE TABLE t (a INT, b INT);\nCREATE UNIQUE INDEX ux ON t (a);\nINSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) DO NOTHING;\n';
    expect(judged(text)).toEqual([]);
  });

  it('INDEXED BY, a string naming the object and a quoted name all find a waiting object', () => {
    const text = [
      'CREATE TABLE t (a INT);',
      'CREATE INDEX "My Index" ON t (a);',
      'SELECT * FROM t INDEXED BY [my index];',
      "CREATE VIEW 'v' AS SELECT a FROM t;",
      'SELECT * FROM "V";',
      'SELECT * FROM t INDEXED BY missing;',
    ].join('\n');
    expect(judged(text)).toEqual([`${at(text, 'missing')} no-such-object: no such index: missing`]);
  });

  it('objects still waiting when the database is left behind are not judged, like the ones that ran', () => {
    const filler = Array.from({ length: MAX_OBJECTS_PER_DATABASE }, (_, i) => `CREATE TABLE f${i} (a INT);`).join('\n');
    const text = `CREATE TABLE t (a INT);\nCREATE INDEX ix ON t (a);\nCREATE VIEW v AS SELECT a FROM t;\n${filler}\nCREATE TABLE after (a INT);\nSELECT * FROM v;\nDROP INDEX ix;\nSELECT * FROM gone;\n`;
    expect(judged(text)).toEqual([`${at(text, 'gone')} no-such-object: no such table: gone`]);
  });

  it('random schema scripts get the same problems whether indexes and views wait or not', () => {
    const name = fc.constantFrom('t', 'u', 'v', 'w', 'ix', 'iy');
    const column = fc.constantFrom('a', 'b', 'c');
    const statement = fc.oneof(
      fc.tuple(name, column).map(([n, c]) => `CREATE TABLE ${n} (${c} INT, b INT);`),
      fc.tuple(name, name, column).map(([n, t, c]) => `CREATE INDEX ${n} ON ${t} (${c});`),
      fc.tuple(name, name, column).map(([n, t, c]) => `CREATE UNIQUE INDEX IF NOT EXISTS ${n} ON ${t} (${c});`),
      fc.tuple(name, name, column).map(([n, t, c]) => `CREATE VIEW ${n} AS SELECT ${c} FROM ${t};`),
      fc.tuple(name, name, name).map(([n, t, v]) => `CREATE TRIGGER ${n}_tr AFTER INSERT ON ${t} BEGIN INSERT INTO ${t} SELECT * FROM ${v}; END;`),
      fc.tuple(name, column).map(([t, c]) => `INSERT INTO ${t} (${c}) VALUES (1) ON CONFLICT (${c}) DO NOTHING;`),
      fc.tuple(name, column).map(([t, c]) => `SELECT ${c} FROM ${t};`),
      fc.tuple(name, name).map(([t, i]) => `SELECT * FROM ${t} INDEXED BY ${i};`),
      name.map((n) => `DROP INDEX ${n};`),
      name.map((n) => `DROP VIEW ${n};`),
      name.map((n) => `DROP TABLE ${n};`),
      fc.tuple(name, name).map(([t, n]) => `ALTER TABLE ${t} RENAME TO ${n};`),
      fc.tuple(name, column).map(([t, c]) => `ALTER TABLE ${t} DROP COLUMN ${c};`),
      fc.constantFrom('BEGIN;', 'COMMIT;', 'ROLLBACK;', 'SAVEPOINT s;', 'ROLLBACK TO s;', 'PRAGMA foreign_keys = ON;'),
    );
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 14 }), (statements) => {
        judged(statements.join('\n'));
      }),
      { numRuns: 300 },
    );
  });
});
