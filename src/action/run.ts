import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { allRuleMetas } from '../../rules/index.js';
import { lintFiles } from '../api/lint.js';
import type { LintResult } from '../engine/diagnostic.js';
import { writeFileAtomic } from '../files/write-atomic.js';
import type { FormatterContext } from '../formatters/formatter.js';
import { FORMATTER_NAMES, loadFormatter } from '../formatters/index.js';
import { workflowCommand } from '../formatters/workflow-command.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';

export interface ActionIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  write(text: string): void;
}

/**
 * One run of the GitHub Action: lint the inputs' paths once, then print the annotations
 * (always, and the step summary with them), the chosen log format if it is another one, and
 * the SARIF report if asked; set the step's outputs; return the exit code the job sees:
 * 1 when problems reach `fail-on`, 2 when the inputs or the config are wrong, else 0.
 * Every failure ends in an error annotation, never a stack trace.
 */
export async function runAction(io: ActionIo): Promise<number> {
  try {
    const inputs = readInputs(io.env, io.cwd);
    const formatter = await loadFormatter(inputs.format);
    if (!formatter) throw new InputError(`Input format must be one of ${FORMATTER_NAMES.join(', ')}, not "${inputs.format}".`);

    const results = await lintFiles(inputs.paths, { cwd: inputs.workingDirectory, configFile: inputs.config });
    // Annotation and SARIF paths are relative to the checkout, whatever the working directory.
    const context: FormatterContext = { cwd: inputs.workspace, rulesMeta: allRuleMetas(), color: false, env: io.env };

    const github = await loadFormatter('github');
    if (inputs.format !== 'github') io.write(formatter(results, { ...context, env: {} }));
    io.write(github!(results, context));
    if (inputs.sarifFile) {
      const sarif = await loadFormatter('sarif');
      // upload-sarif is often pointed at a fresh reports/ folder; make it rather than fail.
      mkdirSync(path.dirname(inputs.sarifFile), { recursive: true });
      writeFileAtomic(inputs.sarifFile, sarif!(results, context), { refuseReadOnly: false });
    }

    const totals = countProblems(results);
    setOutputs(io, {
      'error-count': totals.errors,
      'warning-count': totals.warnings,
      'sarif-file': inputs.sarifFile ? path.relative(inputs.workspace, inputs.sarifFile).split(path.sep).join('/') : '',
    });
    const failed = fails(inputs, totals);
    io.write(`schema-lint: ${plural(totals.errors, 'error')} and ${plural(totals.warnings, 'warning')} in ${plural(results.length, 'file')}${failed ? ` (fail-on: ${inputs.failOn})` : ''}.\n`);
    return failed ? 1 : 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.write(`${workflowCommand('error', [['title', 'schema-lint']], message)}\n`);
    return 2;
  }
}

function countProblems(results: readonly LintResult[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
  }
  return { errors, warnings };
}

function fails(inputs: ActionInputs, totals: { errors: number; warnings: number }): boolean {
  if (inputs.failOn === 'never') return false;
  if (inputs.failOn === 'warning') return totals.errors + totals.warnings > 0;
  return totals.errors > 0;
}

/**
 * Step outputs go to the file named by GITHUB_OUTPUT: `name=value` lines, or the runner's
 * `name<<delimiter` form for a value with a line break (a path could hold one).
 */
function setOutputs(io: ActionIo, outputs: Record<string, string | number>): void {
  const file = io.env.GITHUB_OUTPUT;
  if (!file) return;
  const lines = Object.entries(outputs).map(([name, value]) => {
    const text = String(value);
    if (!/[\r\n]/.test(text)) return `${name}=${text}\n`;
    const delimiter = `schema-lint-${randomUUID()}`;
    return `${name}<<${delimiter}\n${text}\n${delimiter}\n`;
  });
  appendFileSync(file, lines.join(''), 'utf8');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
