import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The pre-commit hook, run by the real `pre-commit` tool the way a user's repository runs
 * it: a `.pre-commit-config.yaml` pointing at this repository at its committed HEAD (which
 * pre-commit clones, installs with npm and builds), `pre-commit install`, then `git commit`.
 * Skipped only on a developer machine without pre-commit; in CI (`CI` set) it must run.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const preCommitFound = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = !preCommitFound && !process.env.CI;

// Installing the hook clones this repository, runs npm install and builds it: minutes, not seconds.
const INSTALL_TIMEOUT_MS = 15 * 60_000;

const SQLITE_HABITS = 'CREATE TABLE users (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n  name NVARCHAR(50) NOT NULL\n);\n';
const CLEAN_TSQL = 'CREATE TABLE users (\n  id INT IDENTITY(1,1) PRIMARY KEY,\n  name NVARCHAR(50) NOT NULL\n);\n';

/** The snippets docs/integrations.md shows, with this checkout as the repository. */
function preCommitConfig(repo: string, rev: string, args?: string): string {
  const lines = ['repos:', `  - repo: ${repo}`, `    rev: ${rev}`, '    hooks:', '      - id: schema-lint'];
  if (args) lines.push(`        args: ${args}`);
  return `${lines.join('\n')}\n`;
}

describe.skipIf(skip)(`pre-commit hook (real pre-commit${preCommitFound ? '' : ': not installed'})`, () => {
  let work: string;
  let project: string;
  let env: NodeJS.ProcessEnv;
  let rev: string;

  const run = (command: string, args: string[]): SpawnSyncReturns<string> =>
    spawnSync(command, args, { cwd: project, env, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS });
  const output = (result: SpawnSyncReturns<string>): string => `${result.stdout}${result.stderr}`;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'schema-lint-pre-commit-'));
    project = path.join(work, 'project');
    mkdirSync(path.join(project, 'db'), { recursive: true });
    // A git hook's variables (GIT_DIR, GIT_INDEX_FILE) would point git at the wrong repository.
    env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
    Object.assign(env, { PRE_COMMIT_HOME: path.join(work, 'cache'), PRE_COMMIT_COLOR: 'never', NO_COLOR: '1' });

    const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, env, encoding: 'utf8' });
    expect(head.status, head.stderr).toBe(0);
    for (const args of [['init', '-q'], ['config', 'user.email', 'dev@example.com'], ['config', 'user.name', 'Dev'], ['config', 'commit.gpgsign', 'false']]) {
      expect(run('git', args).status).toBe(0);
    }
    rev = head.stdout.trim();
    writeFileSync(path.join(project, '.pre-commit-config.yaml'), preCommitConfig(repoRoot, rev));
    const install = run('pre-commit', ['install']);
    expect(install.status, output(install)).toBe(0);
  }, 120_000);

  // The cache holds the hook's node_modules: removing it takes a while on a slow disk.
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it(
    'refuses a commit of a T-SQL file written with SQLite syntax, showing the diagnostic',
    () => {
      writeFileSync(path.join(project, 'db', 'schema.sql'), SQLITE_HABITS);
      expect(run('git', ['add', '.pre-commit-config.yaml', 'db/schema.sql']).status).toBe(0);
      const commit = run('git', ['commit', '-m', 'Add the users table']);
      const shown = output(commit);
      expect(commit.status, shown).not.toBe(0);
      expect(shown).toMatch(/^schema-lint\.+Failed$/m);
      expect(shown).toContain('db/schema.sql:2:26');
      expect(shown).toContain("SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.");
      expect(shown).toContain('help: Write the column as INT IDENTITY(1,1) PRIMARY KEY.');
      // Nothing was committed.
      expect(run('git', ['rev-parse', '--verify', '--quiet', 'HEAD']).status).not.toBe(0);
    },
    INSTALL_TIMEOUT_MS,
  );

  it(
    'lets the commit through once the file is valid T-SQL',
    () => {
      writeFileSync(path.join(project, 'db', 'schema.sql'), CLEAN_TSQL);
      expect(run('git', ['add', 'db/schema.sql']).status).toBe(0);
      const commit = run('git', ['commit', '-m', 'Add the users table']);
      const shown = output(commit);
      expect(commit.status, shown).toBe(0);
      expect(shown).toMatch(/^schema-lint\.+Passed$/m);
      expect(run('git', ['log', '--format=%s']).stdout).toBe('Add the users table\n');
    },
    INSTALL_TIMEOUT_MS,
  );

  it(
    'with args: [--fix], rewrites the file, fails the commit because it changed, and passes once the fix is staged',
    () => {
      // Another table than the one committed, so the fixed file is part of the next commit.
      writeFileSync(path.join(project, 'db', 'schema.sql'), SQLITE_HABITS.replace('users', 'orders'));
      writeFileSync(path.join(project, '.pre-commit-config.yaml'), preCommitConfig(repoRoot, rev, '[--fix]'));
      expect(run('git', ['add', '.pre-commit-config.yaml', 'db/schema.sql']).status).toBe(0);
      const first = run('git', ['commit', '-m', 'Fix on commit']);
      expect(first.status, output(first)).not.toBe(0);
      expect(output(first)).toContain('- files were modified by this hook');
      expect(readFileSync(path.join(project, 'db', 'schema.sql'), 'utf8')).toBe(CLEAN_TSQL.replace('users', 'orders'));

      expect(run('git', ['add', 'db/schema.sql']).status).toBe(0);
      const second = run('git', ['commit', '-m', 'Fix on commit']);
      expect(second.status, output(second)).toBe(0);
      expect(output(second)).toMatch(/^schema-lint\.+Passed$/m);
    },
    INSTALL_TIMEOUT_MS,
  );
});
