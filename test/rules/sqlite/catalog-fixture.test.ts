import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../../rules/index.js';
import { lintSource, type ActiveRule } from '../../../src/engine/linter.js';

/**
 * End to end over fixtures/dialects/tsql-in-sqlite.sql: every T-SQL construct of DIALECTS.md's
 * "T-SQL constructs in a SQLite file" table stands on a line of its own, marked
 * `-- expect: <rule>`. Linted as SQLite with every `sqlite/` rule of rules/index.ts at its
 * default severity, each marked line must get exactly one diagnostic, from that rule, and no
 * other line any. `sqlite/syntax` (the real SQLite engine, another engineer's rule) is left
 * out: it would also report the rejected lines, which is its job, not this catalog's.
 */
const fixturePath = fileURLToPath(new URL('../../../fixtures/dialects/tsql-in-sqlite.sql', import.meta.url));
const text = readFileSync(fixturePath, 'utf8');

const catalogRules = allRules.filter((rule) => rule.meta.id.startsWith('sqlite/') && rule.meta.id !== 'sqlite/syntax');
const active: ActiveRule[] = catalogRules.map((rule) => ({
  rule,
  severity: rule.meta.severity === 'error' ? 2 : 1,
  options: [],
}));

/** Line number → the rule the line is marked with. */
function expectations(source: string): Map<number, string> {
  const expected = new Map<number, string>();
  source.split(/\r?\n/).forEach((line, index) => {
    const match = /-- expect: (\S+)\s*$/.exec(line);
    if (match) expected.set(index + 1, match[1]);
  });
  return expected;
}

describe('fixtures/dialects/tsql-in-sqlite.sql', () => {
  const diagnostics = lintSource(text, {
    filePath: fixturePath,
    dialect: 'sqlite',
    dialectSource: 'test',
    rules: active,
    settings: { sqlserverVersion: '2019' },
  });
  const expected = expectations(text);

  it('marks a line for every catalog rule, so each rule is exercised', () => {
    const marked = new Set(expected.values());
    expect(catalogRules.map((rule) => rule.meta.id).filter((id) => !marked.has(id))).toEqual([]);
    expect(expected.size).toBeGreaterThanOrEqual(60);
  });

  it('reports exactly one diagnostic of the expected rule on each marked line and nothing else', () => {
    const actual = diagnostics.map((d) => `${d.line}: ${d.ruleId}`);
    const wanted = [...expected].map(([line, rule]) => `${line}: ${rule}`);
    expect(actual).toEqual(wanted);
  });

  it('reports at the default severity of each rule', () => {
    for (const diagnostic of diagnostics) {
      const rule = catalogRules.find((candidate) => candidate.meta.id === diagnostic.ruleId);
      expect(diagnostic.severity, diagnostic.ruleId ?? '').toBe(rule?.meta.severity === 'error' ? 2 : 1);
    }
  });
});
