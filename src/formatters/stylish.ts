import path from 'node:path';
import type { LintResult } from '../engine/diagnostic.js';
import { lineIndexOf } from '../engine/result-line-index.js';
import { SourceText } from '../sql/source-text.js';
import { dialectShortName } from '../sql/dialect.js';
import { palette } from './ansi.js';
import { codeFrame } from './code-frame.js';
import type { Formatter } from './formatter.js';
import { visibleControls } from './visible-controls.js';

/** For a result without text (an unreadable file): its messages get no code frame. */
const EMPTY_SOURCE = new SourceText('');

/**
 * The default, for people at a terminal: per problem a headline with severity and rule, the
 * location, a code frame with carets under the exact span, and the rewrite as `help:` — the
 * way the Rust compiler and Biome present diagnostics — then one summary line.
 */
const stylish: Formatter = (results, context) => {
  const style = palette(context.color);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  let filesWithProblems = 0;

  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    if (result.messages.length === 0) continue;
    filesWithProblems++;
    // Messages quote the file's names and SQL, and paths are the disk's: no control character
    // of theirs reaches the terminal, as in code frames (visible-controls.ts).
    const shownPath = visibleControls(displayPath(result, context.cwd));
    out.push(`${style.underline(shownPath)} ${style.dim(`(${dialectShortName(result.dialect)}: ${visibleControls(result.dialectSource)})`)}`);
    const source = lineIndexOf(result) ?? EMPTY_SOURCE;
    for (const message of result.messages) {
      const severity = message.severity === 2 ? style.red(style.bold('error')) : style.yellow(style.bold('warning'));
      const rule = message.ruleId ? ` ${style.dim(`[${message.ruleId}]`)}` : '';
      out.push(`${severity}: ${style.bold(visibleControls(message.message))}${rule}`);
      out.push(`  ${style.cyan('-->')} ${shownPath}:${message.line}:${message.column}`);
      if (!message.fatal) {
        const frame = codeFrame(source, message);
        if (frame) out.push(indent(frame, '  '));
      }
      if (message.help) out.push(`  ${style.cyan('help:')} ${visibleControls(message.help)}`);
      out.push('');
    }
  }

  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(filesWithProblems, 'file')}`;
  out.push(errors > 0 ? style.red(style.bold(summary)) : style.yellow(style.bold(summary)));
  if (fixableErrors + fixableWarnings > 0) {
    out.push(
      style.dim(`  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`),
    );
  }
  return `${out.join('\n')}\n`;
};

function displayPath(result: LintResult, cwd: string): string {
  const relative = path.relative(cwd, result.filePath);
  return relative.startsWith('..') || path.isAbsolute(relative) ? result.filePath : relative.split(path.sep).join('/');
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export default stylish;
