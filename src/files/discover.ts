import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { glob, hasMagic } from 'glob';
import ignore, { type Ignore } from 'ignore';

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
  const ignorer = buildIgnorer(options);
  const found = new Set<string>();
  const unmatched: string[] = [];

  for (const pattern of patterns) {
    const matches = await expand(pattern, options.cwd);
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

async function expand(pattern: string, cwd: string): Promise<string[]> {
  const absolute = path.resolve(cwd, pattern);
  let stats;
  try {
    stats = statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES') throw new PathError(`Cannot read "${pattern}": permission denied.`);
    if (code === 'ELOOP') throw new PathError(`Cannot read "${pattern}": too many levels of symbolic links.`);
    if (!hasMagic(pattern, { windowsPathsNoEscape: true })) return [];
  }
  if (stats?.isFile()) return [absolute];
  if (stats?.isDirectory()) return searchFolder(absolute);
  if (stats) return [];
  const matches = await glob(toPosix(pattern), { cwd, absolute: true, nodir: true, dot: false, ignore: ALWAYS_SKIPPED });
  return matches.map((match) => path.normalize(match));
}

async function searchFolder(folder: string): Promise<string[]> {
  const matches = await glob('**/*.sql', {
    cwd: folder,
    absolute: true,
    nodir: true,
    follow: false,
    nocase: true,
    ignore: ALWAYS_SKIPPED,
  });
  return matches.map((match) => path.normalize(match));
}

function buildIgnorer(options: DiscoverOptions): Ignore {
  const ignorer = ignore().add([...options.ignores]);
  const ignoreFile = path.join(options.baseDir, IGNORE_FILE_NAME);
  if (existsSync(ignoreFile)) {
    try {
      ignorer.add(readFileSync(ignoreFile, 'utf8'));
    } catch (error) {
      throw new PathError(`Cannot read ${ignoreFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    }
  }
  return ignorer;
}

function isIgnored(ignorer: Ignore, baseDir: string, file: string): boolean {
  const relative = path.relative(baseDir, file);
  // Files outside the base folder cannot be matched by its patterns.
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return ignorer.ignores(toPosix(relative));
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
