/** The two dialects schema-lint judges files against. */
export type Dialect = 'tsql' | 'sqlite';

export const DIALECTS: readonly Dialect[] = ['tsql', 'sqlite'];

const ALIASES: Record<string, Dialect> = {
  tsql: 'tsql',
  't-sql': 'tsql',
  mssql: 'tsql',
  sqlserver: 'tsql',
  'sql-server': 'tsql',
  transactsql: 'tsql',
  'transact-sql': 'tsql',
  sqlite: 'sqlite',
  sqlite3: 'sqlite',
};

/** Maps a user-supplied dialect name (any accepted alias, any case) to a dialect, or undefined. */
export function parseDialect(name: string): Dialect | undefined {
  const key = name.trim().toLowerCase();
  // Own keys only: `--dialect __proto__` must not find Object.prototype.
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}

export const DIALECT_ALIASES: readonly string[] = Object.keys(ALIASES);

/** The name people know each dialect by, for messages. */
export function dialectDisplayName(dialect: Dialect): string {
  return dialect === 'tsql' ? 'T-SQL (SQL Server)' : 'SQLite';
}

/** The short name, where the context already says it is a dialect. */
export function dialectShortName(dialect: Dialect): string {
  return dialect === 'tsql' ? 'T-SQL' : 'SQLite';
}
