import type { Diagnostic } from './diagnostic.js';
import { applyEdits } from './fixes.js';
import { lintSource, type LintSourceOptions } from './linter.js';

/** ESLint stops after 10 passes; a fix that keeps producing new fixes past that is a rule bug. */
export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The text after all passes. */
  output: string;
  /** The diagnostics of the final text. */
  messages: Diagnostic[];
  fixed: boolean;
  passes: number;
}

/**
 * Lints, applies every non-overlapping fix, and lints the result again until no fix applies.
 * `shouldFix` lets the caller limit fixing to some diagnostics (ESLint's --fix-type).
 */
export function fixSource(
  text: string,
  options: LintSourceOptions,
  shouldFix: (diagnostic: Diagnostic) => boolean = () => true,
): FixOutcome {
  let current = text;
  let messages = lintSource(current, options);
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const edits = messages.filter((message) => message.fix && shouldFix(message)).map((message) => message.fix!);
    if (edits.length === 0) break;
    const { output, applied } = applyEdits(current, edits);
    if (applied === 0 || output === current) break;
    current = output;
    passes++;
    messages = lintSource(current, options);
  }
  return { output: current, messages, fixed: current !== text, passes };
}
