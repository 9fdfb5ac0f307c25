import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { loadSarifValidator } from '../formatters/sarif-schema.js';

/**
 * The Action's entry point run the way action.yml runs it on a runner: the compiled
 * `dist/src/action/main.js` (`npm test` builds first) in a fresh process, with the `GITHUB_*`
 * variables a runner sets, the inputs as `INPUT_*` variables, a temporary workspace, and
 * step-summary and output files to append to.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const entryPoint = path.join(repoRoot, 'dist', 'src', 'action', 'main.js');

// A schema kept in both dialects, as schema-lint expects (a lone file draws parity warnings).
const BAD_TSQL = 'CREATE TABLE users (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n  name NVARCHAR(50) NOT NULL\n);\n';
const CLEAN_TSQL = 'CREATE TABLE users (\n  id INT IDENTITY(1,1) PRIMARY KEY,\n  name NVARCHAR(50) NOT NULL\n);\n';
const CLEAN_SQLITE = 'CREATE TABLE users (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n  name TEXT NOT NULL\n);\n';
const AUTOINCREMENT_ANNOTATION =
  "::error file=db/schema.sql,line=2,col=26,endLine=2,endColumn=39,title=tsql/no-autoincrement::SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.%0Ahelp: Write the column as INT IDENTITY(1,1) PRIMARY KEY.";

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: string;
}

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'schema-lint-action-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A workspace holding `files`, then one run of the entry point with `inputs`. */
function runAction(files: Record<string, string>, inputs: Record<string, string>): ActionRun & { workspace: string } {
  const job = mkdtempSync(path.join(root, 'job-'));
  const workspace = path.join(job, 'workspace');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    writeFileSync(path.join(workspace, name), text);
  }
  mkdirSync(workspace, { recursive: true });
  const summaryFile = path.join(job, 'step_summary');
  const outputFile = path.join(job, 'output');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_EVENT_NAME: 'pull_request',
    RUNNER_TEMP: job,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  // Annotations quoting long SQL pass spawnSync's default 1 MiB of stdout.
  const run = spawnSync(process.execPath, [entryPoint], { cwd: workspace, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    summary: readFileSync(summaryFile, 'utf8'),
    outputs: readFileSync(outputFile, 'utf8'),
    workspace,
  };
}

describe('GitHub Action entry point', () => {
  it('is built', () => {
    expect(existsSync(entryPoint), `${entryPoint} is missing: run npm run build first`).toBe(true);
  });

  it('annotates the broken file, writes the step summary and outputs, and fails the job', () => {
    const run = runAction({ 'db/schema.sql': BAD_TSQL, 'db/schema.sqlite.sql': CLEAN_SQLITE }, {});
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain(AUTOINCREMENT_ANNOTATION);
    // Nothing is reported on the clean SQLite file.
    expect(run.stdout).not.toContain('schema.sqlite.sql');
    expect(lines.at(-1)).toMatch(/^schema-lint: \d+ errors? and \d+ warnings? in 2 files \(fail-on: error\)\.$/);
    expect(run.summary).toContain('## schema-lint\n');
    expect(run.summary).toContain("| error | `db/schema.sql:2:26` | SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.");
    expect(run.outputs).toMatch(/^error-count=[1-9]\d*\nwarning-count=\d+\nsarif-file=\n$/);
    expect(run.status).toBe(1);
  });

  it('passes on clean files, and still writes the summary', () => {
    const run = runAction({ 'db/schema.sql': CLEAN_TSQL, 'db/schema.sqlite.sql': CLEAN_SQLITE }, { paths: 'db' });
    expect(run.stdout).toBe('schema-lint: 0 errors and 0 warnings in 2 files.\n');
    expect(run.summary).toBe('## schema-lint\n\nNo problems in 2 files.\n');
    expect(run.outputs).toBe('error-count=0\nwarning-count=0\nsarif-file=\n');
    expect(run.status).toBe(0);
  });

  it('fails on warnings only when fail-on says so', () => {
    // SQL Server's REAL is 4 bytes, SQLite's 8: a warning (tsql/no-real-type), not an error.
    const files = {
      'db/schema.sql': 'CREATE TABLE prices (\n  id INT IDENTITY(1,1) PRIMARY KEY,\n  amount REAL NOT NULL\n);\n',
      'db/schema.sqlite.sql': 'CREATE TABLE prices (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n  amount REAL NOT NULL\n);\n',
    };
    const warning = /^::warning file=db\/schema\.sql,line=3,col=10,endLine=3,endColumn=14,title=tsql\/no-real-type::.*REAL.*$/m;
    const lenient = runAction(files, { paths: 'db' });
    expect(lenient.stdout).toMatch(warning);
    expect(lenient.stdout.trimEnd().split('\n').at(-1)).toBe('schema-lint: 0 errors and 1 warning in 2 files.');
    expect(lenient.status).toBe(0);
    const strict = runAction(files, { paths: 'db', 'fail-on': 'warning' });
    expect(strict.stdout).toMatch(warning);
    expect(strict.stdout.trimEnd().split('\n').at(-1)).toBe('schema-lint: 0 errors and 1 warning in 2 files (fail-on: warning).');
    expect(strict.status).toBe(1);
    const never = runAction({ 'db/schema.sql': BAD_TSQL, 'db/schema.sqlite.sql': CLEAN_SQLITE }, { 'fail-on': 'never' });
    expect(never.stdout).toContain(AUTOINCREMENT_ANNOTATION);
    expect(never.status).toBe(0);
  });

  it('writes a valid SARIF file for upload-sarif, with paths relative to the workspace', () => {
    const run = runAction(
      { 'database/db/schema.sql': BAD_TSQL, 'database/db/schema.sqlite.sql': CLEAN_SQLITE },
      { 'working-directory': 'database', paths: 'db', 'sarif-file': 'reports/schema-lint.sarif', format: 'compact' },
    );
    // The chosen format goes to the log too, relative to the workspace like the annotations.
    expect(run.stdout).toContain(
      "database/db/schema.sql:2:26: error: SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'. [tsql/no-autoincrement]\n",
    );
    expect(run.stdout).toContain(AUTOINCREMENT_ANNOTATION.replace('file=db/', 'file=database/db/'));
    const log = JSON.parse(readFileSync(path.join(run.workspace, 'reports', 'schema-lint.sarif'), 'utf8')) as Sarif.Log;
    expect(loadSarifValidator()(log)).toEqual([]);
    const result = log.runs[0].results!.find((r) => r.ruleId === 'tsql/no-autoincrement')!;
    expect(result.locations![0].physicalLocation!.artifactLocation).toMatchObject({ uri: 'database/db/schema.sql', uriBaseId: '%SRCROOT%' });
    expect(run.outputs).toContain('sarif-file=reports/schema-lint.sarif\n');
    expect(run.status).toBe(1);
  });

  it('keeps the step summary under 1 MiB when messages quote CHECKs of 60,000 characters', () => {
    // Each table's CHECK is missing from the SQLite side: parity/check quotes its whole expression.
    const codes = Array.from({ length: 4000 }, (_, index) => `'code_${String(index).padStart(5, '0')}'`).join(', ');
    let tsql = '';
    let sqlite = '';
    for (let table = 0; table < 21; table++) {
      tsql += `CREATE TABLE t${table} (id INT NOT NULL PRIMARY KEY, code NVARCHAR(20) NOT NULL, CHECK (code IN (${codes})));\n`;
      sqlite += `CREATE TABLE t${table} (id INTEGER NOT NULL PRIMARY KEY, code TEXT NOT NULL);\n`;
    }
    const run = runAction({ 'db/x.sql': tsql, 'db/x.sqlite.sql': sqlite }, { paths: 'db' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The annotations quote the whole expression; the summary's 20 findings a 500-character cut of it.
    expect(run.stdout).toContain(`::warning file=db/x.sqlite.sql,line=21,col=1`);
    expect(run.stdout).toContain(`'code_03999')) on t20 is declared in x.sql:21 but not here.`);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(20 * 1024);
    expect(run.summary).toContain('### Worst findings (first 20 of 21)');
    expect(run.summary).toContain("'code\\_03999')) on t0 is declared in x.sql:1 but not here.");
  });

  it('reports a bad input or config as one error annotation with exit code 2', () => {
    const badInput = runAction({ 'a.sql': BAD_TSQL }, { format: 'xml' });
    expect(badInput.stdout).toBe(
      '::error title=schema-lint::Input format must be one of stylish, json, sarif, github, junit, checkstyle, compact, not "xml".\n',
    );
    expect(badInput.status).toBe(2);
    const badConfig = runAction({ 'a.sql': BAD_TSQL, 'broken.json': '{ not json' }, { config: 'broken.json' });
    expect(badConfig.stdout).toMatch(/^::error title=schema-lint::.*broken\.json.*\n$/);
    expect(badConfig.stderr).toBe('');
    expect(badConfig.status).toBe(2);
  });
});
