import { parentPort, workerData } from 'node:worker_threads';
import type { CacheEntry } from '../cache/lint-cache.js';
import { attachedModel } from '../model/linted-models.js';
import { lintFileForRun, RunContext, type CacheAccess } from './lint.js';
import { failureReply } from './worker-failure.js';
import type { LintJobsMessage, WorkerOutcome, WorkerReply, WorkerSetup } from './worker-protocol.js';

/**
 * A worker thread of `lintFiles`: lints the files it is sent exactly as the main thread would
 * (same RunContext, same per-file function), so output cannot depend on where a file ran.
 * Rules are prepared once per worker and reused for every file it gets.
 */
const setup = workerData as WorkerSetup;
const run = new RunContext(setup.options);
const port = parentPort;

if (port) {
  port.on('message', (message: LintJobsMessage) => {
    void lintJobs(message).then((reply) => port.postMessage(reply));
  });
}

async function lintJobs(message: LintJobsMessage): Promise<WorkerReply> {
  try {
    const outcomes: WorkerOutcome[] = [];
    for (const job of message.jobs) {
      let stored: CacheEntry | undefined;
      // The cache lives in the main thread: this file's entry came with the job, a new one goes back with the result.
      const cache: CacheAccess | undefined = setup.options.cache
        ? {
            lookup: (filePath, hash, dialect, dialectSource) =>
              job.entry && job.entry.hash === hash && job.entry.dialect === dialect && job.entry.dialectSource === dialectSource
                ? job.entry
                : undefined,
            store: (_filePath, entry) => {
              stored = entry;
            },
          }
        : undefined;
      const result = await lintFileForRun(job.filePath, run, cache);
      outcomes.push({ index: job.index, result, stored, model: attachedModel(result) });
    }
    return { type: 'done', outcomes };
  } catch (error) {
    return failureReply(error);
  }
}
