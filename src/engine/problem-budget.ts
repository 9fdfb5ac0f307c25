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
  /** `null` for a problem about the file itself (a statement not linted, a directive that cannot apply): no directive turns it off. */
  ruleId: string | null;
  severity: Severity;
  start: number;
  end: number;
}

/**
 * The problems of one file, kept up to a limit and counted past it. Two kinds of problem are
 * known to be dropped only once more of the file is read: a fallback rule's
 * (RuleMeta.fallback) on a line where an error of a specific rule, maybe reported after it,
 * explains it, and one that a `-- schema-lint-disable-line` after it on its line turns off.
 * The list therefore runs a quarter past the limit: when it is that long, the problems known
 * by then to be dropped are cleared out, and it is closed at the limit only when fewer than a
 * quarter of the limit went. Each pass reads the list once and leaves room for a quarter of
 * it, so the work stays linear. While the list was closed at the first report past the limit,
 * a file whose lines each drew AUTOINCREMENT's error, REAL's warning and the grammar's error,
 * every third line turned off after its statement, listed 44,445 problems, not 100,000. A
 * problem found dropped after the list is closed still leaves its place empty.
 */
export class ProblemBudget {
  /** Lines where an error of a specific rule starts or ends, kept, left out or turned off: fallback problems there are dropped. */
  private readonly explainedLines = new Set<number>();
  /** In the order reported; up to a quarter longer than the limit until the list is closed. */
  private readonly kept: Diagnostic[] = [];
  /** Closed: every problem from now on is counted, not kept. */
  private closed = false;
  /** How long the list may grow before the problems known to be dropped are cleared out of it. */
  private readonly room: number;
  /**
   * The problems left out, as numbers and names rather than Diagnostics (a million of them would
   * take gigabytes): counted at the end, when every directive of the file is known. A directive
   * can come after the problem it turns off (`-- schema-lint-disable-line` after a statement).
   */
  private readonly dropped = { ruleIds: [] as (string | null)[], lines: [] as number[], offsets: [] as number[], severities: [] as Severity[] };

  constructor(
    private readonly source: SourceText,
    private readonly limit = MAX_PROBLEMS_PER_FILE,
    private readonly directives?: DirectiveSet,
    /** Rules whose problems an error of another rule on their line explains (RuleMeta.fallback). */
    private readonly fallbackIds: ReadonlySet<string> = new Set(),
  ) {
    this.room = limit + Math.max(1, Math.ceil(limit / 4));
  }

  /**
   * Keeps the problem `make` builds, or only notes it once the list is closed. A problem already
   * known to be dropped takes no room: the directives read so far turn it off (they cannot
   * turn it on again), or it is a fallback problem on an explained line.
   */
  add(origin: ProblemOrigin, make: () => Diagnostic): void {
    const line = this.source.positionAt(origin.start).line;
    if (origin.severity === 2 && origin.ruleId !== null && !this.fallbackIds.has(origin.ruleId)) this.explain(line, origin.start, origin.end);
    if (this.isDropped(origin.ruleId, line, origin.start)) return;
    if (!this.closed && this.kept.length >= this.room) this.clearOut();
    if (!this.closed) {
      this.kept.push(make());
      return;
    }
    this.leaveOut(origin.ruleId, line, origin.start, origin.severity);
  }

  /**
   * Once the file is read: the problems to list, in the order reported, without those dropped,
   * and last, when any were left out, one problem saying how many, at the first of them.
   */
  listed(): Diagnostic[] {
    this.clearOut();
    const notice = this.notice();
    if (notice) this.kept.push(notice);
    return this.kept;
  }

  /** Drops the problems known to be dropped from the list, and closes it at the limit if that freed less than a quarter of it. */
  private clearOut(): void {
    const { kept } = this;
    let length = 0;
    for (const diagnostic of kept) {
      if (!this.isDropped(diagnostic.ruleId, diagnostic.line, diagnostic.startOffset)) kept[length++] = diagnostic;
    }
    kept.length = length;
    if (length <= this.limit) return;
    for (let i = this.limit; i < length; i++) {
      const { ruleId, line, startOffset, severity } = kept[i];
      this.leaveOut(ruleId, line, startOffset, severity);
    }
    kept.length = this.limit;
    this.closed = true;
  }

  /** Whether what is known so far drops the problem: a directive turns it off, or it is a fallback problem on an explained line. */
  private isDropped(ruleId: string | null, line: number, offset: number): boolean {
    if (ruleId === null) return false;
    if (this.fallbackIds.has(ruleId) && this.explainedLines.has(line)) return true;
    return this.directives !== undefined && !this.directives.isEmpty && this.directives.disables(ruleId, line, offset);
  }

  private leaveOut(ruleId: string | null, line: number, offset: number, severity: Severity): void {
    const { dropped } = this;
    dropped.ruleIds.push(ruleId);
    dropped.lines.push(line);
    dropped.offsets.push(offset);
    dropped.severities.push(severity);
  }

  /** One problem saying how many were left out, at the first of them; undefined when none were. */
  private notice(): Diagnostic | undefined {
    const { dropped } = this;
    let left = 0;
    let errorsLeft = 0;
    let firstOffset = 0;
    for (let i = 0; i < dropped.lines.length; i++) {
      if (this.isDropped(dropped.ruleIds[i], dropped.lines[i], dropped.offsets[i])) continue;
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

  /**
   * An error of a specific rule explains fallback problems on the lines where it starts and
   * ends: an engine often reports a mistake where it notices it, on the next line (a trailing
   * comma is "near ')'" one line down). Lines in between stay unexplained, so a long span
   * cannot hide an unrelated error inside it.
   */
  private explain(line: number, start: number, end: number): void {
    this.explainedLines.add(line);
    this.explainedLines.add(this.source.positionAt(Math.max(start, end)).line);
  }
}
