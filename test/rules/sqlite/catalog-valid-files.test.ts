import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { globSync } from 'glob';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../../rules/index.js';
import { lintSource, type ActiveRule } from '../../../src/engine/linter.js';

/**
 * Never cry wolf: every valid SQLite file in fixtures/ (the engine-checked valid set of
 * fixtures/syntax/sqlite/valid, the example tree, the parity and convert fixtures) must get no
 * error from the SQLite catalog rules. The invalid engine fixtures and this catalog's own
 * fixture of T-SQL constructs are left out on purpose.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = globSync(['fixtures/syntax/sqlite/valid/*.sql', 'fixtures/**/*.sqlite.sql'], {
  cwd: root,
  ignore: ['fixtures/syntax/sqlite/invalid/**', 'fixtures/dialects/**'],
}).sort();

const catalog: ActiveRule[] = allRules
  .filter((rule) => rule.meta.id.startsWith('sqlite/') && rule.meta.id !== 'sqlite/syntax')
  .map((rule) => ({ rule, severity: rule.meta.severity === 'error' ? 2 : 1, options: [] }));

describe('SQLite catalog rules on valid SQLite files', () => {
  it('finds the valid files', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of files) {
    it(`reports no error in ${file}`, () => {
      const diagnostics = lintSource(readFileSync(`${root}${file}`, 'utf8'), {
        filePath: file,
        dialect: 'sqlite',
        dialectSource: 'test',
        rules: catalog,
        settings: { sqlserverVersion: '2019' },
      });
      expect(diagnostics.filter((d) => d.severity === 2).map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([]);
    });
  }
});
