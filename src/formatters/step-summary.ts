import type { Diagnostic, LintResult } from '../engine/diagnostic.js';
import { cutMiddle } from './cut-middle.js';
import { displayPath } from './display-path.js';
import { markdownCode, markdownText } from './markdown.js';
import { oneLine } from './one-line.js';
import { severityName } from './severity-name.js';

/** How many findings the summary lists one by one; the tables above it count all of them. */
export const WORST_FINDINGS_SHOWN = 20;

/**
 * How many files the per-file table lists (those with the most errors first). GitHub refuses
 * a step summary over 1 MiB, which a table row per file of a large tree could pass.
 */
export const FILES_SHOWN = 50;

/**
 * How much of a message, and of its help, a findings row quotes (UTF-16 units, the middle cut).
 * Messages quote SQL whole: parity/check a CHECK's expression, which with an IN list of 4,000
 * codes made rows of 60,000 characters and a summary of 1.2 MB for 20 of them. The annotations
 * keep the whole text.
 */
export const QUOTED_TEXT_SHOWN = 500;

/** GitHub refuses a step's summary over 1 MiB ("upload aborted, supports content up to a size of 1024k"). */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;

/** Ends a summary cut to fit, on a line of its own after a blank one, so no table takes it as a row. */
export const LEFT_OUT_NOTE = '_The rest of this summary is left out: GitHub refuses a step summary over 1 MiB._';

interface Counts {
  errors: number;
  warnings: number;
}

/**
 * The Markdown a GitHub job page shows under the run: totals, problems per file and per
 * rule, then the worst findings (errors before warnings, in file order). Annotations are
 * capped per step by GitHub, so the summary is where a large run's whole picture stays.
 * It takes at most `maxBytes` of UTF-8 (what is left of the step's 1 MiB): whole lines from the
 * top, then LEFT_OUT_NOTE.
 */
export function stepSummary(results: readonly LintResult[], cwd: string, maxBytes = STEP_SUMMARY_MAX_BYTES): string {
  const byFile = new Map<string, Counts>();
  const byRule = new Map<string, Counts>();
  const findings: { file: string; message: Diagnostic }[] = [];
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    const file = displayPath(result.filePath, cwd);
    for (const message of result.messages) {
      const isError = message.severity === 2;
      if (isError) errors++;
      else warnings++;
      bump(byFile, file, isError);
      bump(byRule, message.ruleId ?? 'schema-lint', isError);
      findings.push({ file, message });
    }
  }

  const lines = ['## schema-lint', ''];
  const fileWord = results.length === 1 ? 'file' : 'files';
  if (findings.length === 0) {
    lines.push(`No problems in ${results.length} ${fileWord}.`, '');
    return fitToBytes(lines, maxBytes);
  }
  lines.push(
    `**${plural(findings.length, 'problem')}** (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${byFile.size} of ${results.length} ${fileWord}.`,
    '',
    ...countTable('File', byFile, FILES_SHOWN),
    '',
    ...countTable('Rule', byRule, Number.POSITIVE_INFINITY),
    '',
  );

  // A stable sort keeps file and position order within each severity.
  const worst = findings.sort((a, b) => b.message.severity - a.message.severity).slice(0, WORST_FINDINGS_SHOWN);
  lines.push(
    findings.length > worst.length ? `### Worst findings (first ${worst.length} of ${findings.length})` : '### Findings',
    '',
    '| Severity | Where | Problem | Rule |',
    '| --- | --- | --- | --- |',
  );
  for (const { file, message } of worst) {
    const where = markdownCode(`${file}:${message.line}:${message.column}`);
    const problem = quoted(message.message) + (message.help ? `<br>help: ${quoted(message.help)}` : '');
    const rule = message.ruleId === null ? '' : markdownCode(message.ruleId);
    lines.push(`| ${severityName(message.severity)} | ${where} | ${problem} | ${rule} |`);
  }
  lines.push('');
  return fitToBytes(lines, maxBytes);
}

/** A message or help text for a table cell, at most QUOTED_TEXT_SHOWN characters of it. */
function quoted(text: string): string {
  return markdownText(cutMiddle(oneLine(text), QUOTED_TEXT_SHOWN));
}

/**
 * The lines joined, or as many whole lines from the top as fit in `maxBytes` with the note
 * after them. The rows of one summary are bounded (QUOTED_TEXT_SHOWN, FILES_SHOWN), but not
 * their paths, nor the room earlier writes in the step left.
 */
function fitToBytes(lines: readonly string[], maxBytes: number): string {
  const whole = lines.join('\n');
  if (Buffer.byteLength(whole, 'utf8') <= maxBytes) return whole;
  const ending = `\n\n${LEFT_OUT_NOTE}\n`;
  const room = maxBytes - Buffer.byteLength(ending, 'utf8');
  // The heading always stays, so the note says whose summary was cut.
  let used = Buffer.byteLength(lines[0], 'utf8');
  let count = 1;
  while (count < lines.length) {
    const size = 1 + Buffer.byteLength(lines[count], 'utf8');
    if (used + size > room) break;
    used += size;
    count++;
  }
  while (count > 1 && lines[count - 1] === '') count--;
  return lines.slice(0, count).join('\n') + ending;
}

function bump(counts: Map<string, Counts>, key: string, isError: boolean): void {
  const entry = counts.get(key) ?? { errors: 0, warnings: 0 };
  if (isError) entry.errors++;
  else entry.warnings++;
  counts.set(key, entry);
}

/**
 * Rows with the most errors first, then most warnings, then by name, so the table is stable;
 * past `limit` rows, one last row adds up the rest.
 */
function countTable(heading: string, counts: Map<string, Counts>, limit: number): string[] {
  const rows = [...counts].sort(
    ([nameA, a], [nameB, b]) => b.errors - a.errors || b.warnings - a.warnings || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0),
  );
  const shown = rows.slice(0, limit);
  const lines = [
    `| ${heading} | Errors | Warnings |`,
    '| --- | ---: | ---: |',
    ...shown.map(([name, entry]) => `| ${markdownCode(name)} | ${entry.errors} | ${entry.warnings} |`),
  ];
  if (rows.length > shown.length) {
    const rest = rows.slice(shown.length);
    const errors = rest.reduce((sum, [, entry]) => sum + entry.errors, 0);
    const warnings = rest.reduce((sum, [, entry]) => sum + entry.warnings, 0);
    lines.push(`| ${plural(rest.length, `more ${heading.toLowerCase()}`)} | ${errors} | ${warnings} |`);
  }
  return lines;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
