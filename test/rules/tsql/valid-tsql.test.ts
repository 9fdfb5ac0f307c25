import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tsqlRules } from '../../../rules/tsql/index.js';
import { lintSource } from '../../../src/engine/linter.js';

/**
 * The catalog must never cry wolf on valid T-SQL. The files in valid-tsql/ are written the
 * ways people write T-SQL (SSMS "Generate Scripts", procedures with TRY/CATCH and MERGE,
 * queries with JSON, XML, graph MATCH, OPENROWSET, cursors, QUOTED_IDENTIFIER OFF) and full
 * of names that look like SQLite keywords (limit, returning, analyze, glob, text, timestamp,
 * total, length, new/old aliases). No catalog rule may report anything on them.
 *
 * Only the catalog (`tsql/no-*`) is run: the grammar and create-time checks (`tsql/syntax`,
 * `tsql/create-time-*`, `tsql/batch-*`) belong to another engineer and have their own tests.
 */
const folder = fileURLToPath(new URL('./valid-tsql/', import.meta.url));
const rules = tsqlRules
  .filter((rule) => rule.meta.id.startsWith('tsql/no-'))
  .map((rule) => ({ rule, severity: rule.meta.severity === 'error' ? (2 as const) : (1 as const), options: [] }));

describe('the T-SQL catalog on valid T-SQL', () => {
  const files = readdirSync(folder).filter((file) => file.endsWith('.sql'));

  it('has files to lint', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    it(`reports nothing in ${file}`, () => {
      const text = readFileSync(folder + file, 'utf8');
      const diagnostics = lintSource(text, {
        filePath: file,
        dialect: 'tsql',
        dialectSource: 'test',
        rules,
        settings: { sqlserverVersion: '2019' },
      });
      expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([]);
    });
  }
});
