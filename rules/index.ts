import type { Rule, RuleMeta } from '../src/engine/rule.js';
import { coreRules } from './core/index.js';
import { crossFileRules } from './parity/index.js';
import { sqliteRules } from './sqlite/index.js';
import { tsqlRules } from './tsql/index.js';

/** Every rule schema-lint ships, in a stable order (rule order never changes output order). */
export const allRules: readonly Rule[] = [...coreRules, ...tsqlRules, ...sqliteRules, ...crossFileRules];

export function findRule(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}

/** Metadata of every rule by id, for formatters (SARIF's rule list) and `schema-lint rules`. */
export function allRuleMetas(): ReadonlyMap<string, RuleMeta> {
  return new Map(allRules.map((rule) => [rule.meta.id, rule.meta]));
}
