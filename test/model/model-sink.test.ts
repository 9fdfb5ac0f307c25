import { readFileSync } from 'node:fs';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { lintSource } from '../../src/engine/linter.js';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import { buildObjectList, FULL_MODEL_LIMIT, LintPassModel } from '../../src/model/model-sink.js';
import type { SchemaModel } from '../../src/model/schema.js';
import type { Dialect } from '../../src/sql/dialect.js';

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

  /** What an object list must keep of a model: each object's kind, name and position, in order. */
  const outline = (model: SchemaModel) =>
    model.objects.map((object) => ({ kind: object.kind, name: 'name' in object ? object.name : object.table, ref: object.ref }));

  for (const file of files) {
    for (const dialect of ['tsql', 'sqlite'] as const) {
      it(`keeps the ${dialect} objects of ${file} in the object list a big file gets`, () => {
        const text = readFileSync(file, 'utf8');
        const full = dialect === 'tsql' ? buildTsqlModel(text, file) : buildSqliteModel(text, file);
        expect(outline(buildObjectList(dialect, text, file))).toEqual(outline(full));
      });
    }
  }

  it('drops the details of an object list: columns, keys, rows, comments, bodies', () => {
    const text = [
      '-- People.',
      'CREATE TABLE people (id INT NOT NULL PRIMARY KEY, name NVARCHAR(50) NOT NULL UNIQUE, CHECK (id > 0));',
      'CREATE INDEX ix_people_name ON people (name) INCLUDE (id) WHERE name IS NOT NULL;',
      "INSERT INTO people (id, name) VALUES (1, N'Ada');",
      'GO',
      'CREATE VIEW v_people AS SELECT id FROM people;',
      'GO',
      'ALTER TABLE people ADD born DATE NULL;',
      '',
    ].join('\n');
    const list = buildObjectList('tsql', text, 'people.sql');
    expect(list.objects.map((object) => object.kind)).toEqual(['table', 'index', 'insert', 'view']);
    expect(list.objects[0]).toMatchObject({ columns: [{ name: 'born' }], uniques: [], checks: [], comments: [] });
    expect(list.objects[0]).not.toHaveProperty('primaryKey');
    expect(list.objects[1]).toMatchObject({ columns: [], include: [] });
    expect(list.objects[1]).not.toHaveProperty('where');
    expect(list.objects[2]).toMatchObject({ columns: [], rows: [] });
    expect(list.objects[3]).toMatchObject({ query: '' });
  });

  it('keeps the full model up to the size limit and only the object list above it', () => {
    const table = 'CREATE TABLE t (id INT NOT NULL);\n';
    expect(new LintPassModel('tsql', table, 't.sql').complete).toBe(true);
    expect(new LintPassModel('tsql', table.repeat(Math.ceil((FULL_MODEL_LIMIT + 1) / table.length)), 't.sql').complete).toBe(false);
  });
});
