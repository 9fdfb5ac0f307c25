import { readFileSync } from 'node:fs';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { lintSource } from '../../src/engine/linter.js';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import { buildTableList, createModelSink, FULL_MODEL_LIMIT, LintPassModel } from '../../src/model/model-sink.js';
import { tablesOf, type SchemaModel } from '../../src/model/schema.js';
import type { Dialect } from '../../src/sql/dialect.js';
import { splitStatements } from '../../src/sql/splitter.js';

/** The model the lint pass builds on the side, with every rule of the dialect running. */
function lintPassModel(text: string, dialect: Dialect, filePath: string): SchemaModel | undefined {
  let built: LintPassModel | undefined;
  lintSource(text, {
    filePath,
    dialect,
    dialectSource: 'test',
    rules: allRules.filter((rule) => rule.meta.dialects.includes(dialect) && !rule.prepare).map((rule) => ({ rule, severity: 2, options: [] })),
    settings: { sqlserverVersion: '2019' },
    observe: (source) => (built = new LintPassModel(dialect, text, filePath, source)),
  });
  return built?.model;
}

const files = globSync('fixtures/**/*.sql', { posix: true }).sort();

describe('the schema model built in the lint pass', () => {
  it('finds fixture files to compare', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  // Both readings of every fixture: parity reads a file as the other dialect too.
  for (const file of files) {
    for (const dialect of ['tsql', 'sqlite'] as const) {
      it(`equals the standalone ${dialect} model of ${file}`, () => {
        const text = readFileSync(file, 'utf8');
        const standalone = dialect === 'tsql' ? buildTsqlModel(text, file) : buildSqliteModel(text, file);
        expect(lintPassModel(text, dialect, file)).toEqual(standalone);
      });
    }
  }

  it('comes from the same statements: a table, its comment and an ALTER that changes it', () => {
    const text = '-- Who may sign in.\nCREATE TABLE dbo.users (id INT NOT NULL);\nGO\nALTER TABLE dbo.users ADD email NVARCHAR(200) NULL;\n';
    const model = lintPassModel(text, 'tsql', 'users.sql');
    expect(model?.objects).toHaveLength(1);
    expect(model?.objects[0]).toMatchObject({ kind: 'table', comments: ['-- Who may sign in.'], columns: [{ name: 'id' }, { name: 'email' }] });
  });

  /** What a table list must keep of a model: each table's name and position, in order. */
  const tables = (model: SchemaModel) => tablesOf(model).map((table) => ({ name: table.name, ref: table.ref }));

  for (const file of files) {
    for (const dialect of ['tsql', 'sqlite'] as const) {
      it(`keeps the ${dialect} tables of ${file} in the table list a big file gets`, () => {
        const text = readFileSync(file, 'utf8');
        const full = dialect === 'tsql' ? buildTsqlModel(text, file) : buildSqliteModel(text, file);
        expect(tables(buildTableList(dialect, text, file))).toEqual(tables(full));
      });
    }
  }

  it('keeps no details in a table list: no columns, keys, comments, indexes, views or rows', () => {
    const text = [
      '-- People.',
      'CREATE TABLE people (id INT NOT NULL PRIMARY KEY, name NVARCHAR(50) NOT NULL UNIQUE, CHECK (id > 0), INDEX ix_people_id (id));',
      'CREATE INDEX ix_people_name ON people (name) INCLUDE (id) WHERE name IS NOT NULL;',
      "INSERT INTO people (id, name) VALUES (1, N'Ada');",
      'GO',
      'CREATE VIEW v_people AS SELECT id FROM people;',
      'GO',
      'CREATE TABLE pets (id INT NOT NULL);',
      'DROP TABLE pets;',
      'CREATE TABLE places (id INT NOT NULL);',
      '',
    ].join('\n');
    const full = buildTsqlModel(text, 'people.sql');
    expect(full.objects.map((object) => object.kind)).toEqual(['table', 'index', 'index', 'insert', 'view', 'table']);
    const list = buildTableList('tsql', text, 'people.sql');
    expect(list.objects).toEqual([
      { kind: 'table', name: { name: 'people' }, columns: [], uniques: [], foreignKeys: [], checks: [], guarded: false, comments: [], ref: { file: 'people.sql', line: 2, column: 1, offset: 11 } },
      { kind: 'table', name: { name: 'places' }, columns: [], uniques: [], foreignKeys: [], checks: [], guarded: false, comments: [], ref: { file: 'people.sql', line: 10, column: 1, offset: expect.any(Number) } },
    ]);
  });

  it('keeps what a SQLite table list needs without reading any column: WITHOUT ROWID, STRICT, and a later ALTER', () => {
    const text = [
      'CREATE TABLE IF NOT EXISTS tags (id INTEGER NOT NULL PRIMARY KEY, label TEXT UNIQUE) WITHOUT ROWID, STRICT;',
      'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, FOREIGN KEY (id) REFERENCES tags (id));',
      'CREATE TABLE IF NOT EXISTS tags (other INTEGER);',
      'ALTER TABLE notes ADD COLUMN created TEXT;',
      '',
    ].join('\n');
    const list = buildTableList('sqlite', text, 'notes.sqlite.sql');
    const empty = { columns: [], uniques: [], foreignKeys: [], checks: [], comments: [] };
    expect(list.objects).toEqual([
      { kind: 'table', name: { name: 'tags' }, ...empty, guarded: true, withoutRowid: true, strict: true, ref: { file: 'notes.sqlite.sql', line: 1, column: 1, offset: 0 } },
      {
        kind: 'table',
        name: { name: 'notes' },
        ...empty,
        // A column a later statement adds to an earlier table is kept, as it always was.
        columns: [expect.objectContaining({ name: 'created' })],
        guarded: false,
        ref: { file: 'notes.sqlite.sql', line: 2, column: 1, offset: expect.any(Number) },
      },
    ]);
  });

  it('keeps the full model up to the size limit and only the table list above it', () => {
    const table = 'CREATE TABLE t (id INT NOT NULL);\n';
    expect(new LintPassModel('tsql', table, 't.sql').complete).toBe(true);
    expect(new LintPassModel('tsql', table.repeat(Math.ceil((FULL_MODEL_LIMIT + 1) / table.length)), 't.sql').complete).toBe(false);
  });
});

describe('the T-SQL table list of a big file', () => {
  /** The table list as built before tables-only sinks skipped details: a full model whose new tables are emptied after each statement. */
  function strippedFullModel(text: string, file = 'big.sql'): SchemaModel {
    const sink = createModelSink('tsql', text, file);
    let stripped = 0;
    for (const statement of splitStatements(text, 'tsql')) {
      sink.statement(statement);
      const objects = sink.model.objects;
      for (let i = Math.min(stripped, objects.length); i < objects.length; i++) {
        const table = objects[i];
        if (table.kind !== 'table') continue;
        Object.assign(table, { columns: [], uniques: [], foreignKeys: [], checks: [], comments: [] });
        delete table.primaryKey;
      }
      stripped = objects.length;
    }
    return sink.model;
  }

  it('equals the emptied full model, also where a table replaces one in place and keeps its details', () => {
    const text = [
      'CREATE TABLE t (a INT PRIMARY KEY, b INT);',
      'CREATE TABLE u (x INT);',
      'CREATE TABLE t (c INT NOT NULL, CONSTRAINT CK_t CHECK (c > 0), CONSTRAINT FK_t FOREIGN KEY (c) REFERENCES u (x));',
      "IF OBJECT_ID(N'u') IS NULL CREATE TABLE u (y INT);",
      'ALTER TABLE u ADD z INT;',
      'DROP TABLE u;',
      'CREATE TABLE u (w INT UNIQUE);',
      'CREATE TABLE [Ünïcode] (n INT);',
      'CREATE TABLE [Ünïcode] (m INT);',
    ].join('\n');
    const list = buildTableList('tsql', text, 'big.sql');
    const reference = tablesOf(strippedFullModel(text));
    expect(tablesOf(list)).toEqual(reference);
    expect(tablesOf(list).map((table) => Object.keys(table))).toEqual(reference.map((table) => Object.keys(table)));
    expect(tablesOf(list).find((table) => table.name.name === 't')?.columns.map((column) => column.name)).toEqual(['c']);
  });

  for (const file of files) {
    it(`equals the emptied full model for ${file}`, () => {
      const text = readFileSync(file, 'utf8');
      expect(tablesOf(buildTableList('tsql', text, file))).toEqual(tablesOf(strippedFullModel(text, file)));
    });
  }
});
