import path from 'node:path';
import { allRules } from '../../rules/index.js';
import { contentHash, type CacheEntry } from '../cache/lint-cache.js';
import type { ResolvedConfig, RuleSetting } from '../config/config.js';
import { loadConfig } from '../config/load.js';
import { countDiagnostics, type Diagnostic, type LintResult } from '../engine/diagnostic.js';
import { fixSource } from '../engine/fixer.js';
import { lintSource, rulesOfDialect, type ActiveRule, type LintSourceOptions, type StatementObserver } from '../engine/linter.js';
import { resolveDialect, type DialectDecision } from '../engine/resolve-dialect.js';
import { attachLineIndex } from '../engine/result-line-index.js';
import type { Rule } from '../engine/rule.js';
import { activeRulesByFile, checkRuleIdsExist } from '../engine/rule-config.js';
import { decode, encode, encodingName, type DecodedFile } from '../files/decode.js';
import { discoverFiles } from '../files/discover.js';
import { forgetUserNames } from '../files/owner.js';
import { NOT_A_REGULAR_FILE, readFileWithStats } from '../files/read-file.js';
import { WriteError, writeFileAtomic } from '../files/write-atomic.js';
import { LintedModelRecorder } from '../model/linted-models.js';
import type { Dialect } from '../sql/dialect.js';
import type { SourceText } from '../sql/source-text.js';
import { applyCrossFileChecks } from '../cache/parity-cache.js';
import { FileLintError } from './file-lint-error.js';
import { lintFileList, openRunCache, type Concurrency } from './parallel.js';

export interface LintOptions {
  /** Folder paths and config are resolved from. Default: process.cwd(). */
  cwd?: string;
  /** An explicit config file (`--config`); otherwise it is searched upwards from `cwd`. */
  configFile?: string;
  /** A configuration given directly, instead of one read from disk. */
  config?: ResolvedConfig;
  /** Forces one dialect for every file (`--dialect`). */
  dialect?: Dialect;
  /** Rule settings that win over the config (`--rule id:severity`). */
  rules?: Record<string, RuleSetting>;
  /** Apply fixes; `write: false` computes them without touching files (`--fix-dry-run`). */
  fix?: boolean;
  write?: boolean;
  errorOnUnmatchedPattern?: boolean;
  /** Only lint files whose content, config, version or rule set changed since the last run (`--cache`). */
  cache?: boolean;
  /** The cache file, or a folder for it (`--cache-location`). Default: `.schemalintcache` in `cwd`. */
  cacheLocation?: string;
  /** Worker threads for many files (`--concurrency`): `off`, `auto` (the default) or a thread count. */
  concurrency?: Concurrency;
}

/** How one file's lint reads and fills the cache; the main thread's LintCache or a worker's proxy for it. */
export interface CacheAccess {
  lookup(filePath: string, hash: string, dialect: Dialect, dialectSource: string): CacheEntry | undefined;
  store(filePath: string, entry: CacheEntry): void;
}

/** A file's identity, whether it came from disk or stdin. */
interface FileInput {
  filePath: string;
  ownerUid?: number;
  /** Size and modification time when read, kept with cache entries to tell unchanged files cheaply. */
  size?: number;
  mtimeMs?: number;
}

/** The rules of one run, prepared once: each rule's async prepare() runs at most once. */
export class RunContext {
  private readonly prepared = new Map<Rule, Promise<void>>();
  /** Per list of one dialect's rules (rulesOfDialect: one per run when no override sets rules): its rules' preparation. */
  private readonly preparedLists = new WeakMap<readonly ActiveRule[], Promise<void>>();
  readonly resolved: ResolvedConfig;
  readonly options: LintOptions;
  readonly cwd: string;
  /** The rules that run on a file (config, overrides and --rule applied). */
  readonly rulesFor: (filePath: string) => readonly ActiveRule[];

  constructor(options: LintOptions) {
    this.options = options;
    // Owners' names are read again for each run: a long-lived caller sees its user database as it is now.
    forgetUserNames();
    this.cwd = path.resolve(options.cwd ?? process.cwd());
    this.resolved = options.config ?? loadConfig(this.cwd, options.configFile);
    checkRuleIdsExist(this.resolved, options.rules ?? {}, new Set(allRules.map((rule) => rule.meta.id)));
    this.rulesFor = activeRulesByFile(this.resolved, options.rules ?? {}, allRules);
  }

  /** The files `patterns` name (the current folder when none), the config's ignores left out, sorted. */
  async discover(patterns: readonly string[]): Promise<string[]> {
    const { files } = await discoverFiles(patterns.length > 0 ? patterns : ['.'], {
      cwd: this.cwd,
      baseDir: this.resolved.baseDir,
      ignores: this.resolved.config.ignores ?? [],
      errorOnUnmatchedPattern: this.options.errorOnUnmatchedPattern ?? true,
    });
    return files;
  }

  /** Prepares the rules of `rules` that run on `dialect`; a list met again costs a map lookup, not a filter. */
  prepareFor(rules: readonly ActiveRule[], dialect: Dialect): Promise<void> {
    const ofDialect = rulesOfDialect(rules, dialect);
    let pending = this.preparedLists.get(ofDialect);
    if (!pending) {
      pending = this.prepare(ofDialect);
      this.preparedLists.set(ofDialect, pending);
    }
    return pending;
  }

  async prepare(rules: readonly ActiveRule[]): Promise<void> {
    await Promise.all(
      rules.map(({ rule }) => {
        if (!rule.prepare) return undefined;
        let pending = this.prepared.get(rule);
        if (!pending) {
          pending = rule.prepare();
          this.prepared.set(rule, pending);
        }
        return pending;
      }),
    );
  }
}

/** Lints files, folders and globs, as the CLI does. Results are sorted by path. */
export async function lintFiles(patterns: readonly string[], options: LintOptions = {}): Promise<LintResult[]> {
  const run = new RunContext(options);
  const files = await run.discover(patterns);
  const cache = openRunCache(run);
  // Files are sorted, and lintFileList returns results in the order it is given them.
  const results = await lintFileList(files, run, cache);
  // Parity compares files with each other, so it runs once every file has its result
  // (answered from the cache as a whole when none of its inputs changed).
  await applyCrossFileChecks(results, run, cache);
  cache?.save(new Set(files));
  return results;
}

/** Lints text that is not (or not yet) on disk; `filePath` decides dialect and config as for a file. */
export async function lintText(text: string, options: LintOptions & { filePath?: string } = {}): Promise<LintResult> {
  return lintBytes(Buffer.from(text, 'utf8'), options);
}

/**
 * Lints bytes that are not a file on disk (standard input): decoded as a file's bytes are, so
 * they get the notices a file would (binary, not valid UTF-8 or UTF-16) under `filePath`'s name.
 */
export async function lintBytes(bytes: Uint8Array, options: LintOptions & { filePath?: string } = {}): Promise<LintResult> {
  const run = new RunContext(options);
  const filePath = path.resolve(run.cwd, options.filePath ?? '<text>.sql');
  const result = await lintInput({ filePath }, readContent(bytes, false), run, false);
  // An editor's unsaved text is compared with its partner file on disk, as a saved file would be.
  const { applyParity } = await import('../parity/check-parity.js');
  applyParity([result], run.resolved, { cliRules: options.rules });
  return result;
}

/** Lints one file on disk for a run; the same function runs in the main thread and in workers. */
export async function lintFileForRun(filePath: string, run: RunContext, cache?: CacheAccess): Promise<LintResult> {
  let content: FileContent;
  let stats;
  try {
    // One descriptor serves the owner, the cache's size and mtime, and the bytes.
    const read = readFileWithStats(filePath);
    stats = read.stats;
    content = readContent(read.bytes, cache !== undefined);
  } catch (error) {
    return unreadableResult(filePath, error as NodeJS.ErrnoException, run);
  }
  return lintInput({ filePath, ownerUid: stats.uid, size: stats.size, mtimeMs: stats.mtimeMs }, content, run, true, cache);
}

/** A file's text, and the hash of its bytes when the cache needs one. */
interface FileContent {
  decoded: DecodedFile;
  hash?: string;
}

/** Decodes (and hashes) a file's bytes up front, so the bytes are not kept alive while the file is linted. */
function readContent(bytes: Uint8Array, hashed: boolean): FileContent {
  const decoded = decode(bytes);
  return { decoded, hash: hashed && !decoded.binary ? contentHash(bytes) : undefined };
}

/** Lints one file's content; an error no one expected comes out naming the file, whichever thread linted it. */
async function lintInput(input: FileInput, content: FileContent, run: RunContext, onDisk: boolean, cache?: CacheAccess): Promise<LintResult> {
  try {
    return await lintContent(input, content, run, onDisk, cache);
  } catch (error) {
    throw new FileLintError(input.filePath, error);
  }
}

async function lintContent(input: FileInput, content: FileContent, run: RunContext, onDisk: boolean, cache?: CacheAccess): Promise<LintResult> {
  const { decoded, hash } = content;
  const decision = resolveDialect({
    filePath: input.filePath,
    text: decoded.text,
    cliDialect: run.options.dialect,
    config: run.resolved,
    ownerUid: input.ownerUid,
  });
  if (decoded.binary) {
    return result(input.filePath, decision, [fileNotice(1, 'File skipped: it holds NUL bytes, so it is binary, not SQL.')], '');
  }
  if (cache && hash) {
    const entry = cache.lookup(input.filePath, hash, decision.dialect, decision.reason);
    // When fixing, a cached result with fixable problems must be linted again to produce the fix.
    if (entry && !(run.options.fix && entry.messages.some((message) => message.fix))) {
      // Same bytes, new size or time (a checkout, a touch): kept, so the next run takes the file as
      // unchanged from its stats, and a worker's answer reaches the main thread's cache as current.
      if (entry.size !== input.size || entry.mtimeMs !== input.mtimeMs) {
        cache.store(input.filePath, { ...entry, size: input.size, mtimeMs: input.mtimeMs });
      }
      return result(input.filePath, decision, entry.messages, decoded.text);
    }
  }
  const rules = run.rulesFor(input.filePath);
  // Only this file's dialect's rules run, so only they are prepared: a T-SQL-only run never loads the SQLite engine.
  await run.prepareFor(rules, decision.dialect);
  const sourceOptions: LintSourceOptions = {
    filePath: input.filePath,
    dialect: decision.dialect,
    dialectSource: decision.reason,
    dialectStep: decision.step,
    rules,
    settings: { sqlserverVersion: run.resolved.config.sqlserverVersion ?? '2019' },
  };

  const notices = decodingNotices(decoded);
  const remember = (messages: Diagnostic[]): void => {
    if (!cache || !hash) return;
    cache.store(input.filePath, {
      hash,
      dialect: decision.dialect,
      dialectSource: decision.reason,
      messages,
      size: input.size,
      mtimeMs: input.mtimeMs,
    });
  };
  if (!run.options.fix) {
    // The cross-file checks need this file's schema model: it is built from the lint pass's statements.
    const recorder = new LintedModelRecorder(decision.dialect, decoded.text, input.filePath);
    let lineIndex: SourceText | undefined;
    const observe = (source: SourceText): StatementObserver => {
      lineIndex = source;
      return recorder.observe(source);
    };
    const messages = [...notices, ...lintSource(decoded.text, { ...sourceOptions, observe })];
    remember(messages);
    const linted = result(input.filePath, decision, messages, decoded.text);
    recorder.attachTo(linted);
    if (lineIndex) attachLineIndex(linted, lineIndex);
    return linted;
  }
  const outcome = fixSource(decoded.text, sourceOptions);
  // Unfixed, the messages are those of the bytes on disk; fixed, they describe text not (yet) there.
  if (!outcome.fixed) remember([...notices, ...outcome.messages]);
  if (outcome.fixed && decoded.invalidBytes) {
    // The text holds U+FFFD where the bytes did not decode: encoded again, every such byte would
    // become EF BF BD (a Latin-1 é, E9, did). The file stays as it is, byte for byte, dry run or
    // not, and its problems are reported as they stand in it.
    const unchanged = lintSource(decoded.text, sourceOptions);
    const reason = `The file is not valid ${encodingName(decoded.encoding)}: writing it back would replace its undecodable bytes with U+FFFD.`;
    return result(input.filePath, decision, [fileNotice(2, `Fixes not written. ${reason}`), ...notices, ...unchanged], decoded.text);
  }
  const fixed = result(input.filePath, decision, [...notices, ...outcome.messages], outcome.output);
  if (outcome.fixed) {
    fixed.output = outcome.output;
    if (onDisk && run.options.write !== false) {
      try {
        writeFileAtomic(input.filePath, encode(outcome.output, decoded.encoding));
      } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        // One file that cannot be written must not stop the others from being fixed; its
        // problems are reported as they stand in the unchanged file.
        const unchanged = lintSource(decoded.text, sourceOptions);
        return result(input.filePath, decision, [fileNotice(2, `Fixes not written. ${error.message}`), ...notices, ...unchanged], decoded.text);
      }
    }
  }
  return fixed;
}

function decodingNotices(decoded: DecodedFile): Diagnostic[] {
  if (!decoded.invalidBytes) return [];
  return [fileNotice(1, `File is not valid ${encodingName(decoded.encoding)}: undecodable bytes were read as U+FFFD; positions after them may be off.`)];
}

function unreadableResult(filePath: string, error: NodeJS.ErrnoException, run: RunContext): LintResult {
  const decision = resolveDialect({ filePath, text: '', cliDialect: run.options.dialect, config: run.resolved });
  const message =
    error.code === 'ENOENT'
      ? fileNotice(1, 'File skipped: it disappeared before it could be read.')
      : error.code === 'EACCES' || error.code === 'EPERM'
        ? fileNotice(2, 'Cannot read the file: permission denied.')
        : error.code === 'EISDIR'
          ? fileNotice(1, 'Skipped: this is a folder, not a file.')
          : error.code === NOT_A_REGULAR_FILE
            ? fileNotice(1, 'File skipped: it is a named pipe, a device or a socket, not a regular file.')
            : fileNotice(2, `Cannot read the file: ${error.code ?? error.message}.`);
  return result(filePath, decision, [message], '');
}

/** A problem with the file itself rather than its SQL: no rule, reported at 1:1. */
function fileNotice(severity: 1 | 2, message: string): Diagnostic {
  return { ruleId: null, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, startOffset: 0, endOffset: 0, fatal: true };
}

function result(filePath: string, decision: DialectDecision, messages: Diagnostic[], source: string): LintResult {
  return {
    filePath,
    dialect: decision.dialect,
    dialectSource: decision.reason,
    messages,
    ...countDiagnostics(messages),
    source,
  };
}
