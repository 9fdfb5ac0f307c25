import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInput } from '../../src/action/inputs.js';

/**
 * The files GitHub and pre-commit read from this repository, checked the way those tools
 * read them: they parse, they name what exists, and they agree with the code and .ci/run.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const readYaml = (file: string): unknown => parse(readFileSync(path.join(repoRoot, file), 'utf8'));

interface ActionDefinition {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; run?: string; env?: Record<string, string>; shell?: string }[] };
}

interface Workflow {
  jobs: Record<string, { strategy?: { matrix: { node: number[] } }; steps: { uses?: string; run?: string; id?: string; with?: Record<string, string>; 'continue-on-error'?: boolean }[] }>;
}

describe('action.yml', () => {
  const action = readYaml('action.yml') as ActionDefinition;
  const lintStep = action.runs.steps.find((step) => step.id === 'lint')!;

  it('is a composite action whose lint step runs the compiled entry point', () => {
    expect(action.runs.using).toBe('composite');
    expect(lintStep.run).toBe('node "$GITHUB_ACTION_PATH/dist/src/action/main.js"');
    expect(existsSync(path.join(repoRoot, 'src', 'action', 'main.ts'))).toBe(true);
    expect(action.runs.steps.every((step) => step.shell === 'bash')).toBe(true);
  });

  it('has the inputs users set, with their defaults', () => {
    expect(Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]))).toEqual({
      paths: '.',
      config: '',
      format: 'github',
      'sarif-file': '',
      'fail-on': 'error',
      'working-directory': '.',
    });
  });

  it('passes every input to the entry point under the name it reads', () => {
    for (const name of Object.keys(action.inputs)) {
      const envName = Object.keys(lintStep.env ?? {}).find((key) => lintStep.env![key] === `\${{ inputs.${name} }}`);
      expect(envName, `input ${name} is not passed to the lint step`).toBeDefined();
      expect(readInput({ [envName!]: 'value' }, name)).toBe('value');
    }
  });

  it('exposes the outputs the entry point writes', () => {
    expect(action.outputs).toEqual({
      'error-count': expect.objectContaining({ value: '${{ steps.lint.outputs.error-count }}' }),
      'warning-count': expect.objectContaining({ value: '${{ steps.lint.outputs.warning-count }}' }),
      'sarif-file': expect.objectContaining({ value: '${{ steps.lint.outputs.sarif-file }}' }),
    });
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = readYaml('.pre-commit-hooks.yaml') as { id: string; entry: string; language: string; files: string }[];
  const hook = hooks.find((candidate) => candidate.id === 'schema-lint')!;

  it('defines the schema-lint hook on the package binary', () => {
    expect(hook).toBeDefined();
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toContain(hook.entry);
    expect(hook.language).toBe('node');
  });

  it('runs on .sql files only', () => {
    const files = new RegExp(hook.files);
    expect(['schema.sql', 'db/Schema.sqlite.sql', 'a b/c.sql'].filter((name) => files.test(name))).toHaveLength(3);
    expect(['schema.sql.bak', 'notes.md', 'sql/readme'].filter((name) => files.test(name))).toEqual([]);
  });
});

describe('.github/workflows/ci.yml', () => {
  const workflow = readYaml('.github/workflows/ci.yml') as Workflow;

  it('runs the npm steps of .ci/run, in order, on Node 20 and 22', () => {
    const ciRun = readFileSync(path.join(repoRoot, '.ci', 'run'), 'utf8');
    const ciSteps = ciRun.split('\n').filter((line) => /^npm /.test(line));
    expect(ciSteps.length).toBeGreaterThan(0);
    const test = workflow.jobs.test;
    expect(test.strategy?.matrix.node).toEqual([20, 22]);
    expect(test.steps.filter((step) => step.run?.startsWith('npm ')).map((step) => step.run)).toEqual(ciSteps);
    // .ci/run installs pre-commit when missing; the workflow must too, or the hook test fails there.
    expect(ciRun).toContain('apt-get install -y -qq pre-commit');
    expect(test.steps.some((step) => step.run?.includes('apt-get install -y -qq pre-commit'))).toBe(true);
  });

  it('runs this repository as an Action on fixtures/ and requires it to fail', () => {
    const steps = workflow.jobs.action.steps;
    const lint = steps.find((step) => step.uses === './')!;
    expect(lint).toMatchObject({ id: 'lint', 'continue-on-error': true, with: { paths: 'fixtures' } });
    expect(steps.at(-1)?.run).toContain('test "$OUTCOME" = failure');
  });
});
