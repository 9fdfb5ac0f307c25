import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * action.yml's composite steps, run as GitHub's runner runs them: the action checked out at
 * this repository's HEAD in its own folder (`github.action_path`), each step's `run` through
 * `bash --noprofile --norc -eo pipefail` in its `working-directory`, `${{ }}` expressions
 * filled in from the inputs (or their defaults) and the `github` context, and the step
 * outputs read back from GITHUB_OUTPUT. The install step really runs `npm ci` and the build.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const STEP_TIMEOUT_MS = 10 * 60_000;

interface Step {
  name?: string;
  id?: string;
  shell: string;
  run: string;
  'working-directory'?: string;
  env?: Record<string, string>;
}

interface ActionDefinition {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionDefinition;

describe('action.yml run as a composite action', () => {
  let work: string;
  let actionPath: string;
  let workspace: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'schema-lint-composite-'));
    actionPath = path.join(work, '_actions', 'schema-lint');
    workspace = path.join(work, 'workspace');
    // HEAD exactly, even when the checkout is detached (a pull request's merge commit on GitHub).
    const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
    expect(head.status, head.stderr).toBe(0);
    const clone = spawnSync('git', ['clone', '--quiet', '--no-checkout', repoRoot, actionPath], { encoding: 'utf8' });
    expect(clone.status, clone.stderr).toBe(0);
    const checkout = spawnSync('git', ['checkout', '--quiet', head.stdout.trim()], { cwd: actionPath, encoding: 'utf8' });
    expect(checkout.status, checkout.stderr).toBe(0);
    mkdirSync(path.join(workspace, 'db'), { recursive: true });
    // The schema in both dialects, the T-SQL one written with SQLite's AUTOINCREMENT.
    writeFileSync(path.join(workspace, 'db', 'schema.sql'), 'CREATE TABLE users (\n  id INTEGER PRIMARY KEY AUTOINCREMENT\n);\n');
    writeFileSync(path.join(workspace, 'db', 'schema.sqlite.sql'), 'CREATE TABLE users (\n  id INTEGER PRIMARY KEY AUTOINCREMENT\n);\n');
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  /**
   * Runs the steps with `inputs` (from the one with id `fromStep`, when the install already
   * ran in this folder); returns the last step's result and the action's outputs.
   */
  function runSteps(inputs: Record<string, string>, fromStep?: string) {
    const job = mkdtempSync(path.join(work, 'job-'));
    const summaryFile = path.join(job, 'summary.md');
    const outputFiles: Record<string, string> = {};
    const stepOutputs: Record<string, Record<string, string>> = {};
    const evaluate = (text: string): string =>
      text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
        if (expression === 'github.action_path') return actionPath;
        if (expression === 'github.workspace') return workspace;
        const input = /^inputs\.([\w-]+)$/.exec(expression);
        if (input) {
          if (!(input[1] in action.inputs)) throw new Error(`action.yml uses an undeclared input: ${input[1]}`);
          return inputs[input[1]] ?? action.inputs[input[1]].default ?? '';
        }
        const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
        if (output) return stepOutputs[output[1]]?.[output[2]] ?? '';
        throw new Error(`expression not supported by this test runner: ${expression}`);
      });

    let last = { status: null as number | null, stdout: '', stderr: '' };
    const first = fromStep === undefined ? 0 : action.runs.steps.findIndex((step) => step.id === fromStep);
    expect(first).toBeGreaterThanOrEqual(0);
    for (const [index, step] of action.runs.steps.entries()) {
      if (index < first) continue;
      expect(step.shell).toBe('bash');
      const outputFile = path.join(job, `output-${index}`);
      writeFileSync(outputFile, '');
      outputFiles[index] = outputFile;
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace,
        GITHUB_ACTION_PATH: actionPath,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_OUTPUT: outputFile,
      };
      for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(value);
      const cwd = evaluate(step['working-directory'] ?? '${{ github.workspace }}');
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', evaluate(step.run)], {
        cwd,
        env,
        encoding: 'utf8',
        timeout: STEP_TIMEOUT_MS,
      });
      last = { status: result.status, stdout: result.stdout, stderr: result.stderr };
      if (step.id) {
        stepOutputs[step.id] = Object.fromEntries(
          readFileSync(outputFile, 'utf8')
            .split('\n')
            .filter((line) => line.includes('='))
            .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
        );
      }
      if (result.status !== 0) break;
    }
    const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, evaluate(output.value)]));
    return { last, outputs, summary: readFileSync(summaryFile, { encoding: 'utf8', flag: 'a+' }) };
  }

  it(
    'installs, builds, annotates, summarises, sets its outputs and fails the step on a T-SQL file with SQLite syntax',
    () => {
      const { last, outputs, summary } = runSteps({ paths: 'db', 'sarif-file': 'out/schema-lint.sarif' });
      expect(last.stdout).toContain(
        "::error file=db/schema.sql,line=2,col=26,endLine=2,endColumn=39,title=tsql/no-autoincrement::SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.",
      );
      expect(summary).toContain('| `db/schema.sql` | 1 | 0 |');
      expect(outputs).toEqual({ 'error-count': '1', 'warning-count': '0', 'sarif-file': 'out/schema-lint.sarif' });
      expect(JSON.parse(readFileSync(path.join(workspace, 'out', 'schema-lint.sarif'), 'utf8')).version).toBe('2.1.0');
      expect(last.status).toBe(1);
    },
    2 * STEP_TIMEOUT_MS,
  );

  it(
    'passes with fail-on: never (the lint step again, on the installed action)',
    () => {
      const { last, outputs } = runSteps({ paths: 'db', 'fail-on': 'never' }, 'lint');
      expect(last.stdout.trimEnd().split('\n').at(-1)).toBe('schema-lint: 1 error and 0 warnings in 2 files.');
      expect(outputs['error-count']).toBe('1');
      expect(last.status).toBe(0);
    },
    2 * STEP_TIMEOUT_MS,
  );
});
