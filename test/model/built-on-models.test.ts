import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import type * as Schema from '../../src/model/schema.js';
import type { SchemaModel } from '../../src/model/schema.js';

// Counts the names the model's index files (every name it adds asks isPlainName first): a builder
// that indexes the whole model again for each script it adds files every object once per script.
const counts = vi.hoisted(() => ({ names: 0 }));
vi.mock('../../src/model/schema.js', async (importOriginal) => {
  const { countingModule } = await import('../support/counting-module.js');
  return countingModule(await importOriginal<typeof Schema>(), ['isPlainName'], () => counts.names++);
});

type Dialect = 'tsql' | 'sqlite';
const build = (dialect: Dialect, text: string, file: string, into: SchemaModel) =>
  dialect === 'tsql' ? buildTsqlModel(text, file, into) : buildSqliteModel(text, file, into);

/** Builds `scripts` one after another into one model; `afresh`: as before, each script indexing the model from its array. */
function buildOn(scripts: readonly { dialect: Dialect; text: string }[], afresh: boolean): SchemaModel {
  const model: SchemaModel = { dialect: scripts[0]?.dialect ?? 'tsql', objects: [] };
  scripts.forEach((script, i) => {
    // A copy of the array is a model the kept objects no longer match: the builder starts from the array.
    if (afresh) model.objects = [...model.objects];
    build(script.dialect, script.text, `script_${i}.sql`, model);
  });
  return model;
}

/** Name lookups per follow-up script: a base script of `tables` tables, then one script per table that adds a column to it. */
function namesPerScript(tables: number): number {
  const base = Array.from({ length: tables }, (_, i) => `CREATE TABLE t${i} (id INT NOT NULL PRIMARY KEY);`).join('\n');
  const scripts = [{ dialect: 'tsql' as const, text: base }, ...Array.from({ length: tables }, (_, i) => ({ dialect: 'tsql' as const, text: `ALTER TABLE t${i} ADD c INT NULL;` }))];
  counts.names = 0;
  const model = buildOn(scripts, false);
  expect(model.objects.filter((object) => object.kind === 'table' && object.columns.length === 2)).toHaveLength(tables);
  return counts.names / tables;
}

const NAMES = ['a', 'A', 'b', 'таблица', 'ТАБЛИЦА'];
const statement = fc.oneof(
  fc.constantFrom(...NAMES).map((name) => `CREATE TABLE ${name} (id INT NOT NULL);`),
  fc.constantFrom(...NAMES).map((name) => `ALTER TABLE ${name} ADD extra INT NULL;`),
  fc.constantFrom(...NAMES).map((name) => `DROP TABLE ${name};`),
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES)).map(([name, table]) => `CREATE INDEX ix_${name} ON ${table} (id);`),
  fc.constantFrom(...NAMES).map((name) => `DROP INDEX ix_${name};`),
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES)).map(([from, to]) => `ALTER TABLE ${from} RENAME TO ${to};`),
);
const script = fc.record({ dialect: fc.constantFrom<Dialect>('tsql', 'sqlite'), text: fc.array(statement, { maxLength: 4 }).map((lines) => lines.join('\n')) });

describe('a model built from several scripts', () => {
  it('comes out as when each script indexed the model afresh, through creates, alters, drops and renames in both dialects', () => {
    fc.assert(
      fc.property(fc.array(script, { minLength: 1, maxLength: 8 }), (scripts) => {
        expect(buildOn(scripts, false)).toEqual(buildOn(scripts, true));
      }),
      { numRuns: 300 },
    );
  });

  it('indexes each object once, not once per script: as many name lookups per script for 800 tables as for 100', () => {
    const small = namesPerScript(100);
    const large = namesPerScript(800);
    // Indexing the whole model again for each script made 800 cost ~8 times as much per script as 100.
    expect(large).toBeLessThanOrEqual(small * 1.1);
  });
});
