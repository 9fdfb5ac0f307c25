import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import { compareSchemas, type Finding } from '../../src/parity/compare.js';

// Names whose matching rules differ: letter case, a dbo./main. or other schema, quoting, a
// #temp table, beyond ASCII (full width equals ASCII by the collator, an accent does not).
const NAMES = ['t', 'T', 'u', '[dbo].[t]', 's.t', 'x.t', '[s].[T]', '#t', 'ｔ', 'é', 'E'];
const object = fc.record({ kind: fc.constantFrom('table', 'view'), name: fc.constantFrom(...NAMES), wide: fc.boolean() });
const side = fc.array(object, { maxLength: 7 });

function text(objects: { kind: string; name: string; wide: boolean }[], dialect: 'tsql' | 'sqlite'): string {
  const name = (written: string) => (dialect === 'sqlite' ? written.replace(/\[|\]/g, '"').replace(/^"?dbo"?\./, 'main.').replace(/^#/, '') : written);
  const type = dialect === 'tsql' ? 'INT' : 'INTEGER';
  return objects
    .map((each) =>
      each.kind === 'table'
        ? `CREATE TABLE ${name(each.name)} (id ${type} NOT NULL${each.wide ? `, extra ${type}` : ''});`
        : `CREATE VIEW ${name(each.name).replace(/^#/, '')} AS SELECT ${each.wide ? '1 AS a, 2 AS b' : '1 AS a'};`,
    )
    .join('\n');
}

const shown = (findings: Finding[]) => findings.map((f) => `${f.at.file}:${f.at.offset} ${f.ruleId} ${f.messageId} ${f.counterpart.offset} ${JSON.stringify(f.data)}`);

describe('compareSchemas when a missing-object rule is off', () => {
  it('makes the other findings, in the same order, whichever side it walks', () => {
    fc.assert(
      fc.property(side, side, fc.constantFrom<string[]>(['parity/missing-table', 'parity/missing-view'], ['parity/missing-table'], ['parity/missing-view']), (tsqlObjects, sqliteObjects, off) => {
        const tsql = { dialect: 'tsql' as const, model: buildTsqlModel(text(tsqlObjects, 'tsql'), 'schema.sql'), baseFile: 'schema.sql' };
        const sqlite = {
          dialect: 'sqlite' as const,
          model: buildSqliteModel(text(sqliteObjects, 'sqlite'), 'schema.sqlite.sql'),
          baseFile: 'schema.sqlite.sql',
        };
        const all = compareSchemas(tsql, sqlite);
        const reported = compareSchemas(tsql, sqlite, { reports: (ruleId) => !off.includes(ruleId) });
        expect(shown(reported)).toEqual(shown(all.filter((finding) => !off.includes(finding.ruleId))));
      }),
      { numRuns: 1500 },
    );
  });
});
