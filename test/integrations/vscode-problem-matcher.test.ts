import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import compact from '../../src/formatters/compact.js';
import { sampleContext, sampleResults, TRICKY_MESSAGE } from '../formatters/sample-results.js';
import { repoRoot, runCli } from '../support/cli.js';

/**
 * editors/vscode/tasks.json: VS Code tasks whose problem matcher reads `--format compact`.
 * The matcher's regular expression is run (VS Code runs it as a JavaScript RegExp) over real
 * output of the built CLI, from files and from `--stdin`, and over the escaping samples.
 */
interface ProblemMatcher {
  owner: string;
  fileLocation: string[];
  pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number };
}

const tasks = JSON.parse(readFileSync(path.join(repoRoot, 'editors', 'vscode', 'tasks.json'), 'utf8')) as {
  tasks: { label: string; args: string[]; problemMatcher: ProblemMatcher }[];
};
const matcher = tasks.tasks[0].problemMatcher;
const regexp = new RegExp(matcher.pattern.regexp);

interface Problem {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  code: string | undefined;
}

function match(line: string): Problem | undefined {
  const found = regexp.exec(line);
  if (!found) return undefined;
  const { pattern } = matcher;
  return {
    file: found[pattern.file],
    line: Number(found[pattern.line]),
    column: Number(found[pattern.column]),
    severity: found[pattern.severity],
    message: found[pattern.message],
    code: found[pattern.code],
  };
}

describe('VS Code problem matcher for --format compact', () => {
  it('is the same in every task, and every task asks for compact output', () => {
    for (const task of tasks.tasks) {
      expect(task.problemMatcher).toEqual(matcher);
      expect(task.args.slice(0, 3)).toEqual(['schema-lint', '--format', 'compact']);
    }
    expect(matcher.fileLocation).toEqual(['autoDetect', '${workspaceFolder}']);
  });

  it('reads every line the CLI prints for the example tree', () => {
    const run = runCli(['fixtures/example', '--format', 'compact']);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    const problems = lines.map((line) => ({ line, problem: match(line) }));
    expect(problems.filter((entry) => !entry.problem).map((entry) => entry.line)).toEqual([]);
    expect(problems.map((entry) => entry.problem)).toContainEqual({
      file: 'fixtures/example/src/Database/ai_schema_updates.sql',
      line: 9,
      column: 28,
      severity: 'error',
      message: "SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.",
      code: 'tsql/no-autoincrement',
    });
  });

  it('reads the CLI output for an unsaved buffer given on --stdin', () => {
    const run = runCli(['--stdin', '--stdin-filename', 'db/schema.sql', '--format', 'compact'], {
      input: 'CREATE TABLE t (\n\tid INTEGER PRIMARY KEY AUTOINCREMENT\n);\n',
    });
    expect(run.status).toBe(1);
    expect(run.stdout.trimEnd().split('\n').map(match)).toContainEqual({
      file: 'db/schema.sql',
      line: 2,
      column: 25,
      severity: 'error',
      message: "SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.",
      code: 'tsql/no-autoincrement',
    });
  });

  it('keeps colons, commas and brackets in file names and messages where they belong', () => {
    const lines = compact(sampleResults(), sampleContext()).trimEnd().split('\n').map(match);
    expect(lines).toEqual([
      { file: 'db/missing.sql', line: 1, column: 1, severity: 'error', message: 'Cannot read the file: permission denied.', code: undefined },
      {
        file: 'db/odd:name, 100%.sql',
        line: 2,
        column: 5,
        severity: 'warning',
        message: 'A file name with a colon, a comma and a percent sign.',
        code: 'tsql/example-warning',
      },
      expect.objectContaining({ file: 'db/schema.sql', line: 3, column: 26, code: 'tsql/no-autoincrement' }),
      {
        file: 'db/schema.sql',
        line: 4,
        column: 3,
        severity: 'warning',
        message: TRICKY_MESSAGE.replace(/\s*(\r\n|\n)\s*/g, ' '),
        code: 'tsql/example-warning',
      },
    ]);
  });
});
