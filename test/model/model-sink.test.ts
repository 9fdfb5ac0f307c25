import { readFileSync } from 'node:fs';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { lintSource } from '../../src/engine/linter.js';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import { LintPassModel } from '../../src/model/model-sink.js';
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
});
