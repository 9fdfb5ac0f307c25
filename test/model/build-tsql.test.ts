import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import { findTable } from '../../src/model/find-table.js';
import { indexesOf, tablesOf, type RoutineModel, type ViewModel } from '../../src/model/schema.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/syntax/tsql/valid/${name}`, import.meta.url), 'utf8');

describe('buildTsqlModel: CREATE TABLE', () => {
  it('reads columns with types, identity, nullability, defaults, collation and computed columns', () => {
    const model = buildTsqlModel(
      [
        'CREATE TABLE [dbo].[Person] (',
        '  [Id] INT IDENTITY(10, -2) NOT NULL,',
        '  Name NVARCHAR(100) COLLATE Latin1_General_CI_AS NULL,',
        '  Born DATE CONSTRAINT DF_Person_Born DEFAULT (GETDATE()),',
        '  Score DECIMAL(9, 2) DEFAULT -1 NOT NULL,',
        '  Bio NVARCHAR(MAX),',
        '  Ratio DOUBLE PRECISION,',
        '  Twice AS (Score * 2) PERSISTED,',
        '  Label AS UPPER(Name)',
        ')',
      ].join('\n'),
      'schema.sql',
    );
    const table = tablesOf(model)[0];
    expect(table.name).toEqual({ schema: 'dbo', name: 'Person' });
    expect(table.ref).toEqual({ file: 'schema.sql', line: 1, column: 1, offset: 0 });
    const [id, name, born, score, bio, ratio, twice, label] = table.columns;
    expect(id).toMatchObject({ name: 'Id', type: { name: 'INT', args: [] }, identity: { seed: '10', increment: '-2' }, nullable: false });
    expect(id.ref).toMatchObject({ line: 2, column: 3 });
    expect(name).toMatchObject({ type: { name: 'NVARCHAR', args: ['100'] }, collation: 'Latin1_General_CI_AS', nullable: true });
    expect(born).toMatchObject({ default: '(GETDATE())', nullable: true });
    expect(score).toMatchObject({ type: { name: 'DECIMAL', args: ['9', '2'] }, default: '-1', nullable: false });
    expect(bio.type).toEqual({ name: 'NVARCHAR', args: ['MAX'] });
    expect(ratio.type).toEqual({ name: 'DOUBLE PRECISION', args: [] });
    expect(twice).toMatchObject({ computed: { expression: '(Score * 2)', persisted: true } });
    expect(twice.type).toBeUndefined();
    expect(label).toMatchObject({ computed: { expression: 'UPPER(Name)', persisted: false } });
    expect(label.ref).toMatchObject({ line: 9, column: 3 });
  });

  it('reads column-level keys, references and checks', () => {
    const model = buildTsqlModel(
      [
        'CREATE TABLE t (',
        '  id INT PRIMARY KEY NONCLUSTERED,',
        '  code CHAR(3) UNIQUE,',
        '  parent INT NULL REFERENCES dbo.t (id) ON DELETE NO ACTION,',
        '  owner INT CONSTRAINT FK_owner FOREIGN KEY REFERENCES people(id) ON DELETE SET NULL ON UPDATE CASCADE,',
        '  qty INT CHECK (qty > 0)',
        ')',
      ].join('\n'),
      'a.sql',
    );
    const table = tablesOf(model)[0];
    expect(table.primaryKey).toMatchObject({ columns: [{ name: 'id', descending: false }], clustered: false });
    expect(table.primaryKey?.ref).toMatchObject({ line: 2, column: 10 });
    expect(table.columns[0].nullable).toBe(false);
    expect(table.uniques).toMatchObject([{ columns: [{ name: 'code' }] }]);
    expect(table.foreignKeys).toMatchObject([
      { columns: ['parent'], references: { schema: 'dbo', name: 't' }, referencedColumns: ['id'], onDelete: 'NO ACTION' },
      { name: 'FK_owner', columns: ['owner'], references: { name: 'people' }, onDelete: 'SET NULL', onUpdate: 'CASCADE' },
    ]);
    expect(table.foreignKeys[1].ref).toMatchObject({ line: 5, column: 13 });
    expect(table.checks).toMatchObject([{ expression: 'qty > 0' }]);
  });

  it('reads table constraints with CLUSTERED, ASC/DESC, WITH options and ON filegroup', () => {
    const model = buildTsqlModel(
      [
        'CREATE TABLE [sales].[Order] (',
        '  OrderId INT NOT NULL, LineNum INT NOT NULL, CustomerId INT, Total MONEY,',
        '  CONSTRAINT [PK_Order] PRIMARY KEY CLUSTERED (OrderId ASC, LineNum DESC) WITH (PAD_INDEX = OFF, FILLFACTOR = 90) ON [PRIMARY],',
        '  CONSTRAINT UQ_x UNIQUE (CustomerId),',
        '  CONSTRAINT FK_Order_Customer FOREIGN KEY (CustomerId) REFERENCES sales.Customer (Id) ON DELETE CASCADE,',
        '  CONSTRAINT CK_Total CHECK (Total >= 0 AND Total < 1000000),',
        '  INDEX IX_Order_Customer NONCLUSTERED (CustomerId DESC),',
        ') ON [PRIMARY] TEXTIMAGE_ON [PRIMARY] WITH (DATA_COMPRESSION = PAGE)',
      ].join('\n'),
      'b.sql',
    );
    const table = findTable(model, { name: 'order' })!;
    expect(table.name).toEqual({ schema: 'sales', name: 'Order' });
    expect(table.primaryKey).toMatchObject({
      name: 'PK_Order',
      clustered: true,
      columns: [
        { name: 'OrderId', descending: false },
        { name: 'LineNum', descending: true },
      ],
    });
    expect(table.uniques[0]).toMatchObject({ name: 'UQ_x', columns: [{ name: 'CustomerId' }] });
    expect(table.foreignKeys[0]).toMatchObject({ name: 'FK_Order_Customer', references: { schema: 'sales', name: 'Customer' }, onDelete: 'CASCADE' });
    expect(table.checks[0]).toMatchObject({ name: 'CK_Total', expression: 'Total >= 0 AND Total < 1000000' });
    expect(indexesOf(model)).toMatchObject([
      { name: 'IX_Order_Customer', table: { schema: 'sales', name: 'Order' }, clustered: false, columns: [{ name: 'CustomerId', descending: true }] },
    ]);
  });
});

describe('buildTsqlModel: the rest of a schema file', () => {
  it('reads an SSMS "Generate Scripts" file, applying ALTER TABLE defaults, keys and checks to their tables', () => {
    const model = buildTsqlModel(fixture('ssms-generate-scripts.sql'), 'ssms.sql');
    expect(model.objects.map((o) => `${o.kind} ${'name' in o && typeof o.name === 'object' ? o.name.name : (o as { name: string }).name}`)).toEqual([
      'table Warehouse',
      'table StockItem',
      'index IX_StockItem_Sku',
      'view vActiveStock',
      'procedure usp_AdjustStock',
      'trigger trg_StockItem_NoNegative',
    ]);
    const warehouse = findTable(model, { schema: 'dbo', name: 'Warehouse' })!;
    expect(warehouse.columns.find((c) => c.name === 'IsActive')?.default).toBe('((1))');
    expect(warehouse.columns.find((c) => c.name === 'CreatedAt')?.default).toBe('(sysutcdatetime())');
    expect(warehouse.uniques[0]).toMatchObject({ name: 'UQ_Warehouse_Code', clustered: false });
    const stock = findTable(model, { name: 'StockItem' })!;
    expect(stock.foreignKeys[0]).toMatchObject({ name: 'FK_StockItem_Warehouse', onDelete: 'CASCADE', onUpdate: 'CASCADE' });
    expect(stock.foreignKeys[0].ref).toMatchObject({ line: 64, column: 48 });
    expect(stock.checks[0].expression).toBe('([Quantity]>=(0) AND [Quantity]<=(1000000))');
    expect(stock.columns.find((c) => c.name === 'LineTotal')?.computed).toEqual({ expression: '([Quantity]*[UnitPrice])', persisted: true });
    const index = indexesOf(model)[0];
    expect(index).toMatchObject({ unique: true, clustered: false, include: ['Quantity'], where: '([Quantity]>(0))' });
    expect(index.ref).toMatchObject({ line: 49, column: 1 });
    const view = model.objects[3] as ViewModel;
    expect(view.query.startsWith('SELECT s.[Sku]')).toBe(true);
    expect(view.query.endsWith('GROUP BY s.[Sku], w.[Name]')).toBe(true);
    const trigger = model.objects[5] as RoutineModel;
    expect(trigger.table).toEqual({ schema: 'dbo', name: 'StockItem' });
    expect(trigger.text.startsWith('CREATE TRIGGER')).toBe(true);
    expect(trigger.text.endsWith('\tEND\nEND')).toBe(true);
  });

  it('marks statements under IF OBJECT_ID(...) IS NULL and IF NOT EXISTS guards, with or without BEGIN ... END', () => {
    const model = buildTsqlModel(
      [
        "IF OBJECT_ID(N'dbo.a', N'U') IS NULL",
        'BEGIN',
        '  CREATE TABLE dbo.a (id INT)',
        '  CREATE INDEX ix_a ON dbo.a (id)',
        'END',
        'CREATE TABLE b (id INT)',
        "IF NOT EXISTS (SELECT 1 FROM sys.tables WHERE name = 'c') CREATE TABLE c (id INT)",
        "IF OBJECT_ID('d') IS NOT NULL DROP TABLE d",
        'CREATE TABLE d (id INT)',
        "IF (OBJECT_ID('e') IS NULL) CREATE TABLE e (id INT)",
      ].join('\n'),
      'g.sql',
    );
    expect(model.objects.map((o) => [o.kind, 'guarded' in o ? o.guarded : undefined])).toEqual([
      ['table', true],
      ['index', true],
      ['table', false],
      ['table', true],
      ['table', false],
      ['table', true],
    ]);
  });

  it('applies ALTER TABLE ADD of several columns and constraints to the table defined earlier', () => {
    const model = buildTsqlModel(
      [
        'CREATE TABLE t (id INT NOT NULL)',
        'GO',
        'ALTER TABLE t ADD note NVARCHAR(200) NULL, flag BIT NOT NULL CONSTRAINT DF_t_flag DEFAULT 0',
        'ALTER TABLE dbo.t ADD CONSTRAINT PK_t PRIMARY KEY (id), CONSTRAINT CK_t CHECK (id > 0)',
        "ALTER TABLE t ADD CONSTRAINT DF_note DEFAULT N'' FOR note",
        'ALTER TABLE missing ADD x INT',
      ].join('\n'),
      'alter.sql',
    );
    const table = tablesOf(model)[0];
    expect(table.columns.map((c) => [c.name, c.nullable, c.default])).toEqual([
      ['id', false, undefined],
      ['note', true, "N''"],
      ['flag', false, '0'],
    ]);
    expect(table.columns[1].ref).toMatchObject({ line: 3, column: 19 });
    expect(table.primaryKey).toMatchObject({ name: 'PK_t', columns: [{ name: 'id' }] });
    expect(table.checks).toMatchObject([{ name: 'CK_t', expression: 'id > 0' }]);
    expect(tablesOf(model)).toHaveLength(1);
  });

  it('applies ALTER COLUMN and DROP COLUMN / CONSTRAINT to the table', () => {
    const model = buildTsqlModel(
      [
        'CREATE TABLE t (id INT NOT NULL CONSTRAINT PK_t PRIMARY KEY, a VARCHAR(10) NOT NULL, b INT, c INT CONSTRAINT CK_c CHECK (c > 0), CONSTRAINT UQ_b UNIQUE (b))',
        'ALTER TABLE t ALTER COLUMN a NVARCHAR(50) COLLATE Latin1_General_CI_AS',
        'ALTER TABLE t ALTER COLUMN b BIGINT NOT NULL',
        'ALTER TABLE t DROP CONSTRAINT CK_c, UQ_b, COLUMN c',
      ].join('\n'),
      'alter-column.sql',
    );
    const table = tablesOf(model)[0];
    expect(table.columns.map((c) => [c.name, c.type, c.nullable])).toEqual([
      ['id', { name: 'INT', args: [] }, false],
      ['a', { name: 'NVARCHAR', args: ['50'] }, true],
      ['b', { name: 'BIGINT', args: [] }, false],
    ]);
    expect(table.columns[1].collation).toBe('Latin1_General_CI_AS');
    expect(table.checks).toEqual([]);
    expect(table.uniques).toEqual([]);
    expect(table.primaryKey?.name).toBe('PK_t');
  });

  it('leaves what a routine body creates out of the schema', () => {
    const model = buildTsqlModel(
      'CREATE PROCEDURE p AS\nCREATE TABLE inner_t (a INT)\nINSERT INTO inner_t VALUES (1)\nGO\nCREATE TABLE kept (a INT)',
      'routine.sql',
    );
    expect(model.objects.map((o) => o.kind)).toEqual(['procedure', 'table']);
    expect(tablesOf(model)[0].name.name).toBe('kept');
  });

  it('extends a model given as `into` (a follow-up script)', () => {
    const base = buildTsqlModel('CREATE TABLE t (id INT)', 'base.sql');
    const model = buildTsqlModel('ALTER TABLE t ADD extra INT', 'update.sql', base);
    expect(model).toBe(base);
    expect(tablesOf(model)[0].columns.map((c) => [c.name, c.ref.file])).toEqual([
      ['id', 'base.sql'],
      ['extra', 'update.sql'],
    ]);
  });

  it('drops and re-creates objects: the last definition wins, in its own position', () => {
    const model = buildTsqlModel(
      [
        'CREATE TABLE a (x INT)',
        'CREATE TABLE b (y INT)',
        'CREATE INDEX ix ON b (y)',
        'DROP TABLE IF EXISTS [dbo].[a]',
        'CREATE TABLE a (x BIGINT)',
        'DROP INDEX ix ON b',
      ].join('\n'),
      'd.sql',
    );
    expect(model.objects.map((o) => o.kind + ' ' + ('name' in o && typeof o.name === 'object' ? o.name.name : ''))).toEqual(['table b', 'table a']);
    expect(tablesOf(model)[1].columns[0].type?.name).toBe('BIGINT');
  });

  it('keeps INSERT ... VALUES seed rows as source text', () => {
    const model = buildTsqlModel(
      "INSERT INTO [dbo].[Role] ([Id], [Name]) VALUES (1, N'Admin'), (2, 'User''s'), (3, NULL)\nINSERT Role VALUES (4, CONCAT('a', 'b'))\nINSERT INTO Role SELECT 5, 'x'",
      'seed.sql',
    );
    expect(model.objects).toMatchObject([
      { kind: 'insert', table: { schema: 'dbo', name: 'Role' }, columns: ['Id', 'Name'], rows: [["1", "N'Admin'"], ['2', "'User''s'"], ['3', 'NULL']] },
      { kind: 'insert', table: { name: 'Role' }, columns: [], rows: [["4", "CONCAT('a', 'b')"]], ref: { line: 2, column: 1 } },
    ]);
  });

  it('keeps procedures, functions and triggers as routines with their whole text', () => {
    const text = [
      'CREATE OR ALTER FUNCTION dbo.Add1 (@x INT) RETURNS INT',
      'AS',
      'BEGIN',
      '  RETURN @x + 1',
      'END',
      'GO',
      'CREATE PROC p AS SELECT 1',
      'GO',
    ].join('\n');
    const model = buildTsqlModel(text, 'r.sql');
    expect(model.objects).toMatchObject([
      { kind: 'function', name: { schema: 'dbo', name: 'Add1' }, text: text.split('\nGO')[0] },
      { kind: 'procedure', name: { name: 'p' }, text: 'CREATE PROC p AS SELECT 1', ref: { line: 7, column: 1 } },
    ]);
  });

  it('keeps comments above a table and above or after a column, as written', () => {
    const model = buildTsqlModel(
      [
        '-- header of the file',
        '',
        '-- People we know',
        '/* one row each */',
        'CREATE TABLE p ( -- on the table line',
        '  id INT, -- the key',
        '  -- full name',
        '  name NVARCHAR(50) /* inline */ NOT NULL',
        ')',
        '-- Guarded one',
        "IF OBJECT_ID('q') IS NULL",
        '  CREATE TABLE q (id INT)',
      ].join('\n'),
      'c.sql',
    );
    const [p, q] = tablesOf(model);
    expect(p.comments).toEqual(['-- People we know', '/* one row each */']);
    expect(p.columns[0].comments).toEqual(['-- the key']);
    expect(p.columns[1].comments).toEqual(['-- full name', '/* inline */']);
    expect(q.comments).toEqual(['-- Guarded one']);
  });

  it("gives the comments above a guard block's IF to its first object only, and each later object its own", () => {
    const model = buildTsqlModel(
      [
        '-- Guarded block',
        "IF OBJECT_ID('a') IS NULL",
        'BEGIN',
        '  -- table a',
        '  CREATE TABLE a (id INT)',
        '  -- table b',
        '  CREATE TABLE b (id INT)',
        '',
        '  CREATE TABLE c (id INT)',
        '  -- index on c',
        '  CREATE INDEX ix_c ON c (id)',
        'END',
      ].join('\n'),
      'g.sql',
    );
    expect(model.objects.map((o) => [o.kind === 'index' ? o.name : o.kind === 'insert' ? o.table.name : o.name.name, o.comments])).toEqual([
      ['a', ['-- Guarded block', '-- table a']],
      ['b', ['-- table b']],
      ['c', []],
      ['ix_c', ['-- index on c']],
    ]);
  });

  it('reads each comment of a guard block once, however many statements the block holds', () => {
    // Counted, not timed: every statement searching from the IF read all the comments before it.
    const commentsRead = (tables: number): number => {
      const lines = ["IF OBJECT_ID('t0') IS NULL", 'BEGIN'];
      for (let i = 0; i < tables; i++) lines.push(`  -- table ${i}`, `  CREATE TABLE t${i} (id INT)`);
      lines.push('END');
      const model = buildTsqlModel(lines.join('\n'), 'g.sql');
      return model.objects.reduce((sum, object) => sum + object.comments.length, 0);
    };
    expect(commentsRead(100)).toBe(100);
    expect(commentsRead(800)).toBe(800);
  });

  it('keeps a table and an index whose expressions nest 2,000 deep, with their text', () => {
    const deep = (open: string, inner: string, close: string) => open.repeat(2_000) + inner + close.repeat(2_000);
    const check = deep('CASE WHEN a > 0 THEN ', '1', ' ELSE 0 END');
    const fallback = deep('ISNULL(', 'NULL', ', 0)');
    const where = deep('(', 'a > 0', ')');
    const model = buildTsqlModel(
      `CREATE TABLE t (a INT NULL DEFAULT ${fallback} CHECK ((${check}) = 1));\nGO\nCREATE INDEX ix ON t (a) WHERE ${where};\n`,
      'deep.sql',
    );
    const [table] = tablesOf(model);
    expect(table.columns[0].default).toBe(fallback);
    expect(table.checks.map((c) => c.expression)).toEqual([`(${check}) = 1`]);
    expect(indexesOf(model).map((index) => [index.name, index.where])).toEqual([['ix', where]]);
  });

  it('skips statements it cannot parse and never throws on bad input', () => {
    const inputs = ['CREATE TABLE', 'CREATE TABLE t (a INT', 'ALTER TABLE', "INSERT INTO t VALUES (1, 'x'", ')))(((', '\u0000\uFFFF[', 'IF BEGIN END END'];
    for (const input of inputs) expect(() => buildTsqlModel(input, 'bad.sql')).not.toThrow();
    const model = buildTsqlModel('CREATE TABLE a (x INT y INT)\nCREATE TABLE b (z INT)', 'bad.sql');
    expect(tablesOf(model).map((t) => t.name.name)).toEqual(['b']);
  });
});

describe('buildTsqlModel: optional keys', () => {
  it('writes optional keys only when present, in a fixed order', () => {
    const model = buildTsqlModel(
      [
        'CREATE TABLE p (id INT PRIMARY KEY NONCLUSTERED, code INT CONSTRAINT UQ_code UNIQUE);',
        'CREATE TABLE c (',
        '  id INT, p_id INT,',
        '  CONSTRAINT FK_c_p FOREIGN KEY (p_id) REFERENCES p (id) ON UPDATE NO ACTION ON DELETE CASCADE,',
        '  FOREIGN KEY (id) REFERENCES p (id),',
        '  CONSTRAINT CK_c CHECK (id > 0), CHECK (p_id > 0),',
        '  INDEX IX_c_p (p_id) WHERE p_id > 0',
        ');',
        'CREATE CLUSTERED INDEX IX_c_id ON c (id DESC);',
      ].join('\n'),
      'keys.sql',
    );
    const [parent, child] = tablesOf(model);
    expect(Object.keys(parent.primaryKey!)).toEqual(['columns', 'ref', 'clustered']);
    expect(Object.keys(parent.uniques[0])).toEqual(['columns', 'ref', 'name']);
    expect(Object.keys(child.foreignKeys[0])).toEqual(['name', 'columns', 'references', 'referencedColumns', 'onDelete', 'onUpdate', 'ref']);
    expect(Object.keys(child.foreignKeys[1])).toEqual(['columns', 'references', 'referencedColumns', 'ref']);
    expect(child.checks.map((check) => Object.keys(check))).toEqual([['name', 'expression', 'ref'], ['expression', 'ref']]);
    const [inline, created] = indexesOf(model);
    expect(Object.keys(inline)).toEqual(['kind', 'name', 'table', 'unique', 'columns', 'include', 'where', 'guarded', 'comments', 'ref']);
    expect(Object.keys(created)).toEqual(['kind', 'name', 'table', 'unique', 'columns', 'include', 'clustered', 'guarded', 'comments', 'ref']);
    expect(created).toMatchObject({ name: 'IX_c_id', table: { name: 'c' }, clustered: true, columns: [{ name: 'id', descending: true }] });
  });
});
