import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/sqlite/syntax.js';
import { tokenize } from '../../src/sql/lexer.js';
import { isTrivia } from '../../src/sql/token.js';
import { createdObject, DeferredSchema } from '../../src/sqlite/deferred-schema.js';
import { rowsAfterTheFirst } from '../../src/sqlite/literal-rows.js';
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

describe('what a statement names, read past the tokens that name nothing', () => {
  const significant = (sql: string) => tokenize(sql, 'sqlite').filter((token) => !isTrivia(token));
  const waitingView = (): DeferredSchema => {
    const schema = new DeferredSchema();
    const view = significant('CREATE VIEW v AS SELECT 1 AS x;');
    const created = createdObject(view);
    if (!schema.canDefer(created)) throw new Error('the view should be able to wait');
    schema.defer(created, 'CREATE VIEW v AS SELECT 1 AS x;', view);
    return schema;
  };

  it("a string in a seed row after the first does not take a waiting object that it names: it is a value, never a name", () => {
    const insert = significant("INSERT INTO t VALUES ('a'), ('v');");
    expect(waitingView().takeNeededBy(insert, undefined, rowsAfterTheFirst(insert))).toEqual([]);
    // Read whole, the same statement takes it, as a string may name an object elsewhere.
    expect(waitingView().takeNeededBy(insert, undefined).map((object) => object.name)).toEqual(['v']);
  });

  it('an object whose statement names a table more than once is taken once, when that table is created', () => {
    const schema = new DeferredSchema();
    const view = significant('CREATE VIEW w AS SELECT t.a FROM t JOIN t AS u ON t.a = u.a;');
    const created = createdObject(view);
    if (!schema.canDefer(created)) throw new Error('the view should be able to wait');
    schema.defer(created, 'CREATE VIEW w AS SELECT t.a FROM t JOIN t AS u ON t.a = u.a;', view);
    const table = significant('CREATE TABLE t (a INT);');
    expect(schema.takeNeededBy(table, createdObject(table)).map((object) => object.name)).toEqual(['w']);
    expect(schema.names()).toEqual([]);
  });

  it('the first row, and what follows the rows, are still read', () => {
    for (const sql of ["INSERT INTO t VALUES ('v'), ('a');", "INSERT INTO t VALUES ('a'), ('b') RETURNING (SELECT x FROM v);"]) {
      const insert = significant(sql);
      expect(waitingView().takeNeededBy(insert, undefined, rowsAfterTheFirst(insert)).map((object) => object.name)).toEqual(['v']);
    }
  });
});

describe('triggers that wait until a statement could fire them', () => {
  const tables = 'CREATE TABLE t (a INT PRIMARY KEY, b INT);\nCREATE TABLE log (x INT);\n';
  const broken = (on: string, event: string): string => `CREATE TRIGGER tr AFTER ${event} ON ${on} BEGIN INSERT INTO log VALUES (nope); END;\n`;

  it('an INSERT meets the INSERT triggers of its table, with the error of their bodies', () => {
    const text = `${tables}${broken('t', 'INSERT')}INSERT INTO t (a) VALUES (1);\n`;
    expect(judged(text)).toEqual([`${at(text, 'INSERT INTO t')} no-such-column: no such column: nope`]);
  });

  it('an UPDATE trigger is not needed by an INSERT, and is by an UPDATE, an upsert or a REPLACE', () => {
    const head = `${tables}${broken('t', 'UPDATE OF b')}`;
    expect(judged(`${head}INSERT INTO t (a) VALUES (1);\nSELECT * FROM t;\n`)).toEqual([]);
    expect(judged(`${head}UPDATE t SET b = 1;\n`)).toHaveLength(1);
    expect(judged(`${head}INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET b = 2;\n`)).toHaveLength(1);
    expect(judged(`PRAGMA recursive_triggers = ON;\n${tables}${broken('t', 'DELETE')}REPLACE INTO t (a) VALUES (1);\n`)).toHaveLength(1);
  });

  it('a foreign key action reaches the triggers of a table the statement does not name', () => {
    const text = [
      'PRAGMA foreign_keys = ON;',
      'CREATE TABLE parent (id INTEGER PRIMARY KEY ON CONFLICT REPLACE);',
      'CREATE TABLE child (pid INT REFERENCES parent (id) ON DELETE CASCADE ON UPDATE SET NULL);',
      'CREATE TABLE log (x INT);',
      'CREATE TRIGGER on_delete AFTER DELETE ON child BEGIN INSERT INTO log VALUES (nope); END;',
      'CREATE TRIGGER on_update AFTER UPDATE ON child BEGIN INSERT INTO log VALUES (nada); END;',
      'DELETE FROM parent;',
      'UPDATE parent SET id = 2;',
      // A REPLACE conflict clause deletes the old row: the cascade reaches the child again.
      'INSERT INTO parent (id) VALUES (1);',
    ].join('\n');
    expect(judged(text)).toHaveLength(3);
  });

  it('a trigger body compiled into an INSERT reaches the triggers of the tables it writes', () => {
    const text = [
      'CREATE TABLE a (x INT);',
      'CREATE TABLE b (x INT);',
      'CREATE TABLE log (x INT);',
      'CREATE TRIGGER on_b AFTER INSERT ON b BEGIN INSERT INTO log VALUES (nope); END;',
      'CREATE TRIGGER on_a AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); END;',
      'INSERT INTO a VALUES (1);',
    ].join('\n');
    expect(judged(text)).toEqual([`${at(text, 'INSERT INTO a VALUES')} no-such-column: no such column: nope`]);
  });

  it('a trigger that ran makes every later INSERT reach the waiting ones, as its body may write their tables', () => {
    const text = [
      'CREATE TABLE a (x INT);',
      'CREATE TABLE b (x INT);',
      'CREATE TABLE log (x INT);',
      // On `main.a`: not kept waiting (only triggers on a plain table name wait), so it runs at once.
      'CREATE TRIGGER on_a AFTER INSERT ON main.a BEGIN INSERT INTO b VALUES (1); END;',
      'CREATE TRIGGER on_b AFTER INSERT ON b BEGIN INSERT INTO log VALUES (nope); END;',
      'INSERT INTO a VALUES (1);',
    ].join('\n');
    expect(judged(text)).toEqual([`${at(text, 'INSERT INTO a VALUES')} no-such-column: no such column: nope`]);
  });

  it('a waiting trigger that an INSERT fires brings the other waiting ones, which its body may fire', () => {
    const text = [
      'CREATE TABLE a (x INT);',
      'CREATE TABLE b (x INT);',
      'CREATE TABLE log (x INT);',
      'CREATE TRIGGER on_a AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); END;',
      'CREATE TRIGGER on_b AFTER INSERT ON b BEGIN INSERT INTO log VALUES (nope); END;',
      'INSERT INTO a VALUES (1);',
    ].join('\n');
    expect(judged(text)).toEqual([`${at(text, 'INSERT INTO a VALUES')} no-such-column: no such column: nope`]);
  });

  it('a REPLACE conflict clause makes a plain INSERT delete rows, which fires foreign key actions', () => {
    const text = [
      'PRAGMA foreign_keys = ON;',
      'CREATE TABLE parent (id INTEGER PRIMARY KEY ON CONFLICT REPLACE);',
      'CREATE TABLE child (pid INT REFERENCES parent (id) ON DELETE CASCADE);',
      'CREATE TABLE log (x INT);',
      'CREATE TRIGGER on_delete AFTER DELETE ON child BEGIN INSERT INTO log VALUES (nope); END;',
      'INSERT INTO parent (id) VALUES (1);',
    ].join('\n');
    expect(judged(text)).toEqual([`${at(text, 'INSERT INTO parent')} no-such-column: no such column: nope`]);
  });

  it('a trigger that runs at once on a table with a waiting trigger comes after it, as in the file', () => {
    const text = [
      tables,
      'CREATE TRIGGER one AFTER UPDATE ON t BEGIN INSERT INTO log VALUES (first); END;',
      'CREATE TRIGGER two AFTER UPDATE ON main.t BEGIN INSERT INTO log VALUES (second); END;',
      'UPDATE t SET b = 1;',
    ].join('\n');
    expect(judged(text)).toEqual([`${at(text, 'UPDATE t SET')} no-such-column: no such column: second`]);
  });

  it('an INSTEAD OF trigger makes its view writable for its event only', () => {
    const head = `${tables}CREATE VIEW v AS SELECT a, b FROM t;\nCREATE TRIGGER tv INSTEAD OF INSERT ON v BEGIN INSERT INTO t (a) VALUES (NEW.a); END;\n`;
    expect(judged(`${head}INSERT INTO v (a) VALUES (1);\n`)).toEqual([]);
    expect(judged(`${head}DELETE FROM v;\n`)).toEqual([`${at(`${head}DELETE FROM v;`, 'DELETE')} rejected: cannot modify v because it is a view`]);
  });

  it('a CREATE other than a trigger leaves the waiting triggers of the tables it names waiting; a trigger on one of them takes them', () => {
    const significant = (sql: string) => tokenize(sql, 'sqlite').filter((token) => !isTrivia(token));
    const schema = new DeferredSchema();
    const trigger = significant('CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM log; END;');
    const created = createdObject(trigger);
    if (!schema.canDefer(created)) throw new Error('the trigger should be able to wait');
    schema.defer(created, 'CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM log; END;', trigger);
    for (const sql of ['CREATE VIEW w AS SELECT a FROM t WHERE a IN (SELECT 1);', 'CREATE INDEX ix ON t (a);', 'CREATE TABLE u (a REFERENCES t ON DELETE CASCADE);']) {
      const tokens = significant(sql);
      expect(schema.takeNeededBy(tokens, createdObject(tokens))).toEqual([]);
    }
    const another = significant('CREATE TRIGGER tr2 AFTER DELETE ON t BEGIN SELECT 1; END;');
    expect(schema.takeNeededBy(another, createdObject(another)).map((object) => object.name)).toEqual(['tr']);
  });

  it('a waiting trigger keeps its name, and triggers on one table keep their order', () => {
    const text = `${tables}${broken('t', 'INSERT')}${broken('t', 'UPDATE')}`;
    expect(judged(text)).toEqual([`${at(text, 'tr', 2)} rejected: trigger tr already exists`]);
    const two = `${tables}CREATE TRIGGER one AFTER INSERT ON t BEGIN INSERT INTO log VALUES (first); END;\nCREATE TRIGGER two AFTER INSERT ON t BEGIN INSERT INTO log VALUES (second); END;\nINSERT INTO t (a) VALUES (1);\n`;
    expect(judged(two)).toHaveLength(1);
    expect(judged(`${tables}${broken('t', 'INSERT')}DROP TRIGGER tr;\nDROP TRIGGER tr;\n`)).toHaveLength(1);
  });

  it('random scripts with triggers get the same problems whether triggers wait or not', () => {
    const table = fc.constantFrom('t', 'u', 'v', 'log');
    const body = fc.constantFrom(
      'INSERT INTO log VALUES (nope);',
      'INSERT INTO log SELECT b FROM t;',
      'UPDATE t SET b = zz;',
      'DELETE FROM u WHERE a = NEW.a;',
      'INSERT INTO u (a) VALUES (NEW.a);',
      'INSERT OR REPLACE INTO t (a) VALUES (1);',
      'SELECT 1;',
    );
    const event = fc.constantFrom('INSERT', 'UPDATE', 'DELETE', 'UPDATE OF b');
    const statement = fc.oneof(
      fc.constantFrom(
        'CREATE TABLE t (a INT PRIMARY KEY, b INT REFERENCES u (a) ON DELETE CASCADE ON UPDATE SET NULL);',
        'CREATE TABLE log (x INT REFERENCES t (a) ON DELETE SET NULL);',
        'CREATE TABLE u (a INT PRIMARY KEY ON CONFLICT REPLACE, b INT);',
        'CREATE TABLE u (a INT PRIMARY KEY, b INT);',
        'CREATE TABLE log (x INT);',
        'CREATE VIEW v AS SELECT a, b FROM t;',
        'CREATE INDEX ix ON t (b);',
        'PRAGMA foreign_keys = ON;',
        'PRAGMA recursive_triggers = ON;',
        'BEGIN;',
        'ROLLBACK;',
        'COMMIT;',
        'DROP TABLE t;',
        'DROP VIEW v;',
        'ALTER TABLE t RENAME TO w;',
      ),
      fc
        .tuple(fc.constantFrom('tr1', 'tr2', 'tr3'), fc.constantFrom('BEFORE', 'AFTER', ''), event, table, body, fc.constantFrom('', 'main.', 'TEMP'))
        .map(([n, when, e, on, b, how]) => `CREATE ${how === 'TEMP' ? 'TEMP ' : ''}TRIGGER ${n} ${when} ${e} ON ${how === 'main.' ? how : ''}${on} BEGIN ${b} END;`),
      fc.tuple(fc.constantFrom('tr1', 'tr2', 'tr3'), event, body).map(([n, e, b]) => `CREATE TRIGGER ${n} INSTEAD OF ${e.replace(' OF b', '')} ON v BEGIN ${b} END;`),
      fc.constantFrom('tr1', 'tr2', 'tr3').map((n) => `DROP TRIGGER ${n};`),
      fc.tuple(fc.constantFrom('INSERT', 'INSERT OR REPLACE', 'REPLACE', 'INSERT OR IGNORE'), table).map(([verb, t]) => `${verb} INTO ${t} (a) VALUES (1);`),
      table.map((t) => `INSERT INTO ${t} (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET b = 2;`),
      table.map((t) => `INSERT INTO ${t} (a) SELECT a FROM u;`),
      table.map((t) => `UPDATE ${t} SET b = 1;`),
      table.map((t) => `DELETE FROM ${t};`),
      table.map((t) => `SELECT * FROM ${t};`),
    );
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 14 }), (statements) => {
        judged(statements.join('\n'));
      }),
      { numRuns: 400 },
    );
  });
});
