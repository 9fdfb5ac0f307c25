import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../../rules/index.js';
import { fixSource } from '../../../src/engine/fixer.js';
import { lintSource } from '../../../src/engine/linter.js';

/**
 * End to end: fixtures/dialects/sqlite-in-tsql.sql holds every construct of DIALECTS.md's
 * "SQLite constructs in a T-SQL file", one per line, each marked `-- expect: <rule id>`.
 * Linted with every T-SQL rule at its default severity, each marked line must get exactly
 * one diagnostic, of that rule, and no other line any.
 *
 * The rules are those of rules/index.ts whose id starts with `tsql/`, except `tsql/syntax`:
 * the grammar check is a fallback that another engineer owns, and it reports SQLite
 * constructs too (as syntax errors) on lines where a catalog rule only warns. It is used
 * once, as a judge: the lines the catalog fixes must parse afterwards. (Fixes here change
 * single lines, so line numbers stay put.)
 */
const fixture = fileURLToPath(new URL('../../../fixtures/dialects/sqlite-in-tsql.sql', import.meta.url));
const text = readFileSync(fixture, 'utf8');

const rules = allRules
  .filter((rule) => rule.meta.id.startsWith('tsql/') && rule.meta.id !== 'tsql/syntax')
  .map((rule) => ({ rule, severity: rule.meta.severity === 'error' ? (2 as const) : (1 as const), options: [] }));

function expectations(): Map<number, string> {
  const expected = new Map<number, string>();
  text.split(/\r?\n/).forEach((line, index) => {
    const match = /-- expect: (\S+)\s*$/.exec(line);
    if (match) expected.set(index + 1, match[1]);
  });
  return expected;
}

describe('fixtures/dialects/sqlite-in-tsql.sql', () => {
  const expected = expectations();
  const diagnostics = lintSource(text, {
    filePath: fixture,
    dialect: 'tsql',
    dialectSource: 'header pragma',
    rules,
    settings: { sqlserverVersion: '2019' },
  });

  it('marks one construct per line for many lines', () => {
    expect(expected.size).toBeGreaterThan(80);
  });

  it('gets exactly one diagnostic of the expected rule on each marked line, and nothing else', () => {
    const actual = diagnostics.map((d) => `${d.line} ${d.ruleId}`);
    const wanted = [...expected].map(([line, ruleId]) => `${line} ${ruleId}`);
    expect(actual).toEqual(wanted);
  });

  it('exercises every catalog rule of the T-SQL side', () => {
    const catalog = rules.map(({ rule }) => rule.meta.id).filter((id) => id.startsWith('tsql/no-'));
    const used = new Set(expected.values());
    expect(catalog.filter((id) => !used.has(id))).toEqual([]);
  });

  it('fixes lines into T-SQL that the T-SQL grammar (tsql/syntax) accepts', () => {
    const options = { filePath: fixture, dialect: 'tsql' as const, dialectSource: 'test', settings: { sqlserverVersion: '2019' as const } };
    const fixedLines = new Set(diagnostics.filter((d) => d.fix).map((d) => d.line));
    expect(fixedLines.size).toBeGreaterThan(10);
    const { output } = fixSource(text, { ...options, rules });
    const grammar = allRules.find((rule) => rule.meta.id === 'tsql/syntax');
    expect(grammar, 'tsql/syntax is registered').toBeDefined();
    const syntaxErrors = lintSource(output, { ...options, rules: [{ rule: grammar!, severity: 2, options: [] }] });
    expect(syntaxErrors.filter((d) => fixedLines.has(d.line)).map((d) => `${d.line} ${d.message}`)).toEqual([]);
  });

  // Functions newer than the configured target are warnings too: the call parses everywhere
  // and the target is an assumption about the server (see no-unavailable-functions' page).
  it('reports what SQL Server rejects as an error and what it runs differently, or may not have, as a warning', () => {
    const warnings = new Set(diagnostics.filter((d) => d.severity === 1).map((d) => d.ruleId));
    expect([...warnings].sort()).toEqual([
      'tsql/no-deprecated-types',
      'tsql/no-real-type',
      'tsql/no-rowid-alias',
      'tsql/no-timestamp-type',
      'tsql/no-unavailable-functions',
      'tsql/no-unsized-varchar',
    ]);
  });
});
