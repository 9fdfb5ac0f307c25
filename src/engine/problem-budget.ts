import type { SourceText } from '../sql/source-text.js';
import type { Diagnostic, Severity } from './diagnostic.js';
import type { DirectiveSet } from './directives.js';

/**
 * Problems kept per file. Past this many, problems are counted, not kept: a generated file
 * with a mistake on each of a million lines took 3.3 GB and a 460 MB report, and a few more
 * would exhaust the heap, while nobody reads past the first screens of one file. The count is
 * reported, errors among it included, so the exit code stays right.
 */
export const MAX_PROBLEMS_PER_FILE = 100_000;

/** Where a problem was reported, and by what. */
export interface ProblemOrigin {
  ruleId: string;
  severity: Severity;
  /** From a fallback rule, whose problem an error of another rule on its line explains (linter.ts). */
  fallback: boolean;
  start: number;
  end: number;
}

export class ProblemBudget {
  readonly kept: Diagnostic[] = [];
  /** Lines with an error of a specific rule that was left out or turned off: it explains fallback problems there, kept ones too. */
  readonly explainedLines = new Set<number>();
  /**
   * The problems left out, as numbers and names rather than Diagnostics (a million of them would
   * take gigabytes): counted at the end, when every directive of the file is known. A directive
   * can come after the problem it turns off (`-- schema-lint-disable-line` after a statement).
   */
  private readonly dropped = { ruleIds: [] as string[], lines: [] as number[], offsets: [] as number[], severities: [] as Severity[], fallbacks: [] as boolean[] };

  constructor(
    private readonly source: SourceText,
    private readonly limit = MAX_PROBLEMS_PER_FILE,
    private readonly directives?: DirectiveSet,
  ) {}

  /**
   * Keeps the problem `make` builds, or only notes it once the file has used its budget. A
   * problem the directives read so far turn off takes no room (they cannot turn it on again).
   */
  add(origin: ProblemOrigin, make: () => Diagnostic): void {
    if (this.directives !== undefined && !this.directives.isEmpty) {
      const line = this.source.positionAt(origin.start).line;
      if (this.directives.disables(origin.ruleId, line, origin.start)) {
        // A kept error that is turned off at the end still explains fallback problems on its lines: so does this one.
        if (origin.severity === 2 && !origin.fallback) this.explain(line, origin.end);
        return;
      }
    }
    if (this.kept.length < this.limit) {
      this.kept.push(make());
      return;
    }
    const line = this.source.positionAt(origin.start).line;
    const { dropped } = this;
    dropped.ruleIds.push(origin.ruleId);
    dropped.lines.push(line);
    dropped.offsets.push(origin.start);
    dropped.severities.push(origin.severity);
    dropped.fallbacks.push(origin.fallback);
    if (origin.severity === 2 && !origin.fallback) this.explain(line, origin.end);
  }

  /**
   * One problem saying how many were left out, at the first of them; undefined when none were.
   * `isExplaining` tells a kept problem that explains fallback problems on its lines.
   */
  notice(isExplaining: (diagnostic: Diagnostic) => boolean): Diagnostic | undefined {
    const explained = new Set(this.explainedLines);
    for (const diagnostic of this.kept) {
      if (!isExplaining(diagnostic)) continue;
      explained.add(diagnostic.line);
      explained.add(diagnostic.endLine);
    }
    const { dropped } = this;
    let left = 0;
    let errorsLeft = 0;
    let firstOffset = 0;
    for (let i = 0; i < dropped.lines.length; i++) {
      if (dropped.fallbacks[i] && explained.has(dropped.lines[i])) continue;
      if (this.directives?.disables(dropped.ruleIds[i], dropped.lines[i], dropped.offsets[i])) continue;
      if (left === 0) firstOffset = dropped.offsets[i];
      left++;
      if (dropped.severities[i] === 2) errorsLeft++;
    }
    if (left === 0) return undefined;
    const at = this.source.positionAt(firstOffset);
    const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
    const errors = errorsLeft > 0 ? ` (${count(errorsLeft, 'error')})` : '';
    return {
      ruleId: null,
      severity: errorsLeft > 0 ? 2 : 1,
      message:
        `${count(left, 'more problem')} from here on ${left === 1 ? 'is' : 'are'} not listed${errors}: ` +
        `at most ${this.limit.toLocaleString('en-US')} are kept per file. Fix these and lint again.`,
      line: at.line,
      column: at.column,
      endLine: at.line,
      endColumn: at.column,
      startOffset: firstOffset,
      endOffset: firstOffset,
    };
  }

  /** An error of a specific rule explains fallback problems on the lines where it starts and ends. */
  private explain(line: number, end: number): void {
    this.explainedLines.add(line);
    this.explainedLines.add(this.source.positionAt(end).line);
  }
}
