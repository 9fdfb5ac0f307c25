import type { Rule, RuleMeta } from '../engine/rule.js';

/**
 * Parity and the seed's security checks compare files with each other, so the per-file
 * visitor API cannot run them: `checkParity` does, after every file is linted. They are still
 * rules — listed by `schema-lint rules`, named in config with off/warn/error, switched off by
 * inline directives — so each is a Rule whose per-file pass reports nothing.
 */
export function defineCrossFileRule(meta: Omit<RuleMeta, 'dialects'>): Rule {
  return {
    meta: { ...meta, dialects: ['tsql', 'sqlite'] },
    create: () => ({}),
  };
}

/** True for rules that only `checkParity` runs. */
export function isCrossFileRule(rule: Rule): boolean {
  return rule.meta.id.startsWith('parity/') || rule.meta.id.startsWith('security/');
}
