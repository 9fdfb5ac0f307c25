import { FileLintError } from './file-lint-error.js';
import type { WorkerFailure } from './worker-protocol.js';

/**
 * An error crosses from a worker thread to the main thread as plain data: errors lose their
 * class in structured cloning. These two functions are that crossing, both ways, so the main
 * thread's error still names the file the worker was linting and keeps the worker's stack.
 */

/** The reply for an error a worker met. */
export function failureReply(error: unknown): WorkerFailure {
  const cause = error instanceof FileLintError ? error.cause : error;
  const reply: WorkerFailure = {
    type: 'failed',
    message: cause instanceof Error ? cause.message : String(cause),
    stack: cause instanceof Error ? cause.stack : undefined,
  };
  if (error instanceof FileLintError) reply.filePath = error.filePath;
  return reply;
}

/** The error a failure reply stands for, made again in the main thread. */
export function errorFromFailure(reply: WorkerFailure): Error {
  const cause = Object.assign(new Error(reply.message), { stack: reply.stack });
  return reply.filePath === undefined ? cause : new FileLintError(reply.filePath, cause);
}
