import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { findTable } from '../../src/model/find-table.js';
import { indexesOf, type InsertModel, type RoutineModel, type ViewModel } from '../../src/model/schema.js';

const FILE = 'db/schema.sqlite.sql';

function table(text: string, name = 't') {
  const found = findTable(buildSqliteModel(text, FILE), { name });
  if (!found) throw new Error(`table ${name} not built`);
  return found;
}

describe('buildSqliteModel: CREATE TABLE', () => {
  it('reads quoted names of every form and exact positions', () => {
    const model = buildSqliteModel('\n  CREATE TABLE "my table" (\n\t[a b] INT,\n  `c` TEXT\n);', FILE);
    const t = findTable(model, { name: 'MY TABLE' });
    expect(t?.ref).toEqual({ file: FILE, line: 2, column: 3, offset: 3 });
    expect(t?.columns.map((c) => [c.name, c.ref.line, c.ref.column])).toEqual([
      ['a b', 3, 2],
      ['c', 4, 3],
    ]);
  });

  it('reads TEMP, IF NOT EXISTS, main. qualifier, WITHOUT ROWID and STRICT', () => {
    const t = table('CREATE TEMP TABLE IF NOT EXISTS main.t (k TEXT PRIMARY KEY, v INT) WITHOUT ROWID, STRICT;');
    expect(t.guarded).toBe(true);
    expect(t.name).toEqual({ name: 't', schema: undefined });
    expect(t.withoutRowid).toBe(true);
    expect(t.strict).toBe(true);
    // WITHOUT ROWID enforces NOT NULL on the key.
    expect(t.columns[0].nullable).toBe(false);
  });

  it('reads types with spaces and arguments, and untyped columns', () => {
    const t = table('CREATE TABLE t (a DOUBLE PRECISION, b DECIMAL(18, 2), c VARYING CHARACTER(255), d, e [nvarchar](50), f NUMERIC(-3));');
    expect(t.columns.map((c) => c.type)).toEqual([
      { name: 'DOUBLE PRECISION', args: [] },
      { name: 'DECIMAL', args: ['18', '2'] },
      { name: 'VARYING CHARACTER', args: ['255'] },
      undefined,
      { name: 'NVARCHAR', args: ['50'] },
      { name: 'NUMERIC', args: ['-3'] },
    ]);
  });

  it('reads INTEGER PRIMARY KEY AUTOINCREMENT as an identity', () => {
    const t = table('CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, n TEXT);');
    expect(t.columns[0]).toMatchObject({ nullable: false, autoincrement: true, identity: { seed: '1', increment: '1' } });
    expect(t.primaryKey?.columns).toEqual([{ name: 'id', descending: false }]);
    expect(t.primaryKey?.ref.column).toBe(28);
  });

  it('keeps a non-INTEGER primary key column nullable unless NOT NULL, as SQLite does', () => {
    const t = table('CREATE TABLE t (code TEXT PRIMARY KEY DESC ON CONFLICT REPLACE);');
    expect(t.columns[0].nullable).toBe(true);
    expect(t.primaryKey?.columns).toEqual([{ name: 'code', descending: true }]);
  });

  it('reads every column constraint', () => {
    const t = table(`CREATE TABLE t (
  a INTEGER NOT NULL ON CONFLICT FAIL DEFAULT -1,
  b TEXT NULL UNIQUE COLLATE NOCASE DEFAULT 'x',
  c TEXT CONSTRAINT ck_c CHECK (length(c) > 2) DEFAULT (lower('A')),
  d TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
  e INT REFERENCES parent (id) ON DELETE CASCADE ON UPDATE SET NULL MATCH SIMPLE NOT DEFERRABLE,
  f INT GENERATED ALWAYS AS (a * 2) VIRTUAL,
  g INT AS (a + 1) STORED,
  h REAL DEFAULT +2.5
);`);
    const [a, b, c, d, e, f, g, h] = t.columns;
    expect(a).toMatchObject({ nullable: false, default: '-1' });
    expect(b).toMatchObject({ nullable: true, default: "'x'", collation: 'NOCASE' });
    expect(c.default).toBe("(lower('A'))");
    expect(d.default).toBe('CURRENT_TIMESTAMP');
    expect(e.nullable).toBe(true);
    expect(f.computed).toEqual({ expression: 'a * 2', persisted: false });
    expect(g.computed).toEqual({ expression: 'a + 1', persisted: true });
    expect(h.default).toBe('+2.5');
    expect(t.uniques).toEqual([{ name: undefined, columns: [{ name: 'b', descending: false }], ref: expect.objectContaining({ line: 3, column: 15 }) }]);
    expect(t.checks).toEqual([{ name: 'ck_c', expression: 'length(c) > 2', ref: expect.objectContaining({ line: 4, column: 10 }) }]);
    expect(t.foreignKeys).toEqual([
      {
        name: undefined,
        columns: ['e'],
        references: { name: 'parent' },
        referencedColumns: ['id'],
        onDelete: 'CASCADE',
        onUpdate: 'SET NULL',
        ref: expect.objectContaining({ line: 6, column: 9 }),
      },
    ]);
  });

  it('reads table constraints', () => {
    const t = table(`CREATE TABLE t (
  a INT, b INT, c INT,
  CONSTRAINT pk_t PRIMARY KEY (a, b DESC) ON CONFLICT ABORT,
  UNIQUE (c COLLATE NOCASE ASC),
  CHECK (a <> b),
  CONSTRAINT fk_c FOREIGN KEY (c, a) REFERENCES "other" ([x], y) ON DELETE NO ACTION DEFERRABLE INITIALLY DEFERRED
);`);
    expect(t.primaryKey).toEqual({
      name: 'pk_t',
      columns: [
        { name: 'a', descending: false },
        { name: 'b', descending: true },
      ],
      ref: expect.objectContaining({ line: 3, column: 3 }),
    });
    expect(t.uniques[0].columns).toEqual([{ name: 'c', descending: false }]);
    expect(t.checks[0].expression).toBe('a <> b');
    expect(t.foreignKeys[0]).toMatchObject({ name: 'fk_c', columns: ['c', 'a'], references: { name: 'other' }, referencedColumns: ['x', 'y'], onDelete: 'NO ACTION' });
  });

  it('keeps comments with tables and columns', () => {
    const t = table(`-- unrelated

-- Trading signals
/* one row per alert */
CREATE TABLE t ( -- from TradingView
  -- the ticker
  symbol TEXT, -- upper case
  price REAL /* last */
);`);
    expect(t.comments).toEqual(['-- Trading signals', '/* one row per alert */', '-- from TradingView']);
    expect(t.columns[0].comments).toEqual(['-- the ticker', '-- upper case']);
    expect(t.columns[1].comments).toEqual(['/* last */']);
  });

  it('gives a column only the comments of its own item: after its comma, never past the next item or the list', () => {
    const t = table(
      'CREATE TABLE t (a INT, -- about a\n  b TEXT -- about b\n  , c INT /* c */, d INT,, e INT\n) WITHOUT ROWID, STRICT; -- after the table\n',
    );
    expect(t.columns.map((column) => [column.name, column.comments])).toEqual([
      ['a', ['-- about a']],
      ['b', ['-- about b']],
      ['c', ['/* c */']],
      ['d', []],
      ['e', []],
    ]);
    expect(t.withoutRowid && t.strict).toBe(true);
  });

  it('reads comments above a column across CRLF, CR and Unicode spaces, but not across a blank line or code', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const t = table(['CREATE TABLE t (', '\u00a0 -- about a', '  a INT,', '  -- dropped by the blank line', '', '  b INT, /* not above c */ c INT', ');'].join(eol));
      expect(t.columns.map((column) => [column.name, column.comments])).toEqual([
        ['a', ['-- about a']],
        ['b', ['/* not above c */']],
        ['c', []],
      ]);
    }
  });

  it('keeps the comment of a column added by ALTER TABLE', () => {
    const model = buildSqliteModel('CREATE TABLE t (a INT);\nALTER TABLE t ADD COLUMN b DECIMAL(10, 2) NOT NULL DEFAULT -1 -- added\n;', FILE);
    expect(findTable(model, { name: 't' })?.columns.map((column) => [column.name, column.type, column.default, column.comments])).toEqual([
      ['a', { name: 'INT', args: [] }, undefined, []],
      ['b', { name: 'DECIMAL', args: ['10', '2'] }, '-1', ['-- added']],
    ]);
  });

  it('skips a broken column but keeps the rest of the table', () => {
    const t = table('CREATE TABLE t (a INT, b INT REFERENCES, c TEXT);');
    expect(t.columns.map((c) => c.name)).toEqual(['a', 'c']);
  });

  it('keeps the first definition when IF NOT EXISTS meets an existing table', () => {
    const model = buildSqliteModel('CREATE TABLE t (a INT);\nCREATE TABLE IF NOT EXISTS t (b INT);', FILE);
    expect(model.objects).toHaveLength(1);
    expect(findTable(model, { name: 't' })?.columns.map((c) => c.name)).toEqual(['a']);
  });
});

describe('buildSqliteModel: indexes, views, triggers, inserts', () => {
  it('reads CREATE [UNIQUE] INDEX [IF NOT EXISTS] ... WHERE', () => {
    const model = buildSqliteModel(
      'CREATE TABLE t (a INT, b TEXT);\n-- fast lookup\nCREATE UNIQUE INDEX IF NOT EXISTS main.ix ON t (a DESC, lower(b)) WHERE a > 0;',
      FILE,
    );
    expect(indexesOf(model)).toEqual([
      {
        kind: 'index',
        name: 'ix',
        table: { name: 't' },
        unique: true,
        columns: [
          { name: 'a', descending: true },
          { name: 'lower(b)', descending: false },
        ],
        include: [],
        where: 'a > 0',
        guarded: true,
        comments: ['-- fast lookup'],
        ref: { file: FILE, line: 3, column: 1, offset: 47 },
      },
    ]);
  });

  it('reads views and triggers', () => {
    const model = buildSqliteModel(
      'CREATE VIEW IF NOT EXISTS v (x) AS SELECT a FROM t;\nCREATE TRIGGER tr AFTER UPDATE OF a ON t FOR EACH ROW BEGIN UPDATE t SET b = 1; END;',
      FILE,
    );
    const [view, trigger] = model.objects as [ViewModel, RoutineModel];
    expect(view).toMatchObject({ kind: 'view', name: { name: 'v' }, query: 'SELECT a FROM t', guarded: true });
    expect(trigger).toMatchObject({ kind: 'trigger', name: { name: 'tr' }, table: { name: 't' }, ref: { line: 2, column: 1 } });
    expect(trigger.text).toBe('CREATE TRIGGER tr AFTER UPDATE OF a ON t FOR EACH ROW BEGIN UPDATE t SET b = 1; END');
  });

  it('takes a view query and an index condition up to the `;`, and skips a view without a query', () => {
    const model = buildSqliteModel('CREATE VIEW v AS\n  SELECT a, -- the key\n  b FROM t ;\nCREATE VIEW w AS;\nCREATE INDEX i ON t (a) WHERE a > 0 /* partial */ ;', FILE);
    expect(model.objects.map((object) => (object.kind === 'view' ? object.query : object.kind === 'index' ? object.where : object.kind))).toEqual([
      'SELECT a, -- the key\n  b FROM t',
      'a > 0',
    ]);
  });

  it('reads literal INSERT rows and skips INSERT ... SELECT', () => {
    const model = buildSqliteModel(
      "INSERT OR IGNORE INTO roles (id, name) VALUES (1, 'admin'), (2, 'it''s');\nINSERT INTO roles SELECT * FROM x;\nREPLACE INTO roles VALUES (3, NULL);",
      FILE,
    );
    const inserts = model.objects as InsertModel[];
    expect(inserts.map((i) => [i.columns, i.rows])).toEqual([
      [['id', 'name'], [['1', "'admin'"], ['2', "'it''s'"]]],
      [[], [['3', 'NULL']]],
    ]);
  });

  it('keeps each value of a row whole, nested parentheses and all, and leaves out empty values', () => {
    const model = buildSqliteModel("INSERT INTO t (a, b) VALUES (1, (2 + 3) * 4), (abs(-5), 'x,y'), (,), ();", FILE);
    expect((model.objects as InsertModel[]).map((i) => i.rows)).toEqual([[['1', '(2 + 3) * 4'], ['abs(-5)', "'x,y'"], [], []]]);
  });
});

describe('buildSqliteModel: ALTER and DROP applied to the model', () => {
  it('applies ADD COLUMN, RENAME COLUMN, RENAME TO and DROP COLUMN', () => {
    const model = buildSqliteModel(
      `CREATE TABLE t (a INT PRIMARY KEY, b INT);
CREATE INDEX ix ON t (b);
CREATE TABLE child (x INT REFERENCES t (b));
ALTER TABLE t ADD COLUMN c TEXT NOT NULL DEFAULT '' REFERENCES u (id);
ALTER TABLE t RENAME COLUMN b TO bb;
ALTER TABLE "t" RENAME TO t2;
ALTER TABLE t2 DROP COLUMN a;`,
      FILE,
    );
    const t2 = findTable(model, { name: 't2' });
    expect(t2?.columns.map((c) => c.name)).toEqual(['bb', 'c']);
    expect(t2?.columns[1]).toMatchObject({ nullable: false, default: "''", ref: { line: 4, column: 26 } });
    expect(t2?.foreignKeys[0].references).toEqual({ name: 'u' });
    expect(indexesOf(model)[0]).toMatchObject({ table: { name: 't2' }, columns: [{ name: 'bb', descending: false }] });
    expect(findTable(model, { name: 'child' })?.foreignKeys[0]).toMatchObject({ references: { name: 't2' }, referencedColumns: ['bb'] });
  });

  it('drops the columns of a wide table by name, also one renamed after an earlier drop', () => {
    // Past 32 columns the drops go through the column list's index, which a rename must not leave stale.
    const columns = Array.from({ length: 40 }, (_, i) => `c${i} INT`).join(', ');
    const script = [`CREATE TABLE t (${columns});`, 'ALTER TABLE t DROP COLUMN c1;', 'ALTER TABLE t RENAME COLUMN c2 TO z;', 'ALTER TABLE t DROP COLUMN z;', 'ALTER TABLE t DROP COLUMN C39;'];
    const model = buildSqliteModel(script.join('\n'), FILE);
    const kept = ['c0', ...Array.from({ length: 36 }, (_, i) => `c${i + 3}`)];
    expect(findTable(model, { name: 't' })?.columns.map((c) => c.name)).toEqual(kept);
  });

  it('applies a follow-up script to a base model', () => {
    const base = buildSqliteModel('CREATE TABLE t (a INT);', 'schema.sqlite.sql');
    const model = buildSqliteModel('ALTER TABLE t ADD c INT;\nCREATE INDEX ix ON t (c);', 'updates.sqlite.sql', base);
    expect(model).toBe(base);
    expect(findTable(model, { name: 't' })?.columns.map((c) => [c.name, c.ref.file])).toEqual([
      ['a', 'schema.sqlite.sql'],
      ['c', 'updates.sqlite.sql'],
    ]);
  });

  it('drops tables with their indexes and triggers', () => {
    const model = buildSqliteModel(
      'CREATE TABLE t (a INT);\nCREATE INDEX ix ON t (a);\nCREATE TABLE u (b INT);\nDROP TABLE IF EXISTS t;\nDROP INDEX IF EXISTS nothing;',
      FILE,
    );
    expect(model.objects.map((o) => o.kind)).toEqual(['table']);
  });
});

describe('buildSqliteModel: input that is not SQLite', () => {
  it('never throws, and skips what it cannot read', () => {
    const inputs = [
      '',
      'CREATE TABLE',
      'CREATE TABLE t (',
      "CREATE TABLE t (a INT DEFAULT 'x",
      'GO\nIF OBJECT_ID(N\'t\') IS NULL CREATE TABLE dbo.t (a INT IDENTITY(1,1) PRIMARY KEY)\nGO',
      'ALTER TABLE missing ADD COLUMN x INT;',
      'CREATE INDEX ON;',
      'INSERT INTO t VALUES (1, (2;',
      ')))(((',
    ];
    for (const input of inputs) expect(() => buildSqliteModel(input, FILE)).not.toThrow();
  });

  it('reads T-SQL IDENTITY in a SQLite file as the type, not part of it', () => {
    const t = table('CREATE TABLE t (a INT IDENTITY(1,1) PRIMARY KEY, b TEXT);');
    expect(t.columns[0].type).toEqual({ name: 'INT', args: [] });
    expect(t.columns[0].identity).toBeUndefined();
    expect(t.primaryKey?.columns[0].name).toBe('a');
  });
});

describe('buildSqliteModel: hostile input', () => {
  const pieces = [
    'CREATE', 'TABLE', 'INDEX', 'UNIQUE', 'VIEW', 'TRIGGER', 'ALTER', 'ADD', 'COLUMN', 'RENAME', 'TO', 'DROP', 'INSERT', 'INTO', 'VALUES',
    'IF', 'NOT', 'EXISTS', 'PRIMARY', 'KEY', 'REFERENCES', 'ON', 'DELETE', 'SET', 'NULL', 'DEFAULT', 'CHECK', 'CONSTRAINT', 'FOREIGN',
    'GENERATED', 'ALWAYS', 'AS', 'WHERE', 'COLLATE', 'WITHOUT', 'ROWID', 'BEGIN', 'END', 'AUTOINCREMENT', 'INTEGER', 't', '"q"', '[b]',
    '`c`', "'s'", '1', '-', '(', ')', ',', ';', '.', '--x\n', '/*', '*/', 'GO\n', '\n',
  ];
  it('never throws on any sequence of DDL pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        const model = buildSqliteModel(text, FILE);
        buildSqliteModel(text, FILE, model);
      }),
      { numRuns: 3000 },
    );
  });
});
