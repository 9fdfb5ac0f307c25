import path from 'node:path';
import { matchGlob } from '../files/match-glob.js';
import type { ResolvedConfig, RuleSetting } from '../config/config.js';
import { ConfigError } from '../config/load.js';
import type { Severity } from './diagnostic.js';
import type { ActiveRule } from './linter.js';
import type { Rule } from './rule.js';

/**
 * Which rules run on a file, at what severity, with what options. Later settings win:
 * the rule's default, then config `rules`, then each matching `overrides[].rules` in order,
 * then `--rule` from the command line.
 */
export function activeRulesFor(
  relativePath: string,
  resolved: ResolvedConfig,
  cliRules: Record<string, RuleSetting>,
  allRules: readonly Rule[],
): ActiveRule[] {
  const settings = new Map<string, RuleSetting>();
  const apply = (rules: Record<string, RuleSetting> | undefined) => {
    for (const [id, setting] of Object.entries(rules ?? {})) settings.set(id, setting);
  };
  apply(resolved.config.rules);
  for (const override of resolved.config.overrides ?? []) {
    if (override.rules && override.files.some((glob) => matchGlob(relativePath, glob, { dot: true, matchBase: !glob.includes('/') }))) {
      apply(override.rules);
    }
  }
  apply(cliRules);

  const active: ActiveRule[] = [];
  for (const rule of allRules) {
    const setting = settings.get(rule.meta.id);
    const [severity, options] = setting === undefined ? [defaultSeverity(rule), []] : parseSetting(setting, rule.meta.id);
    if (severity > 0) active.push({ rule, severity: severity as Severity, options });
  }
  return active;
}

/**
 * activeRulesFor for the files of one run, by absolute path. When no override sets rules,
 * every file gets the same list, worked out on first use and shared (a run over 2,000 small
 * files otherwise built 2,000 equal lists, each with a relative path and a settings map);
 * otherwise each file's list is worked out from its path relative to the config's folder.
 * The lists are shared: callers must not change them.
 */
export function activeRulesByFile(
  resolved: ResolvedConfig,
  cliRules: Record<string, RuleSetting>,
  allRules: readonly Rule[],
): (filePath: string) => readonly ActiveRule[] {
  const perFile = (filePath: string): ActiveRule[] =>
    activeRulesFor(path.relative(resolved.baseDir, filePath).split(path.sep).join('/'), resolved, cliRules, allRules);
  if ((resolved.config.overrides ?? []).some((override) => override.rules)) return perFile;
  let shared: ActiveRule[] | undefined;
  return (filePath) => (shared ??= perFile(filePath));
}

function defaultSeverity(rule: Rule): 0 | 1 | 2 {
  return rule.meta.severity === 'error' ? 2 : 1;
}

function parseSetting(setting: RuleSetting, id: string): [0 | 1 | 2, unknown[]] {
  const [level, ...options] = Array.isArray(setting) ? setting : [setting];
  return [severityNumber(level, id), options];
}

export function severityNumber(level: unknown, id: string): 0 | 1 | 2 {
  switch (level) {
    case 'off':
    case 0:
      return 0;
    case 'warn':
    case 1:
      return 1;
    case 'error':
    case 2:
      return 2;
    default:
      throw new ConfigError(`Rule "${id}": severity must be off, warn or error, not ${JSON.stringify(level)}.`);
  }
}

/** Every rule id named in config must exist: a typo would otherwise silently do nothing. */
export function checkRuleIdsExist(resolved: ResolvedConfig, cliRules: Record<string, RuleSetting>, known: ReadonlySet<string>): void {
  const named: [string, string][] = [
    ...Object.keys(resolved.config.rules ?? {}).map((id): [string, string] => [id, 'rules']),
    ...(resolved.config.overrides ?? []).flatMap((override, i) =>
      Object.keys(override.rules ?? {}).map((id): [string, string] => [id, `overrides.${i}.rules`]),
    ),
    ...Object.keys(cliRules).map((id): [string, string] => [id, '--rule']),
  ];
  for (const [id, where] of named) {
    if (!known.has(id)) throw new ConfigError(`Unknown rule "${id}" in ${where}. Run "schema-lint rules" to list them.`);
  }
}
