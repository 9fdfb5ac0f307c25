import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as GlobModule from 'glob';
import type { Ignore } from 'ignore';
import { findSqlFiles } from './find-sql-files.js';
import { SharedGlob } from './shared-glob.js';

/** A usage problem with the paths given: the CLI prints it and exits 2. */
export class PathError extends Error {
  override name = 'PathError';
}

export interface DiscoverOptions {
  cwd: string;
  /** Folder that config `ignores` and `.schemalintignore` are relative to. */
  baseDir: string;
  /** Config `ignores` (gitignore syntax). */
  ignores: readonly string[];
  /** ESLint's --no-error-on-unmatched-pattern turns this off. */
  errorOnUnmatchedPattern: boolean;
}

export interface DiscoveredFiles {
  files: string[];
  /** Paths that matched nothing, when that is not an error. */
  unmatched: string[];
}

export const IGNORE_FILE_NAME = '.schemalintignore';
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

/**
 * Turns the command line's paths into a sorted list of absolute file paths: a file is taken
 * as given, a folder is searched for `*.sql`, anything else is a glob. `node_modules`, `.git`,
 * config `ignores` and `.schemalintignore` patterns are skipped. Symbolic links to folders are
 * not followed, so a link loop cannot trap the walk.
 */
export async function discoverFiles(patterns: readonly string[], options: DiscoverOptions): Promise<DiscoveredFiles> {
  const ignorer = await buildIgnorer(options);
  const found = new Set<string>();
  const unmatched: string[] = [];
  // One glob cache for every glob on the command line, made when the first one needs it.
  let shared: SharedGlob | undefined;
  const globs = async () => (shared ??= new SharedGlob(await loadGlob()));

  for (const pattern of patterns) {
    const matches = await expand(pattern, options.cwd, globs);
    const kept = matches.filter((file) => !isIgnored(ignorer, options.baseDir, file));
    if (kept.length === 0) {
      if (options.errorOnUnmatchedPattern) {
        const reason = matches.length > 0 ? ' (all matching files are ignored)' : '';
        throw new PathError(`No files matching the pattern "${pattern}" were found${reason}.`);
      }
      unmatched.push(pattern);
    }
    for (const file of kept) found.add(file);
  }
  return { files: [...found].sort(), unmatched };
}

async function expand(pattern: string, cwd: string, globs: () => Promise<SharedGlob>): Promise<string[]> {
  const absolute = path.resolve(cwd, pattern);
  let stats;
  try {
    stats = statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES') throw new PathError(`Cannot read "${pattern}": permission denied.`);
    if (code === 'ELOOP') throw new PathError(`Cannot read "${pattern}": too many levels of symbolic links.`);
    if (!(await loadGlob()).hasMagic(pattern, { windowsPathsNoEscape: true })) return [];
  }
  if (stats?.isFile()) return [absolute];
  // A folder's `**/*.sql` as glob would find them, without loading glob (findSqlFiles).
  if (stats?.isDirectory()) return findSqlFiles(absolute);
  if (stats) return [];
  const matches = await (await globs()).match(toPosix(pattern), { cwd, absolute: true, nodir: true, dot: false, ignore: ALWAYS_SKIPPED });
  return matches.map((match) => path.normalize(match));
}

/** glob is loaded when a pattern needs it: folders (findSqlFiles) and files named one by one (a pre-commit hook) never do. */
function loadGlob(): Promise<typeof GlobModule> {
  return import('glob');
}

/** The `ignore` matcher, or undefined (and `ignore` never loaded) when there is nothing to ignore. */
async function buildIgnorer(options: DiscoverOptions): Promise<Ignore | undefined> {
  const ignoreFile = path.join(options.baseDir, IGNORE_FILE_NAME);
  let fileText: string | undefined;
  if (existsSync(ignoreFile)) {
    try {
      fileText = readFileSync(ignoreFile, 'utf8');
    } catch (error) {
      throw new PathError(`Cannot read ${ignoreFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    }
  }
  if (options.ignores.length === 0 && fileText === undefined) return undefined;
  const { default: ignore } = await import('ignore');
  const ignorer = ignore().add([...options.ignores]);
  if (fileText !== undefined) ignorer.add(fileText);
  return ignorer;
}

function isIgnored(ignorer: Ignore | undefined, baseDir: string, file: string): boolean {
  if (!ignorer) return false;
  const relative = path.relative(baseDir, file);
  // Files outside the base folder cannot be matched by its patterns.
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return ignorer.ignores(toPosix(relative));
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
