import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as GlobModule from 'glob';
import type { ConfigPair } from '../config/config.js';
import { SharedGlob } from '../files/shared-glob.js';
import type { Dialect } from '../sql/dialect.js';

/**
 * Which files are the two dialect versions of one schema. Three sources, in this order:
 * explicit `pairs` in config (any layout, with follow-up scripts applied in the listed order),
 * the seed's naming conventions within one folder (below), then one tree per dialect
 * (`sqlite/x.sql` ↔ `mssql/x.sql`, see pairByDialectFolders). The naming conventions: `X.sqlite.sql` (or `.sqlite3.sql`) is
 * the SQLite version and `X.sql`, `X.mssql.sql`, `X_mssql.sql`, `X.tsql.sql`, `X.sqlserver.sql`
 * are T-SQL versions. When several T-SQL versions exist (the seed keeps a legacy
 * `schema_mssql.sql` next to `schema.sql`), the first in that order is the primary one; the
 * others are compared with the SQLite file too, but findings on the SQLite side come from the
 * primary pair only, so the SQLite file is not told the same thing twice.
 */
export interface SchemaPair {
  /** Base file first, then follow-up scripts in the order they are applied. */
  tsql: string[];
  sqlite: string[];
  /** Sides whose files receive findings. */
  reportOn: ReadonlySet<Dialect>;
  /** How the pair was found, for messages and debugging. */
  source: 'config' | 'convention';
}

/** A T-SQL file or a SQLite file with no version in the other dialect. */
export interface Unpaired {
  filePath: string;
  dialect: Dialect;
  /** The file name the convention expects for the other dialect. */
  expected: string;
  /**
   * The convention asks for a counterpart: the file's own name says it is one half of a pair
   * (`X.sqlite.sql`, `X_mssql.sql`, the seed's `schema.sql`), or its folder keeps other
   * schemas in both dialects. A plain `X.sql` in a T-SQL-only folder is just a T-SQL script.
   */
  expectsCounterpart: boolean;
}

export interface PairingInput {
  /** Absolute paths of the linted files with the dialect each was judged. */
  files: ReadonlyMap<string, Dialect>;
  pairs: readonly ConfigPair[];
  /** Folder config paths are relative to. */
  baseDir: string;
  /** Lists a folder's file names; the default reads the disk, so a partner that was not linted is still found. */
  listFolder?: (folder: string) => string[];
}

export interface Pairing {
  pairs: SchemaPair[];
  unpaired: Unpaired[];
  /** Files a configured pair names that do not exist among the linted files or on disk. */
  missing: { filePath: string; dialect: Dialect; partner: string }[];
}

const SQLITE_SUFFIXES = ['.sqlite.sql', '.sqlite3.sql'];
/** T-SQL suffixes in order of preference; `.sql` alone comes first. */
const TSQL_SUFFIXES = ['.mssql.sql', '_mssql.sql', '.tsql.sql', '.sqlserver.sql'];

interface NamedFile {
  filePath: string;
  stem: string;
  /** The dialect the name implies. */
  dialect: Dialect;
  /** Preference among the T-SQL names of one stem (0 is `X.sql`). */
  rank: number;
  explicitSuffix: boolean;
}

/** Splits a file name into its schema stem and the dialect its suffix names. */
export function classifyName(filePath: string): NamedFile | undefined {
  const base = path.basename(filePath);
  const lower = base.toLowerCase();
  for (const suffix of SQLITE_SUFFIXES) {
    if (lower.endsWith(suffix)) return { filePath, stem: base.slice(0, -suffix.length), dialect: 'sqlite', rank: 0, explicitSuffix: true };
  }
  for (const [i, suffix] of TSQL_SUFFIXES.entries()) {
    if (lower.endsWith(suffix)) return { filePath, stem: base.slice(0, -suffix.length), dialect: 'tsql', rank: i + 1, explicitSuffix: true };
  }
  if (lower.endsWith('.sql')) return { filePath, stem: base.slice(0, -'.sql'.length), dialect: 'tsql', rank: 0, explicitSuffix: false };
  return undefined;
}

/**
 * Follow-up scripts as configured: paths, or globs (`migrations/*.sql`) whose matches apply in
 * file-name order. A path that matches nothing stays, so a missing script is reported as missing.
 */
function expandUpdates(patterns: readonly string[], baseDir: string, globs: () => SharedGlob): string[] {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (!/[*?[\]{}]/.test(pattern)) {
      files.push(path.resolve(baseDir, pattern));
      continue;
    }
    const matches = globs().matchSync(pattern, { cwd: baseDir, absolute: true, nodir: true }).sort((a, b) => a.localeCompare(b, 'en'));
    for (const match of matches) files.push(path.resolve(match));
  }
  return files;
}

function defaultListFolder(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

export function findPairs(input: PairingInput): Pairing {
  const listings = new Map<string, string[]>();
  const listFolder = (folder: string): string[] => {
    let names = listings.get(folder);
    if (!names) {
      names = (input.listFolder ?? defaultListFolder)(folder);
      listings.set(folder, names);
    }
    return names;
  };
  const pairs: SchemaPair[] = [];
  const missing: Pairing['missing'] = [];
  const claimed = new Set<string>();
  // A set per folder, names compared exactly as listed: a scan of the listing per file made a
  // configured pair of 128,000 follow-up scripts in one folder take 30.5 s (16,000: 1.61 s).
  const namesIn = new Map<string, Set<string>>();
  const exists = (filePath: string) => {
    if (input.files.has(filePath)) return true;
    const folder = path.dirname(filePath);
    let names = namesIn.get(folder);
    if (!names) {
      names = new Set(listFolder(folder));
      namesIn.set(folder, names);
    }
    return names.has(path.basename(filePath));
  };

  // One glob cache for all the pairs' update patterns, made when the first one needs it.
  let shared: SharedGlob | undefined;
  const globs = () => (shared ??= new SharedGlob(loadGlob()));
  for (const pair of input.pairs) {
    const tsql = [path.resolve(input.baseDir, pair.tsql), ...expandUpdates(pair.tsqlUpdates ?? [], input.baseDir, globs)];
    const sqlite = [path.resolve(input.baseDir, pair.sqlite), ...expandUpdates(pair.sqliteUpdates ?? [], input.baseDir, globs)];
    for (const file of [...tsql, ...sqlite]) claimed.add(file);
    const tsqlMissing = tsql.find((file) => !exists(file));
    const sqliteMissing = sqlite.find((file) => !exists(file));
    if (tsqlMissing && !sqliteMissing) missing.push({ filePath: sqlite[0], dialect: 'sqlite', partner: tsqlMissing });
    if (sqliteMissing && !tsqlMissing) missing.push({ filePath: tsql[0], dialect: 'tsql', partner: sqliteMissing });
    if (tsqlMissing || sqliteMissing) continue;
    pairs.push({ tsql, sqlite, reportOn: new Set<Dialect>(['tsql', 'sqlite']), source: 'config' });
  }

  // Group the linted files and their folder neighbours by folder and stem.
  const groups = new Map<string, NamedFile[]>();
  const seen = new Set<string>();
  const add = (filePath: string, judged: Dialect | undefined) => {
    if (seen.has(filePath) || claimed.has(filePath)) return;
    const named = classifyName(filePath);
    if (!named) return;
    seen.add(filePath);
    // A linted file's judged dialect wins over its name: `X.sql` with a SQLite pragma is SQLite.
    if (judged && judged !== named.dialect) {
      if (named.explicitSuffix) return; // `X.sqlite.sql` judged T-SQL: the user overrode the convention
      named.dialect = judged;
    }
    const key = `${path.dirname(filePath)}\u0000${named.stem.toLowerCase()}`;
    const group = groups.get(key) ?? [];
    group.push(named);
    groups.set(key, group);
  };
  for (const [filePath, dialect] of input.files) add(filePath, dialect);
  for (const folder of new Set([...input.files.keys()].map((file) => path.dirname(file)))) {
    for (const name of listFolder(folder)) add(path.join(folder, name), undefined);
  }

  /** Folders where some file names its dialect in its suffix: they keep schemas in both dialects. */
  const conventionFolders = new Set<string>();
  for (const group of groups.values()) {
    if (group.some((file) => file.explicitSuffix)) conventionFolders.add(path.dirname(group[0].filePath));
  }

  const unpaired: Unpaired[] = [];
  for (const group of groups.values()) {
    const sqliteFiles = group.filter((file) => file.dialect === 'sqlite').sort((a, b) => a.filePath.localeCompare(b.filePath));
    const tsqlFiles = group.filter((file) => file.dialect === 'tsql').sort((a, b) => a.rank - b.rank || a.filePath.localeCompare(b.filePath));
    // Neighbours are looked at only to find a linted file's partner: a pair of which no file
    // is being linted is not this run's business (and reading it could cost any amount).
    if (!group.some((file) => input.files.has(file.filePath))) continue;
    if (sqliteFiles.length > 0 && tsqlFiles.length > 0) {
      const sqlite = sqliteFiles[0];
      tsqlFiles.forEach((tsql, i) => {
        pairs.push({
          tsql: [tsql.filePath],
          sqlite: [sqlite.filePath],
          reportOn: new Set<Dialect>(i === 0 ? ['tsql', 'sqlite'] : ['tsql']),
          source: 'convention',
        });
      });
      continue;
    }
    for (const file of [...sqliteFiles, ...tsqlFiles]) {
      if (!input.files.has(file.filePath)) continue;
      const expected = file.dialect === 'tsql' ? `${file.stem}.sqlite.sql` : `${file.stem}.sql`;
      const namedAsHalf = file.explicitSuffix || file.stem.toLowerCase() === 'schema';
      const expectsCounterpart = namedAsHalf || conventionFolders.has(path.dirname(file.filePath));
      unpaired.push({ filePath: file.filePath, dialect: file.dialect, expected, expectsCounterpart });
    }
  }
  return { pairs, unpaired: pairByDialectFolders(unpaired, pairs), missing };
}

const SQLITE_FOLDER = /^sqlite3?$/i;
const TSQL_FOLDER = /^(mssql|sqlserver|sql[-_ ]server|tsql|t-sql|azure[-_]?sql)$/i;

/**
 * The other common layout: one tree per dialect, `db/sqlite/init.sql` next to
 * `db/mssql/init.sql` (or `sqlserver/`, `tsql/`). Linted files whose paths differ only in that
 * folder, with the same schema stem, are the two versions of one schema; the folder decides
 * the side, since such files are often all named `*.sql`. Returns the files still unpaired.
 */
function pairByDialectFolders(unpaired: Unpaired[], pairs: SchemaPair[]): Unpaired[] {
  const groups = new Map<string, { sqlite: Unpaired[]; tsql: Unpaired[] }>();
  for (const file of unpaired) {
    const segments = path.dirname(file.filePath).split(path.sep);
    let side: Dialect | undefined;
    const key = segments.map((segment) => {
      if (SQLITE_FOLDER.test(segment)) side = 'sqlite';
      else if (TSQL_FOLDER.test(segment)) side = 'tsql';
      else return segment;
      return '\u0000';
    });
    if (!side) continue;
    const stem = classifyName(file.filePath)?.stem.toLowerCase() ?? '';
    const groupKey = `${key.join(path.sep)}${path.sep}${stem}`;
    const group = groups.get(groupKey) ?? { sqlite: [], tsql: [] };
    group[side].push(file);
    groups.set(groupKey, group);
  }
  const paired = new Set<string>();
  for (const group of groups.values()) {
    if (group.sqlite.length === 0 || group.tsql.length === 0) continue;
    group.tsql.forEach((tsql, i) => {
      pairs.push({
        tsql: [tsql.filePath],
        sqlite: [group.sqlite[0].filePath],
        reportOn: new Set<Dialect>(i === 0 ? ['tsql', 'sqlite'] : ['tsql']),
        source: 'convention',
      });
      paired.add(tsql.filePath);
    });
    paired.add(group.sqlite[0].filePath);
  }
  return unpaired.filter((file) => !paired.has(file.filePath));
}

/** glob, loaded only for config `pairs` (most runs have none): a synchronous require keeps this code synchronous. */
function loadGlob(): typeof GlobModule {
  return createRequire(import.meta.url)('glob') as typeof GlobModule;
}
