import type { CacheEntry } from '../cache/lint-cache.js';
import type { ResolvedConfig } from '../config/config.js';
import type { LintResult } from '../engine/diagnostic.js';
import type { LintedModel } from '../model/linted-models.js';
import type { LintOptions } from './lint.js';

/**
 * Messages between `lintFiles` and its worker threads. Everything here survives structured
 * cloning: plain data, no functions, no class instances.
 */

/** Given once, as `workerData`: the run's options with the configuration already resolved. */
export interface WorkerSetup {
  options: LintOptions & { config: ResolvedConfig };
}

/** One file to lint; `entry` is what the cache holds for it, if anything. */
export interface WorkerJob {
  index: number;
  filePath: string;
  entry?: CacheEntry;
}

export interface LintJobsMessage {
  type: 'lint';
  jobs: WorkerJob[];
}

export interface WorkerOutcome {
  index: number;
  result: LintResult;
  /** A new cache entry for the file, when caching is on and the result may be kept. */
  stored?: CacheEntry;
  /** The file's schema model and directive comments from the lint pass, for the cross-file checks. */
  model?: LintedModel;
}

/** A failed batch: the error's message and stack, and the file it was linting when it came from one. */
export interface WorkerFailure {
  type: 'failed';
  message: string;
  stack?: string;
  filePath?: string;
}

export type WorkerReply = { type: 'done'; outcomes: WorkerOutcome[] } | WorkerFailure;
