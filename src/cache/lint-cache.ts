import type * as Crypto from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Diagnostic } from '../engine/diagnostic.js';
import { WriteError, writeFileAtomic } from '../files/write-atomic.js';
import type { Dialect } from '../sql/dialect.js';
import { isCacheEntry, isFindingsByFile } from './cache-entry-shape.js';

/** ESLint's default cache file name, with our tool's name. */
export const DEFAULT_CACHE_FILE = '.schemalintcache';

/** Bumped whenever the file's layout changes; an older file is then ignored, not misread. */
const FORMAT = 1;

/** What a file's earlier lint produced: enough to answer again without linting. */
export interface CacheEntry {
  /** SHA-1 of the file's bytes as they were linted. */
  hash: string;
  dialect: Dialect;
  dialectSource: string;
  messages: Diagnostic[];
  /** Size and modification time when linted: equal ones say the file is very likely unchanged. */
  size?: number;
  mtimeMs?: number;
}

interface CacheFile {
  format: number;
  /** Hash of everything besides the file's bytes that decides its diagnostics. */
  runKey: string;
  entries: Record<string, CacheEntry>;
  /** The cross-file checks' findings by file, for the inputs that hash to `key`. */
  crossFile?: { key: string; findings: Record<string, Diagnostic[]> };
}

/**
 * The `--cache` store, as ESLint's: a file is linted again only when its content, the
 * configuration, the command-line rule settings, schema-lint's version or its rule set change.
 * Content is compared by hash, not modification time, so a checkout or `touch` does not
 * invalidate anything and a same-second edit is never missed.
 *
 * The store is one JSON file written atomically at the end of a run; an unreadable, corrupt or
 * foreign file is treated as empty, and a malformed entry in it as absent (cache-entry-shape.ts),
 * never as an error (a cache may always be thrown away).
 */
export class LintCache {
  private readonly entries: Map<string, CacheEntry>;
  /** Files whose entry this run looked up with a match or stored: it describes their bytes as they are now. */
  private readonly current = new Set<string>();
  private crossFile: CacheFile['crossFile'];
  private changed = false;

  private constructor(
    readonly location: string,
    private readonly runKey: string,
    entries: Map<string, CacheEntry>,
  ) {
    this.entries = entries;
  }

  /** Opens the cache at `location` for a run whose settings hash to `runKey`. */
  static open(location: string, runKey: string): LintCache {
    const stored = readCacheFile(location);
    const usable = stored && stored.format === FORMAT && stored.runKey === runKey;
    const entries = new Map<string, CacheEntry>();
    // A hand-edited entry of the wrong shape is absent: its file is linted again.
    let dropped = false;
    if (usable) {
      for (const [filePath, entry] of Object.entries(stored.entries)) {
        if (isCacheEntry(entry)) entries.set(filePath, entry);
        else dropped = true;
      }
    }
    const cache = new LintCache(location, runKey, entries);
    const crossFile = usable ? stored.crossFile : undefined;
    if (crossFile !== undefined) {
      if (crossFile && typeof crossFile.key === 'string' && isFindingsByFile(crossFile.findings)) cache.crossFile = crossFile;
      else dropped = true;
    }
    // A file from other settings is stale as a whole, and one with bad entries is corrupt:
    // replace it even if nothing new is linted.
    cache.changed = (!usable && stored !== undefined) || dropped;
    return cache;
  }

  /** The earlier result for this file, if its bytes and dialect decision are unchanged. */
  lookup(filePath: string, hash: string, dialect: Dialect, dialectSource: string): CacheEntry | undefined {
    const entry = this.entries.get(filePath);
    if (!entry || entry.hash !== hash || entry.dialect !== dialect || entry.dialectSource !== dialectSource) return undefined;
    this.current.add(filePath);
    return entry;
  }

  entry(filePath: string): CacheEntry | undefined {
    return this.entries.get(filePath);
  }

  /**
   * The file's entry if this run matched or stored it. A file this run could not read, or found
   * binary, keeps the entry of the last run that could: it says nothing of the file now.
   */
  currentEntry(filePath: string): CacheEntry | undefined {
    return this.current.has(filePath) ? this.entries.get(filePath) : undefined;
  }

  /**
   * True when the file's size and modification time are those of its entry: the hash will very
   * likely match, so the file costs a read and a hash, not a lint. Used to plan work, never to
   * skip the hash comparison itself.
   */
  probablyUnchanged(filePath: string, size: number, mtimeMs: number): boolean {
    const entry = this.entries.get(filePath);
    return entry !== undefined && entry.size === size && entry.mtimeMs === mtimeMs;
  }

  crossFileFindings(key: string): Record<string, Diagnostic[]> | undefined {
    return this.crossFile?.key === key ? this.crossFile.findings : undefined;
  }

  storeCrossFileFindings(key: string, findings: Record<string, Diagnostic[]>): void {
    this.crossFile = { key, findings };
    this.changed = true;
  }

  store(filePath: string, entry: CacheEntry): void {
    this.entries.set(filePath, entry);
    this.current.add(filePath);
    this.changed = true;
  }

  forget(filePath: string): void {
    this.current.delete(filePath);
    if (this.entries.delete(filePath)) this.changed = true;
  }

  /**
   * Writes the cache if anything changed. Entries of files that no longer exist are dropped,
   * so a long-lived cache does not grow with every file ever linted.
   */
  save(seen: ReadonlySet<string>): void {
    for (const filePath of [...this.entries.keys()]) {
      if (!seen.has(filePath) && !existsSync(filePath)) this.forget(filePath);
    }
    if (!this.changed) return;
    const content: CacheFile = { format: FORMAT, runKey: this.runKey, entries: Object.fromEntries(this.entries), crossFile: this.crossFile };
    try {
      mkdirSync(path.dirname(this.location), { recursive: true });
      writeFileAtomic(this.location, JSON.stringify(content), { refuseReadOnly: false });
    } catch (error) {
      const reason = error instanceof WriteError ? error.message : String(error);
      throw new WriteError(`Cannot write the cache (--cache-location ${this.location}): ${reason}`);
    }
    this.changed = false;
  }
}

let createHash: typeof Crypto.createHash | undefined;

/** node:crypto takes ~5 ms to load and only `--cache` runs hash, so it is loaded on the first hash. */
function sha1(): Crypto.Hash {
  createHash ??= (createRequire(import.meta.url)('node:crypto') as typeof Crypto).createHash;
  return createHash('sha1');
}

/** SHA-1 of a file's bytes: fast, and collisions are not a concern for change detection. */
export function contentHash(bytes: Uint8Array): string {
  return sha1().update(bytes).digest('hex');
}

/** Hashes the run's settings (config, CLI rules, version, rule set) into one key. */
export function runKeyOf(parts: unknown): string {
  return sha1().update(JSON.stringify(parts)).digest('hex');
}

/**
 * Where the cache lives: `--cache-location` resolved against `cwd` (a folder, existing or
 * written with a trailing slash, gets `.schemalintcache` inside it), else `.schemalintcache`
 * in `cwd`, as ESLint does.
 */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  if (location === undefined || location === '') return path.join(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  if (/[\\/]$/.test(location) || isDirectory(resolved)) return path.join(resolved, DEFAULT_CACHE_FILE);
  return resolved;
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}

function readCacheFile(location: string): CacheFile | undefined {
  let text: string;
  try {
    text = readFileSync(location, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<CacheFile> | null;
    if (!parsed || typeof parsed !== 'object' || typeof parsed.entries !== 'object' || parsed.entries === null) {
      return { format: -1, runKey: '', entries: {} };
    }
    return parsed as CacheFile;
  } catch {
    // Corrupt (a crash mid-write cannot cause this with atomic writes, but a hand edit can).
    return { format: -1, runKey: '', entries: {} };
  }
}
