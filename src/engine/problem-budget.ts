import type { SourceText } from '../sql/source-text.js';
import type { Diagnostic, Severity } from './diagnostic.js';

/**
 * Problems kept per file. Past this many, problems are counted, not kept: a generated file
 * with a mistake on each of a million lines took 3.3 GB and a 460 MB report, and a few more
 * would exhaust the heap, while nobody reads past the first screens of one file. The count is
 * reported, errors among it included, so the exit code stays right.
 */
export const MAX_PROBLEMS_PER_FILE = 100_000;

/** Where a problem was reported, and by what. */
export interface ProblemOrigin {
  severity: Severity;
  /** From a fallback rule, whose problem an error of another rule on its line explains (linter.ts). */
  fallback: boolean;
  start: number;
  end: number;
}

export class ProblemBudget {
  readonly kept: Diagnostic[] = [];
  private dropped = 0;
  private droppedErrors = 0;
  private firstDroppedOffset = 0;
  /** Lines with an error of a specific rule among the dropped problems: they explain fallback problems there, kept ones too. */
  readonly explainedLines = new Set<number>();
  /** Dropped fallback problems, counted at the end unless explained: [line, severity]. */
  private readonly droppedFallbacks: [number, Severity][] = [];

  constructor(
    private readonly source: SourceText,
    private readonly limit = MAX_PROBLEMS_PER_FILE,
  ) {}

  /** Keeps the problem `make` builds, or only counts it once the file has used its budget. */
  add(origin: ProblemOrigin, make: () => Diagnostic): void {
    if (this.kept.length < this.limit) {
      this.kept.push(make());
      return;
    }
    if (this.dropped === 0 && this.droppedFallbacks.length === 0) this.firstDroppedOffset = origin.start;
    const line = this.source.positionAt(origin.start).line;
    if (origin.fallback) {
      this.droppedFallbacks.push([line, origin.severity]);
      return;
    }
    this.count(origin.severity);
    if (origin.severity === 2) {
      this.explainedLines.add(line);
      this.explainedLines.add(this.source.positionAt(origin.end).line);
    }
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
    for (const [line, severity] of this.droppedFallbacks) if (!explained.has(line)) this.count(severity);
    if (this.dropped === 0) return undefined;
    const at = this.source.positionAt(this.firstDroppedOffset);
    const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
    const errors = this.droppedErrors > 0 ? ` (${count(this.droppedErrors, 'error')})` : '';
    return {
      ruleId: null,
      severity: this.droppedErrors > 0 ? 2 : 1,
      message:
        `${count(this.dropped, 'more problem')} from here on ${this.dropped === 1 ? 'is' : 'are'} not listed${errors}: ` +
        `at most ${this.limit.toLocaleString('en-US')} are kept per file. Fix these and lint again.`,
      line: at.line,
      column: at.column,
      endLine: at.line,
      endColumn: at.column,
      startOffset: this.firstDroppedOffset,
      endOffset: this.firstDroppedOffset,
    };
  }

  private count(severity: Severity): void {
    this.dropped++;
    if (severity === 2) this.droppedErrors++;
  }
}
