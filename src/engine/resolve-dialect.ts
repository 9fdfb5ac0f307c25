import path from 'node:path';
import { matchGlob } from '../files/match-glob.js';
import { DEFAULT_OWNERS, type ResolvedConfig } from '../config/config.js';
import { userNameOf } from '../files/owner.js';
import { dialectDisplayName, parseDialect, type Dialect } from '../sql/dialect.js';
import { Lexer } from '../sql/lexer.js';

/** Which step decided a file's dialect, strongest first. */
export type DialectStep = 'cli' | 'pragma' | 'override' | 'owner' | 'file-name' | 'default';

export interface DialectDecision {
  dialect: Dialect;
  step: DialectStep;
  /** A short reason for people: `owner mssql`, `file name *.sqlite.sql`, `config override "src/**"`. */
  reason: string;
}

export interface DialectInputs {
  /** Absolute path of the file. */
  filePath: string;
  /** The decoded text, for the header pragma. */
  text: string;
  /** `--dialect` from the command line. */
  cliDialect?: Dialect;
  config: ResolvedConfig;
  /** The file's owner uid, when the file is on disk. */
  ownerUid?: number;
}

/**
 * Decides a file's dialect and why. Precedence, strongest first:
 *   --dialect > header pragma > config override > OS owner > file-name convention > defaultDialect.
 * The owner outranks the name because the seed says files owned by `mssql` run on SQL Server
 * whatever they are called; an override outranks the owner because it is the user's explicit word.
 */
export function resolveDialect(inputs: DialectInputs): DialectDecision {
  if (inputs.cliDialect) return { dialect: inputs.cliDialect, step: 'cli', reason: '--dialect' };

  const pragma = headerPragmaDialect(inputs.text);
  if (pragma) return { dialect: pragma, step: 'pragma', reason: 'header pragma' };

  const { config, baseDir } = inputs.config;
  const overrides = config.overrides ?? [];
  // The relative path is worked out only for a config whose overrides set dialects: most have none, and this runs per file.
  if (overrides.some((override) => override.dialect)) {
    const relative = toPosix(path.relative(baseDir, inputs.filePath));
    for (const override of [...overrides].reverse()) {
      if (!override.dialect) continue;
      const pattern = override.files.find((glob) => matchGlob(relative, glob, { dot: true, matchBase: !glob.includes('/') }));
      if (pattern) return { dialect: override.dialect, step: 'override', reason: `config override "${pattern}"` };
    }
  }

  if (inputs.ownerUid !== undefined) {
    const owner = userNameOf(inputs.ownerUid);
    const owners = config.owners ?? DEFAULT_OWNERS;
    const dialect = owner !== undefined ? owners[owner] : undefined;
    if (dialect) return { dialect, step: 'owner', reason: `owner ${owner}` };
  }

  const byName = dialectFromFileName(inputs.filePath);
  if (byName) return { ...byName, step: 'file-name' };

  const fallback = config.defaultDialect ?? 'tsql';
  return {
    dialect: fallback,
    step: 'default',
    reason: config.defaultDialect ? `config defaultDialect ${fallback}` : 'default for *.sql',
  };
}

/** The seed's naming conventions. */
export function dialectFromFileName(filePath: string): { dialect: Dialect; reason: string } | undefined {
  const name = path.basename(filePath).toLowerCase();
  for (const suffix of ['.sqlite.sql', '.sqlite3.sql']) {
    if (name.endsWith(suffix)) return { dialect: 'sqlite', reason: `file name *${suffix}` };
  }
  for (const suffix of ['_mssql.sql', '.mssql.sql', '.tsql.sql', '.sqlserver.sql']) {
    if (name.endsWith(suffix)) return { dialect: 'tsql', reason: `file name *${suffix}` };
  }
  if (name === 'schema.sql') return { dialect: 'tsql', reason: 'file name schema.sql' };
  return undefined;
}

const PRAGMA = /\bschema-lint\s+dialect\s*:\s*([\w-]+)/i;

/**
 * `-- schema-lint dialect: tsql` (or in a block comment) among the comments that open the
 * file, before its first statement. A pragma further down is not a header and is ignored.
 */
export function headerPragmaDialect(text: string): Dialect | undefined {
  const lexer = new Lexer(text, 'tsql');
  for (let token = lexer.next(); token; token = lexer.next()) {
    if (token.kind === 'whitespace') continue;
    if (token.kind !== 'line-comment' && token.kind !== 'block-comment') return undefined;
    const match = PRAGMA.exec(token.text);
    if (match) return parseDialect(match[1]);
  }
  return undefined;
}

export function describeDecision(decision: DialectDecision): string {
  return `${dialectDisplayName(decision.dialect)}: ${decision.reason}`;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
