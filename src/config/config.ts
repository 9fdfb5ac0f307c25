import type { Dialect } from '../sql/dialect.js';

export type RuleSeverityName = 'off' | 'warn' | 'error';
/** As in ESLint: a severity, or a severity and the rule's options. */
export type RuleSetting = RuleSeverityName | 0 | 1 | 2 | [RuleSeverityName | 0 | 1 | 2, ...unknown[]];

export type SqlServerVersion = '2016' | '2017' | '2019' | '2022' | '2025' | 'azure';
export const SQLSERVER_VERSIONS: readonly SqlServerVersion[] = ['2016', '2017', '2019', '2022', '2025', 'azure'];

export interface ConfigOverride {
  /** Globs, relative to the folder holding the config file. */
  files: string[];
  dialect?: Dialect;
  rules?: Record<string, RuleSetting>;
}

/** One explicit pairing of a SQLite and a T-SQL file describing the same database (parity checks). */
export interface ConfigPair {
  sqlite: string;
  tsql: string;
  /** Scripts applied after the base file on the T-SQL side / the SQLite side, in order. */
  tsqlUpdates?: string[];
  sqliteUpdates?: string[];
}

/** The user's configuration as read from schema-lint.config.json or package.json#schemaLint. */
export interface SchemaLintConfig {
  $schema?: string;
  /** Dialect of `*.sql` files that no other step decides. Default `tsql`, as in the seed's layout. */
  defaultDialect?: Dialect;
  /** SQL Server version the T-SQL files must run on. Default `2019`. */
  sqlserverVersion?: SqlServerVersion;
  /** OS user name → dialect. Default `{ "mssql": "tsql" }`. */
  owners?: Record<string, Dialect>;
  /** Glob patterns of files and folders never linted (gitignore syntax). */
  ignores?: string[];
  rules?: Record<string, RuleSetting>;
  overrides?: ConfigOverride[];
  /** Parity: extra pairs beyond the naming conventions. */
  pairs?: ConfigPair[];
  /** Parity: intended differences, as `table` or `table.column` names to ignore. */
  parityAllow?: string[];
}

/** A loaded configuration and where it came from (paths in it are relative to `baseDir`). */
export interface ResolvedConfig {
  config: SchemaLintConfig;
  /** The config file, or undefined when none was found. */
  filePath?: string;
  baseDir: string;
}

export const DEFAULT_OWNERS: Readonly<Record<string, Dialect>> = { mssql: 'tsql' };
