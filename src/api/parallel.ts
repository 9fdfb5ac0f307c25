import { statSync } from 'node:fs';
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { allRules } from '../../rules/index.js';
import { cacheFilePath, LintCache, runKeyOf } from '../cache/lint-cache.js';
import type { LintResult } from '../engine/diagnostic.js';
import { attachModel } from '../model/linted-models.js';
import { packageVersion } from '../package-info.js';
import { lintFileForRun, type RunContext } from './lint.js';
import { errorFromFailure } from './worker-failure.js';
import type { LintJobsMessage, WorkerJob, WorkerReply, WorkerSetup } from './worker-protocol.js';

/** `off`: one thread; `auto`: worker threads when the work pays for starting them; n: at most n threads. */
export type Concurrency = 'off' | 'auto' | number;

/**
 * Starting a worker costs about as much as linting 1 MB (it loads the rules again), so
 * below these amounts one thread is faster. Measured with `npm run bench` on 2 cores.
 */
const MIN_FILES_FOR_WORKERS = 64;
const MIN_BYTES_FOR_WORKERS = 2 * 1024 * 1024;
const MIN_CORES_FOR_AUTO = 3;

/**
 * Lints the given files (sorted paths) and returns their results in the same order, whatever
 * thread linted each one. With `--cache`, files whose content and settings are unchanged are
 * answered from the cache; only the rest are linted, spread over worker threads when it pays.
 */
export async function lintFileList(files: readonly string[], run: RunContext, cache?: LintCache): Promise<LintResult[]> {
  const results: LintResult[] = new Array<LintResult>(files.length);

  const concurrency = run.options.concurrency ?? 'auto';
  // Sizes matter only to the cache and to `auto` with few files (threadCount): otherwise the
  // stat per file is skipped, as the lint reads each file's stats from its open descriptor.
  const needsSizes = cache !== undefined || (concurrency === 'auto' && files.length < MIN_FILES_FOR_WORKERS);

  // Files whose size and mtime match their cache entry cost a read and a hash: do them here.
  const toLint: number[] = [];
  let bytesToLint = 0;
  for (let index = 0; index < files.length; index++) {
    const stats = needsSizes ? statOrUndefined(files[index]) : undefined;
    if (cache && stats && cache.probablyUnchanged(files[index], stats.size, stats.mtimeMs)) {
      results[index] = await lintFileForRun(files[index], run, cache);
    } else {
      toLint.push(index);
      bytesToLint += stats?.size ?? 0;
    }
  }

  const threads = threadCount(concurrency, toLint.length, bytesToLint);
  if (threads > 1) {
    await lintWithWorkers(files, toLint, run, cache, threads - 1, results);
  } else {
    for (const index of toLint) results[index] = await lintFileForRun(files[index], run, cache);
  }

  return results;
}

/** The run's `--cache`, or undefined without the flag. The caller saves it when the run is done. */
export function openRunCache(run: RunContext): LintCache | undefined {
  return run.options.cache ? LintCache.open(cacheFilePath(run.cwd, run.options.cacheLocation), cacheRunKey(run)) : undefined;
}

/** How many threads (the main one included) should lint `fileCount` files of `bytes` in total. */
export function threadCount(concurrency: Concurrency, fileCount: number, bytes: number): number {
  if (concurrency === 'off' || fileCount < 2 || !workersAvailable()) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (typeof concurrency === 'number') return Math.max(1, Math.min(concurrency, fileCount));
  if (fileCount < MIN_FILES_FOR_WORKERS && bytes < MIN_BYTES_FOR_WORKERS) return 1;
  // On 2 cores the main thread plus one worker measured ~10% slower than one thread (the
  // worker loads every rule and the SQLite engine again, and the cross-file checks stay
  // serial), so `auto` only spreads out where there are cores to spare.
  if (cores < MIN_CORES_FOR_AUTO) return 1;
  return Math.max(1, Math.min(cores, fileCount));
}

/**
 * Workers run the compiled `worker.js` beside this code (dist/src/api/, or dist/bundle/ for the
 * CLI bundle cli.cjs); from TypeScript sources (tests) there is none to start.
 */
function workersAvailable(): boolean {
  return !import.meta.url.endsWith('.ts');
}

/**
 * The main thread and `workerCount` workers take files from one queue: workers in small
 * batches (fewer messages), the main thread one at a time, yielding between files so worker
 * replies are handled promptly. Results land at their file's index, so order is preserved.
 */
async function lintWithWorkers(
  files: readonly string[],
  indexes: readonly number[],
  run: RunContext,
  cache: LintCache | undefined,
  workerCount: number,
  results: LintResult[],
): Promise<void> {
  // Loaded only when workers start: a run of a few files never pays for loading worker_threads.
  const { Worker } = await import('node:worker_threads');
  const { setImmediate: nextTurn } = await import('node:timers/promises');
  let next = 0;
  const lanes = workerCount + 1;
  const takeBatch = (): WorkerJob[] => {
    const remaining = indexes.length - next;
    // Large batches early, single files at the end, so no lane waits long on another.
    const size = Math.max(1, Math.min(32, Math.ceil(remaining / (lanes * 4))));
    const jobs: WorkerJob[] = [];
    for (const index of indexes.slice(next, next + size)) {
      jobs.push({ index, filePath: files[index], entry: cache?.entry(files[index]) });
    }
    next += jobs.length;
    return jobs;
  };

  const setup: WorkerSetup = { options: { ...run.options, config: run.resolved, cwd: run.cwd } };
  const workers: Worker[] = [];
  let failure: Error | undefined;
  let terminating = false;
  let busy = 0;
  let settle: () => void = () => undefined;
  const workersDone = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const checkDone = (): void => {
    if (busy === 0 && (next >= indexes.length || failure)) settle();
  };

  const feed = (worker: Worker): void => {
    if (failure || next >= indexes.length) return;
    const jobs = takeBatch();
    busy++;
    worker.postMessage({ type: 'lint', jobs } satisfies LintJobsMessage);
  };

  for (let i = 0; i < workerCount; i++) {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup });
    worker.on('message', (reply: WorkerReply) => {
      busy--;
      if (reply.type === 'failed') {
        failure ??= errorFromFailure(reply);
      } else {
        for (const outcome of reply.outcomes) {
          results[outcome.index] = outcome.result;
          // The model travels beside the result, as in the main thread: parity need not parse the file again.
          if (outcome.model) attachModel(outcome.result, outcome.model);
          if (cache && outcome.stored) cache.store(files[outcome.index], outcome.stored);
        }
        feed(worker);
      }
      checkDone();
    });
    worker.on('error', (error) => {
      failure ??= error;
      busy = 0;
      checkDone();
    });
    worker.on('exit', (code) => {
      // Workers only stop when terminated below; any other exit loses the files it held.
      if (terminating) return;
      failure ??= new Error(`a lint worker thread stopped unexpectedly (exit code ${code})`);
      busy = 0;
      checkDone();
    });
    workers.push(worker);
    feed(worker);
  }

  try {
    while (!failure && next < indexes.length) {
      const index = indexes[next++];
      results[index] = await lintFileForRun(files[index], run, cache);
      await nextTurn();
    }
    checkDone();
    await workersDone;
  } finally {
    terminating = true;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (failure) throw failure;
}

/** Everything besides a file's bytes that decides its diagnostics. */
function cacheRunKey(run: RunContext): string {
  return runKeyOf({
    version: packageVersion(),
    config: run.resolved.config,
    configFile: run.resolved.filePath ?? null,
    baseDir: run.resolved.baseDir,
    cliRules: run.options.rules ?? {},
    cliDialect: run.options.dialect ?? null,
    // The rule set: ids with what they can say, so adding or changing a rule empties the cache.
    rules: allRules.map(({ meta }) => [meta.id, meta.severity, meta.dialects, meta.messages, meta.help ?? null]),
  });
}

function statOrUndefined(filePath: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(filePath);
  } catch {
    return undefined;
  }
}
