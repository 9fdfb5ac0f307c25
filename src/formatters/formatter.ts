import type { LintResult } from '../engine/diagnostic.js';
import type { RuleMeta } from '../engine/rule.js';

export interface FormatterContext {
  /** The folder paths are shown relative to (the working folder). */
  cwd: string;
  /** Metadata of every rule that could have reported, by id. */
  rulesMeta: ReadonlyMap<string, RuleMeta>;
  /** Whether the output may contain ANSI colour. */
  color: boolean;
  /** Environment, for formatters that write side outputs (GITHUB_STEP_SUMMARY). */
  env: NodeJS.ProcessEnv;
}

/** A formatter is a pure function from results to the text to print. */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
