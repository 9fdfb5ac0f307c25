import { closeSync, fchownSync, fsyncSync, openSync, readlinkSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync, chmodSync, type Stats } from 'node:fs';
import path from 'node:path';

/** A write that could not be done: the CLI reports it in one line. */
export class WriteError extends Error {
  override name = 'WriteError';
}

/**
 * Writes a file so that it is never seen half-written: the bytes go to a temporary file in
 * the same folder (same file system, so the rename is atomic), are flushed to disk, and the
 * temporary file then replaces the target. A process killed mid-write leaves the original
 * untouched and at worst a stray `.schema-lint-*.tmp` file. The original's permissions, owner
 * and group are kept; a read-only target is refused rather than silently replaced. A target
 * that is a symbolic link is written through, as a plain write would: the file it names is
 * replaced and the link stays (renamed over, the link itself became a regular file and its file
 * kept the old content, so `--fix` on a linked schema left the schema unfixed).
 *
 * A target that is there but no regular file or folder (`--output-file /dev/stdout`, a named
 * pipe, `/dev/null`) is written into, as a shell's `>` would: no rename can replace it without
 * destroying it (as root, `/dev/null` became a regular file), and outside a writable folder the
 * temporary file could not even be made.
 */
export function writeFileAtomic(target: string, data: Uint8Array | string, options: { refuseReadOnly?: boolean } = {}): void {
  let stats: Stats | undefined;
  try {
    stats = statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw asWriteError(target, error);
  }
  if (stats && !stats.isFile() && !stats.isDirectory()) {
    writeInto(target, data);
    return;
  }
  const mode = stats ? stats.mode & 0o7777 : undefined;
  if (mode !== undefined && options.refuseReadOnly !== false && (mode & 0o222) === 0) {
    throw new WriteError(`Cannot write ${target}: the file is read-only.`);
  }
  const file = linkedFile(target);
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.schema-lint-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', mode ?? 0o666);
    // Before the chmod below: a change of owner clears the set-user-ID and set-group-ID bits.
    if (stats) keepOwner(fd, stats);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, file);
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

interface Owner {
  uid: number;
  gid: number;
}

/**
 * Gives the new file the original's owner and group. Renamed over, a file fixed by root (a CI
 * job, a container) became root's, and as the owner can decide a file's dialect (files owned by
 * `mssql` are T-SQL), the next run judged the fixed file by its name instead. Only root may give
 * a file to another user (EPERM), and a user namespace cannot name ids it does not map (EINVAL):
 * then the file keeps its group if the writer may set it, and the writer becomes its owner, as
 * with any write by rename. That is no reason to leave the fixes unwritten.
 */
function keepOwner(fd: number, owner: Owner): void {
  // No user ids on Windows.
  if (process.geteuid === undefined || process.getegid === undefined) return;
  if (owner.uid === process.geteuid() && owner.gid === process.getegid()) return;
  if (tryChown(fd, owner.uid, owner.gid)) return;
  tryChown(fd, -1, owner.gid);
}

/** fchown, false when the writer may not set those ids; -1 leaves one as it is. */
function tryChown(fd: number, uid: number, gid: number): boolean {
  try {
    fchownSync(fd, uid, gid);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPERM' || code === 'EINVAL') return false;
    throw error;
  }
}

/** A device, pipe or socket takes the bytes as they come: there is nothing to replace atomically. */
function writeInto(target: string, data: Uint8Array | string): void {
  try {
    writeFileSync(target, data);
  } catch (error) {
    throw asWriteError(target, error);
  }
}

/** Hops before giving up on a chain of links, as Linux's own limit (a loop then fails the write with ELOOP). */
const MAX_LINK_HOPS = 40;

/**
 * The file a write to `target` lands in: the end of the chain of symbolic links `target` starts,
 * even a link to a file not there yet (a plain write creates it). Links among the folders above
 * need no following: the rename happens inside whichever folder they lead to.
 */
function linkedFile(target: string): string {
  let current = target;
  for (let hops = 0; hops < MAX_LINK_HOPS; hops++) {
    let link: string;
    try {
      link = readlinkSync(current);
    } catch {
      // Not a link (or nothing there yet): the write goes here, and reports any other failure itself.
      return current;
    }
    current = path.resolve(path.dirname(current), link);
  }
  return current;
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
