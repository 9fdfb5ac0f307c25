import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** A file's bytes and the stats of the file they were read from. */
export interface FileRead {
  bytes: Uint8Array;
  stats: Stats;
}

/** Read size for a file whose stats give no size (a /proc file): read until end of file. */
const CHUNK_SIZE = 64 * 1024;

/** The `code` of the error for a path that is neither a regular file nor a folder: a named pipe, a device, a socket. */
export const NOT_A_REGULAR_FILE = 'ERR_NOT_A_REGULAR_FILE';

/**
 * Opening a named pipe waits for a writer, which a folder's `x.sql` pipe never gets: the run
 * hung. Without blocking, the open returns and the stats say what it is. Regular files ignore
 * the flag; Windows has none.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads a whole file and its stats through one descriptor: open, fstat, read, close. A
 * `statSync` for the owner and mtime followed by `readFileSync` (which makes its own fstat) is
 * one more system call and one more Stats object per file, on every file of a run. Errors are
 * those `readFileSync` throws (ENOENT and EACCES from the open, EISDIR from the read), and
 * NOT_A_REGULAR_FILE for what has no end to read to or may never give one (a folder walk lists
 * a link named `x.sql` to `/dev/zero`, and reading it to its end filled the memory).
 */
export function readFileWithStats(filePath: string): FileRead {
  const fd = openSync(filePath, OPEN_FLAGS);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() && !stats.isDirectory()) {
      throw Object.assign(new Error(`${filePath} is not a regular file`), { code: NOT_A_REGULAR_FILE });
    }
    return { bytes: stats.isFile() && stats.size > 0 ? readKnownSize(fd, stats.size) : readToEnd(fd), stats };
  } finally {
    closeSync(fd);
  }
}

/** At most `size` bytes, as readFileSync reads a regular file: fewer if it shrank meanwhile. */
function readKnownSize(fd: number, size: number): Uint8Array {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, buffer, filled, size - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return filled < size ? buffer.subarray(0, filled) : buffer;
}

function readToEnd(fd: number): Uint8Array {
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK_SIZE);
    const read = readSync(fd, chunk, 0, CHUNK_SIZE, null);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
  }
  return Buffer.concat(chunks);
}
