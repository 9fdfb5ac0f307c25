import type { Dialect } from '../sql/dialect.js';

/** 1 = warning, 2 = error, as in ESLint. */
export type Severity = 1 | 2;

/** A text edit: replace `range` (UTF-16 offsets, end exclusive) by `text`. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: TextEdit;
}

export interface Diagnostic {
  /** `null` for problems that are not a rule's (a file that cannot be read). */
  ruleId: string | null;
  severity: Severity;
  message: string;
  /** The rewrite, in one line: "write INT IDENTITY(1,1) PRIMARY KEY". */
  help?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** UTF-16 offsets of the range, end exclusive. */
  startOffset: number;
  endOffset: number;
  /** All edits of one fix merged into one, as ESLint reports it. */
  fix?: TextEdit;
  suggestions?: Suggestion[];
  /** True for problems that stop a file from being read or linted at all. */
  fatal?: boolean;
}

export interface LintResult {
  filePath: string;
  dialect: Dialect;
  /** Why the file was judged this dialect: `file name *.sqlite.sql`, `owner mssql`, ... */
  dialectSource: string;
  messages: Diagnostic[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The text that was linted, for code frames. Not serialised by the JSON formatter. */
  source?: string;
  /** The fixed text, when fixing was requested and changed something. */
  output?: string;
}

/** Ascending by position, then rule id, so output never depends on rule order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    (a.ruleId ?? '').localeCompare(b.ruleId ?? '') ||
    a.message.localeCompare(b.message)
  );
}

export function countDiagnostics(messages: readonly Diagnostic[]): Pick<
  LintResult,
  'errorCount' | 'warningCount' | 'fixableErrorCount' | 'fixableWarningCount'
> {
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const message of messages) {
    if (message.severity === 2) {
      errorCount++;
      if (message.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (message.fix) fixableWarningCount++;
    }
  }
  return { errorCount, warningCount, fixableErrorCount, fixableWarningCount };
}
