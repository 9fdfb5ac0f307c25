import type { SqlJsStatic } from 'sql.js';
import { SandboxDatabase } from './sandbox-database.js';

/**
 * A fresh database costs about a third of a millisecond (sql.js's file, its function
 * registrations and our removal of them, the soundex stand-in, closing), as much as validating a
 * small file: a tree of a thousand SQLite files paid it a thousand times. So one database per
 * engine waits between files, rolled back to what a fresh one is (see
 * `SandboxDatabase.recycle`, which refuses whenever a file did something a rollback cannot undo).
 */
const idle = new WeakMap<SqlJsStatic, SandboxDatabase>();

/** A database that is, for every statement, the same as a fresh one. */
export function openSandboxDatabase(engine: SqlJsStatic): SandboxDatabase {
  const waiting = idle.get(engine);
  if (!waiting) return new SandboxDatabase(engine);
  idle.delete(engine);
  return waiting;
}

/** Ends a file's use of a database: kept for the next file when it can be made fresh again, closed otherwise. */
export function releaseSandboxDatabase(database: SandboxDatabase): void {
  if (!idle.has(database.sql) && database.recycle()) idle.set(database.sql, database);
  else database.close();
}

/** Closes the waiting database, so that the next file gets a new one (tests compare the two). */
export function closeIdleSandboxDatabase(engine: SqlJsStatic): void {
  idle.get(engine)?.close();
  idle.delete(engine);
}
