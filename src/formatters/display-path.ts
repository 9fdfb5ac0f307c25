import path from 'node:path';

/**
 * The path a report shows for a file: relative to the folder the run started in, with `/`
 * separators on every platform, because CI annotations, SARIF and problem matchers all key
 * on repository-relative paths. A file outside that folder keeps its absolute path (with
 * `/` separators): a `../../` path would point at nothing once the report is read elsewhere.
 */
export function displayPath(filePath: string, cwd: string): string {
  const absolute = path.resolve(cwd, filePath);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return toForwardSlashes(absolute);
  }
  return toForwardSlashes(relative);
}

/** Whether `displayPath` could express the file relative to `cwd`. */
export function isInside(filePath: string, cwd: string): boolean {
  const relative = path.relative(cwd, path.resolve(cwd, filePath));
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function toForwardSlashes(value: string): string {
  return path.sep === '\\' ? value.replaceAll('\\', '/') : value;
}
