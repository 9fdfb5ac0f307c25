import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import type { ResolvedConfig } from '../../src/config/config.js';
import { ConfigError } from '../../src/config/load.js';
import { activeRulesByFile, activeRulesFor } from '../../src/engine/rule-config.js';

const baseDir = '/repo';
const summary = (rules: readonly { rule: { meta: { id: string } }; severity: number; options: readonly unknown[] }[]) =>
  rules.map(({ rule, severity, options }) => [rule.meta.id, severity, options]);

describe('activeRulesByFile', () => {
  it('gives every file one shared list when no override sets rules', () => {
    const resolved: ResolvedConfig = {
      baseDir,
      config: { rules: { 'tsql/no-autoincrement': 'off' }, overrides: [{ files: ['legacy/**'], dialect: 'sqlite' }] },
    };
    const rulesFor = activeRulesByFile(resolved, { 'core/dialect-mismatch': 'warn' }, allRules);
    const first = rulesFor('/repo/a/one.sql');
    expect(rulesFor('/repo/legacy/two.sqlite.sql')).toBe(first);
    expect(summary(first)).toEqual(summary(activeRulesFor('a/one.sql', resolved, { 'core/dialect-mismatch': 'warn' }, allRules)));
    expect(first.some(({ rule }) => rule.meta.id === 'tsql/no-autoincrement')).toBe(false);
  });

  it('works out each file from its path relative to the config folder when an override sets rules', () => {
    const resolved: ResolvedConfig = {
      baseDir,
      config: { overrides: [{ files: ['legacy/**'], rules: { 'tsql/no-autoincrement': 'off' } }] },
    };
    const rulesFor = activeRulesByFile(resolved, {}, allRules);
    const ids = (filePath: string) => rulesFor(filePath).map(({ rule }) => rule.meta.id);
    expect(ids('/repo/legacy/old.sql')).not.toContain('tsql/no-autoincrement');
    expect(ids('/repo/current/new.sql')).toContain('tsql/no-autoincrement');
    expect(summary(rulesFor('/repo/legacy/old.sql'))).toEqual(summary(activeRulesFor('legacy/old.sql', resolved, {}, allRules)));
  });

  it('reports a bad severity at the first file, as each file would', () => {
    const resolved = { baseDir, config: { rules: { 'tsql/no-autoincrement': 'loud' } } } as unknown as ResolvedConfig;
    const rulesFor = activeRulesByFile(resolved, {}, allRules);
    expect(() => rulesFor('/repo/a.sql')).toThrow(ConfigError);
    expect(() => rulesFor('/repo/b.sql')).toThrow(ConfigError);
  });
});
