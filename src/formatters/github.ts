import { appendFileSync, existsSync, statSync } from 'node:fs';
import type { Diagnostic } from '../engine/diagnostic.js';
import type { Formatter } from './formatter.js';
import { displayPath } from './display-path.js';
import { STEP_SUMMARY_MAX_BYTES, stepSummary } from './step-summary.js';
import { workflowCommand } from './workflow-command.js';

/**
 * GitHub Actions annotations: one workflow command per problem, which the runner turns into
 * a note on the pull request's diff at the exact range. Paths are relative to the working
 * folder, which in a workflow is the repository checkout (GITHUB_WORKSPACE).
 *
 * When the runner provides GITHUB_STEP_SUMMARY, a Markdown summary is appended to that file
 * (other steps write to it too, so it is never truncated). A summary that cannot be written
 * becomes a warning annotation instead of an exception: the lint results still count.
 */
const github: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = displayPath(result.filePath, context.cwd);
    for (const message of result.messages) lines.push(annotation(file, message));
  }
  const summaryPath = context.env.GITHUB_STEP_SUMMARY;
  if (summaryPath) {
    const problem = appendSummary(summaryPath, (room) => stepSummary(results, context.cwd, room));
    if (problem) lines.push(workflowCommand('warning', [['title', 'schema-lint']], problem));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};

function annotation(file: string, message: Diagnostic): string {
  const text = message.help ? `${message.message}\nhelp: ${message.help}` : message.message;
  return workflowCommand(
    message.severity === 2 ? 'error' : 'warning',
    [
      ['file', file],
      ['line', message.line],
      ['col', message.column],
      ['endLine', message.endLine],
      ['endColumn', message.endColumn],
      ['title', message.ruleId ?? 'schema-lint'],
    ],
    text,
  );
}

/**
 * Appends, starting on a fresh line after what earlier steps wrote; returns why it failed, if it
 * did. The file is the step's own, so the summary gets what its 1 MiB has left.
 */
function appendSummary(summaryPath: string, markdown: (maxBytes: number) => string): string | undefined {
  try {
    const written = existsSync(summaryPath) ? statSync(summaryPath).size : 0;
    const separator = written > 0 ? '\n' : '';
    appendFileSync(summaryPath, separator + markdown(STEP_SUMMARY_MAX_BYTES - written - separator.length), 'utf8');
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `Could not append the step summary to ${summaryPath}: ${reason}`;
  }
}

export default github;
