import path from 'node:path';

/** When the job fails: on errors (the default), on warnings too, or never (report only). */
export type FailOn = 'error' | 'warning' | 'never';
const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'never'];

/** The Action's inputs, read from the `INPUT_*` variables that action.yml passes on. */
export interface ActionInputs {
  /** Files, folders and globs to lint, relative to the working directory. */
  paths: string[];
  /** An explicit config file, relative to the working directory; otherwise it is searched for. */
  config?: string;
  /** A format printed to the log besides the annotations (`github` prints only those). */
  format: string;
  /** Where to write a SARIF report, absolute (resolved against the workspace). */
  sarifFile?: string;
  failOn: FailOn;
  /** The repository checkout: annotation and SARIF paths are relative to it. */
  workspace: string;
  /** Where paths and config are resolved from and linting runs (a folder in the workspace). */
  workingDirectory: string;
}

/** A bad input value: reported as one error annotation, exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/**
 * Reads an input the way `@actions/core` does: `INPUT_` and the name in upper case with
 * spaces as `_`. action.yml passes them with `_` for `-` as well (a composite action's steps
 * do not get `INPUT_*` variables on their own), so both spellings are accepted.
 */
export function readInput(env: NodeJS.ProcessEnv, name: string): string {
  const upper = name.toUpperCase().replaceAll(' ', '_');
  const value = env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replaceAll('-', '_')}`] ?? '';
  return value.trim();
}

/**
 * Paths: one per line, or several on one line separated by spaces. A path that holds a space
 * goes on a line of its own in a multi-line input.
 */
export function splitPaths(value: string): string[] {
  const lines = value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 1) return lines[0].split(/\s+/);
  return lines;
}

export function readInputs(env: NodeJS.ProcessEnv, processCwd: string): ActionInputs {
  const workspace = path.resolve(processCwd, env.GITHUB_WORKSPACE || '.');
  const workingDirectory = path.resolve(workspace, readInput(env, 'working-directory') || '.');
  const paths = splitPaths(readInput(env, 'paths'));

  const failOnText = (readInput(env, 'fail-on') || 'error').toLowerCase();
  const failOn = (failOnText === 'warn' ? 'warning' : failOnText === 'none' ? 'never' : failOnText) as FailOn;
  if (!FAIL_ON_VALUES.includes(failOn)) {
    throw new InputError(`Input fail-on must be one of ${FAIL_ON_VALUES.join(', ')}, not "${failOnText}".`);
  }

  const config = readInput(env, 'config');
  const sarifFile = readInput(env, 'sarif-file');
  return {
    paths: paths.length > 0 ? paths : ['.'],
    config: config === '' ? undefined : config,
    format: readInput(env, 'format') || 'github',
    sarifFile: sarifFile === '' ? undefined : path.resolve(workspace, sarifFile),
    failOn,
    workspace,
    workingDirectory,
  };
}
