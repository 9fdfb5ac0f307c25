import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import sqliteSyntax from '../../rules/sqlite/syntax.js';
import { convertSchema } from '../../src/convert/convert.js';
import { lintSource } from '../../src/engine/linter.js';
import type { Dialect } from '../../src/sql/dialect.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string): string => readFileSync(path.join(root, 'fixtures/convert', name), 'utf8');

/** The engine check runs even before it is registered in rules/index.ts. */
const everyRule = allRules.includes(sqliteSyntax) ? allRules : [...allRules, sqliteSyntax];

/** Every rule schema-lint ships for the dialect, at its default severity: the converted file must pass them all. */
function lint(text: string, dialect: Dialect): string[] {
  const rules = everyRule.filter((rule) => rule.meta.dialects.includes(dialect));
  expect(rules.length).toBeGreaterThan(5);
  const diagnostics = lintSource(text, {
    filePath: dialect === 'sqlite' ? 'out.sqlite.sql' : 'out.sql',
    dialect,
    dialectSource: 'test',
    rules: rules.map((rule) => ({ rule, severity: rule.meta.severity === 'error' ? 2 : 1, options: [] })),
    settings: { sqlserverVersion: '2019' },
  });
  return diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.ruleId}: ${diagnostic.message}`);
}

beforeAll(async () => {
  for (const rule of everyRule) await rule.prepare?.();
});

describe('converted output lints clean in its target dialect', () => {
  it.each(['schema.sqlite.sql', 'round-trip.sqlite.sql'])('%s converted to T-SQL passes every T-SQL rule', (file) => {
    const { output } = convertSchema(fixture(file), { from: 'sqlite', to: 'tsql', filePath: file });
    expect(lint(output, 'tsql')).toEqual([]);
  });

  it.each(['schema.sql', 'round-trip.sql'])('%s converted to SQLite passes every SQLite rule, the engine check included', (file) => {
    const { output } = convertSchema(fixture(file), { from: 'tsql', to: 'sqlite', filePath: file });
    expect(lint(output, 'sqlite')).toEqual([]);
  });

  it('the source files themselves are what the catalog flags in the other dialect (the check has teeth)', () => {
    expect(lint(fixture('schema.sqlite.sql'), 'tsql').length).toBeGreaterThan(5);
    expect(lint(fixture('schema.sql'), 'sqlite').length).toBeGreaterThan(5);
  });
});
