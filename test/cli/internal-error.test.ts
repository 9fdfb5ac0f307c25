import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

/**
 * An error thrown by a rule ends the run with one line on stderr and exit 2, and the line names
 * the file being linted, whichever thread linted it. The throwing rule comes from a preload
 * (throwing-rule.mjs) into the compiled CLI (`npm test` builds first).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = tempDir('internal-error');
writeFileSync(path.join(root, 'a.sql'), 'SELECT 1;\nSELECT EXPLODE;\n');
writeFileSync(path.join(root, 'b.sql'), 'SELECT 2;\n');

function run(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, ['--import', path.join(here, 'throwing-rule.mjs'), path.join(here, 'compiled-cli.mjs'), ...args], {
    cwd: root,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SCHEMA_LINT_DEBUG: undefined, ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const report = (file: string, thread: string): string =>
  `schema-lint: Internal error while linting ${file}: test/throws met EXPLODE in the ${thread} thread (please report this; set SCHEMA_LINT_DEBUG=1 for details)\n`;

describe('an internal error in a rule', () => {
  it('names the file in the main thread', () => {
    expect(run(['.', '--concurrency', 'off'])).toEqual({ status: 2, stdout: '', stderr: report('a.sql', 'main') });
  });

  it('names the file in a worker thread', () => {
    // Two threads, two files: the worker is fed the first file (a.sql) before the main thread takes the next.
    expect(run(['.', '--concurrency', '2'])).toEqual({ status: 2, stdout: '', stderr: report('a.sql', 'worker') });
  });

  it('names the file standard input stands for', () => {
    const result = run(['--stdin', '--stdin-filename', 'db/new.sql'], { input: 'SELECT EXPLODE;\n' });
    expect(result).toEqual({ status: 2, stdout: '', stderr: report('db/new.sql', 'main') });
  });

  it("adds the rule's stack with SCHEMA_LINT_DEBUG=1, from the worker that threw it", () => {
    const { status, stderr } = run(['.', '--concurrency', '2'], { env: { SCHEMA_LINT_DEBUG: '1' } });
    expect(status).toBe(2);
    const [line, stack] = stderr.split(/\n(?=Error: )/);
    expect(`${line}\n`).toBe(report('a.sql', 'worker'));
    expect(stack).toMatch(/^Error: test\/throws met EXPLODE\nin the worker thread\n\s+at .*throwing-rule\.mjs/);
  });
});
