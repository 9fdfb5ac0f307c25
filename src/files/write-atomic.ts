import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import path from 'node:path';

/** A write that could not be done: the CLI reports it in one line. */
export class WriteError extends Error {
  override name = 'WriteError';
}

/**
 * Writes a file so that it is never seen half-written: the bytes go to a temporary file in
 * the same folder (same file system, so the rename is atomic), are flushed to disk, and the
 * temporary file then replaces the target. A process killed mid-write leaves the original
 * untouched and at worst a stray `.schema-lint-*.tmp` file. The original's permissions are
 * kept; a read-only target is refused rather than silently replaced.
 */
export function writeFileAtomic(target: string, data: Uint8Array | string, options: { refuseReadOnly?: boolean } = {}): void {
  let mode: number | undefined;
  try {
    const stats = statSync(target);
    mode = stats.mode & 0o7777;
    if (options.refuseReadOnly !== false && (mode & 0o222) === 0) {
      throw new WriteError(`Cannot write ${target}: the file is read-only.`);
    }
  } catch (error) {
    if (error instanceof WriteError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw asWriteError(target, error);
  }
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.schema-lint-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', mode ?? 0o666);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone or never created.
    }
    throw asWriteError(target, error);
  }
}

function asWriteError(target: string, error: unknown): WriteError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOENT'
        ? 'the folder does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'ENOSPC'
            ? 'no space left on the device'
            : (code ?? (error as Error).message);
  return new WriteError(`Cannot write ${target}: ${reason}.`);
}
