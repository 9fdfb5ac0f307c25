import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { describeError, engineMemory, type EngineMemory } from './engine.js';
import { SETTING_PRAGMAS } from './statement-plan.js';

/** What SQLite said about one piece of SQL. */
export type EngineResult = { ok: true } | { ok: false; message: string };

/** The answer to almost every call, shared: most statements are accepted, and each used to leave an object behind. */
export const ACCEPTED: EngineResult = Object.freeze({ ok: true });

/**
 * Thrown when the WebAssembly instance itself failed (a trap, not an SQLite error): the
 * caller stops using the engine instead of trusting a possibly damaged instance.
 */
export class EngineBrokenError extends Error {}

/**
 * sql.js registers the functions of SQLite's contributed `extension-functions.c` in every
 * database (charindex, padl, median, ...). A SQLite application does not have them, so a file
 * that calls charindex() would pass here and fail in production. They are removed from each
 * database, except where SQLite itself has a built-in of the same name (sqrt, log, pi...):
 * removing those would leave a broken entry in front of the built-in.
 */
const FULL_TEXT_FUNCTIONS = new Set(['snippet', 'offsets', 'matchinfo', 'optimize', 'match', 'fts3_tokenizer']);

/** The global WebAssembly object is not in the ES library typings this project compiles against. */
const WasmRuntimeError = (globalThis as { WebAssembly?: { RuntimeError?: abstract new () => Error } }).WebAssembly?.RuntimeError;

/** A trap of the WebAssembly instance (or a JavaScript stack overflow), as opposed to an SQLite error. */
function isTrap(error: unknown): boolean {
  return (WasmRuntimeError !== undefined && error instanceof WasmRuntimeError) || error instanceof RangeError;
}

/** The parts of sql.js's Emscripten module that the typings do not describe. */
interface EmscriptenExports {
  _sqlite3_create_function_v2?: (db: number, name: number, nArg: number, flags: number, ...rest: number[]) => number;
  stringToNewUTF8?: (text: string) => number;
}

/** SQLite's C functions, called directly: see `SandboxDatabase.compile`. */
interface SqliteCalls {
  _sqlite3_prepare_v2(db: number, sql: number, bytes: number, statementOut: number, tailOut: number): number;
  _sqlite3_step(statement: number): number;
  _sqlite3_finalize(statement: number): number;
  _sqlite3_errmsg(db: number): number;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  UTF8ToString(pointer: number): string;
  lengthBytesUTF8(text: string): number;
}

const SQLITE_OK = 0;
const SQLITE_ROW = 100;
const SQLITE_DONE = 101;
/** Room for SQL in the engine's memory to start with; it grows to the longest statement. */
const INITIAL_SQL_BUFFER = 64 * 1024;
const utf8 = new TextEncoder();

/**
 * One in-memory SQLite database for one file at a time (fresh, or recycled to be as fresh: see
 * `recycle` and database-pool.ts). It only ever prepares SQL, and executes
 * what the validator hands to `execute` (schema statements, setting PRAGMAs, savepoints,
 * ANALYZE on empty tables): nothing it runs can reach the
 * disk (sql.js keeps its database file in an in-memory file system and is built without
 * extension loading) and nothing it runs can loop, because no query is ever stepped.
 */
export class SandboxDatabase {
  private readonly db: Database;
  private readonly handle: number;
  private readonly calls: SqliteCalls;
  private readonly memory: EngineMemory;
  /** SQL text, NUL-terminated UTF-8, in the engine's memory; and where SQLite writes a statement pointer. */
  private sqlBuffer = 0;
  private sqlBufferSize = 0;
  /**
   * Views of the engine's memory, made again only when the memory grows (its buffer is then
   * replaced) or the SQL buffer moves: two typed arrays per call were most of the garbage.
   */
  private views: { buffer: ArrayBuffer; sql: Uint8Array; statementOut: Int32Array } | undefined;
  private readonly statementOut: number;
  private inTransaction = false;
  private closed = false;
  /** Whether anything has run since the last BEGIN: a COMMIT then keeps it, and a rollback cannot clear the database. */
  private changedSinceBegin = false;
  /** Whether `recycle` can bring the database back to the state of a fresh one; see `recycle`. */
  private reusable = true;
  /** Whether a setting PRAGMA ran, so that `recycle` must put the settings back. */
  private settingsChanged = false;

  constructor(readonly sql: SqlJsStatic) {
    const memory = engineMemory(sql);
    if (!memory) throw new Error('the SQLite engine was not loaded by loadSqliteEngine()');
    this.memory = memory;
    this.calls = sql as unknown as SqliteCalls;
    this.db = new sql.Database();
    this.handle = (this.db as unknown as { db: number }).db;
    this.statementOut = this.calls._malloc(4);
    this.removeNonStandardFunctions();
    this.addCommonBuildFunctions();
    // One transaction for the whole file saves a commit per schema statement; the journal
    // stays in memory so a failed statement still rolls back cleanly. The database file is this
    // connection's alone (in sql.js's in-memory file system): holding its lock spares every
    // transaction a lock, a hot-journal check and a read of page 1 through sql.js's JavaScript
    // file system, most of what a reused database still cost per file.
    this.run('PRAGMA journal_mode = MEMORY');
    this.run('PRAGMA synchronous = OFF');
    this.run('PRAGMA locking_mode = EXCLUSIVE');
    this.rememberDefaultSettings();
    this.beginTransaction();
  }

  /** Compiles the SQL and throws the compiled statement away: SQLite resolves names but runs nothing. */
  prepare(sql: string): EngineResult {
    return this.compile(sql, false);
  }

  /** Compiles and runs one statement the validator has judged bounded (CREATE, ALTER, DROP, ...). */
  execute(sql: string): EngineResult {
    // What runs outside the transaction (ATTACH, DETACH) outlives a rollback.
    if (!this.inTransaction) this.reusable = false;
    this.changedSinceBegin = true;
    return this.compile(sql, true);
  }

  /**
   * Runs a PRAGMA that only sets one of SETTING_PRAGMAS (foreign_keys, legacy_alter_table,
   * writable_schema), outside the transaction as foreign_keys requires; `recycle` sets them
   * back to their defaults.
   */
  applySetting(sql: string): EngineResult {
    this.settingsChanged = true;
    this.commit();
    try {
      return this.compile(sql, true);
    } finally {
      this.beginTransaction();
    }
  }

  /**
   * For what a rollback does not undo: any other PRAGMA, which SQLite applies as it compiles
   * it (cache_size, recursive_triggers, case_sensitive_like, encoding, ...).
   */
  forbidReuse(): void {
    this.reusable = false;
  }

  /**
   * Brings the database back to what a fresh one is, for the next file: everything the file
   * created was created inside the one transaction, which is rolled back, and the settings are
   * put back. It refuses (and the caller closes the database) when anything could outlive the
   * rollback: a COMMIT after a change (a setting PRAGMA in the middle of a file), anything run
   * outside the transaction (ATTACH), any other PRAGMA, a failed rollback, a trapped engine.
   */
  recycle(): boolean {
    if (this.closed || !this.reusable) return false;
    try {
      if (this.inTransaction && !this.compile('ROLLBACK', true).ok) return false;
      this.inTransaction = false;
      if (this.settingsChanged) {
        const resets = DEFAULT_SETTINGS.get(this.sql);
        if (!resets) return false;
        for (const reset of resets) if (!this.compile(reset, true).ok) return false;
        this.settingsChanged = false;
      }
      this.changedSinceBegin = false;
      this.beginTransaction();
      return this.inTransaction;
    } catch {
      return false;
    }
  }

  /**
   * What sql.js's prepare, step and free do, minus their cost (a fresh allocation and a
   * Statement object per call, and an exception per error), which is a tenth of the SQLite
   * check on a big schema: the text goes into one reused buffer and SQLite's own functions are
   * called. As in sql.js, the text is NUL-terminated, only its first statement is compiled, and
   * text without a statement (comments, `;`) is accepted.
   */
  private compile(sql: string, run: boolean): EngineResult {
    try {
      const text = this.writeSql(sql);
      let code = this.calls._sqlite3_prepare_v2(this.handle, text, -1, this.statementOut, 0);
      const statement = this.currentViews().statementOut[0];
      if (code === SQLITE_OK && statement !== 0) {
        if (run) code = this.calls._sqlite3_step(statement);
        if (code === SQLITE_ROW || code === SQLITE_DONE) code = SQLITE_OK;
        // The message is read before finalize, which may reset it.
        const message = code === SQLITE_OK ? undefined : this.errorMessage();
        this.calls._sqlite3_finalize(statement);
        return message === undefined ? ACCEPTED : { ok: false, message };
      }
      return code === SQLITE_OK ? ACCEPTED : { ok: false, message: this.errorMessage() };
    } catch (error) {
      this.reusable = false;
      if (isTrap(error)) throw new EngineBrokenError(describeError(error));
      throw error;
    }
  }

  private errorMessage(): string {
    return this.calls.UTF8ToString(this.calls._sqlite3_errmsg(this.handle));
  }

  /** Writes the text into the engine's memory as NUL-terminated UTF-8 and returns where. */
  private writeSql(sql: string): number {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8; only text that might not fit is measured.
    if (sql.length * 3 + 1 > this.sqlBufferSize) {
      const needed = this.calls.lengthBytesUTF8(sql) + 1;
      if (needed > this.sqlBufferSize) {
        if (this.sqlBuffer !== 0) this.calls._free(this.sqlBuffer);
        this.sqlBufferSize = Math.max(needed, INITIAL_SQL_BUFFER, this.sqlBufferSize * 2);
        this.sqlBuffer = this.calls._malloc(this.sqlBufferSize);
        if (this.sqlBuffer === 0) throw new Error('the SQLite engine is out of memory');
        this.views = undefined;
      }
    }
    let target = this.currentViews().sql;
    const first = utf8.encodeInto(sql, target);
    let written = first.written;
    if (first.read < sql.length || written >= this.sqlBufferSize) {
      // Lone surrogates are measured differently by Emscripten: take the bound that always holds.
      this.calls._free(this.sqlBuffer);
      this.sqlBufferSize = sql.length * 3 + 1;
      this.sqlBuffer = this.calls._malloc(this.sqlBufferSize);
      if (this.sqlBuffer === 0) throw new Error('the SQLite engine is out of memory');
      this.views = undefined;
      target = this.currentViews().sql;
      written = utf8.encodeInto(sql, target).written;
    }
    target[written] = 0;
    return this.sqlBuffer;
  }

  private currentViews(): { sql: Uint8Array; statementOut: Int32Array } {
    const buffer = this.memory.buffer;
    if (this.views?.buffer !== buffer) {
      this.views = {
        buffer,
        sql: new Uint8Array(buffer, this.sqlBuffer, this.sqlBufferSize),
        statementOut: new Int32Array(buffer, this.statementOut, 1),
      };
    }
    return this.views;
  }

  /** The result column names of a query, from its compiled form (the query is not run). */
  columnNames(sql: string): string[] | undefined {
    let names: string[] | undefined;
    const result = this.guard(() => {
      const statement: Statement = this.db.prepare(sql);
      try {
        names = statement.getColumnNames();
      } finally {
        statement.free();
      }
    });
    return result.ok ? names : undefined;
  }

  /** Names of every table, view, index and trigger in the main and temp schemas, and in `attached`. */
  objectNames(attached: Iterable<string> = []): string[] {
    const schemas = ['main', 'temp', ...attached].map((schema) => `SELECT name FROM ${quoteIdentifier(schema)}.sqlite_schema`);
    try {
      const rows = this.db.exec(schemas.join(' UNION ALL '))[0]?.values ?? [];
      return rows.map((row) => String(row[0]));
    } catch {
      return [];
    }
  }

  /** ATTACH and DETACH cannot run inside a transaction. */
  outsideTransaction(action: () => EngineResult): EngineResult {
    this.commit();
    try {
      return action();
    } finally {
      this.beginTransaction();
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.sqlBuffer !== 0) this.calls._free(this.sqlBuffer);
      this.calls._free(this.statementOut);
      this.db.close();
    } catch {
      // Closing can only fail on a damaged instance, which is already reported.
    }
  }

  private beginTransaction(): void {
    if (!this.inTransaction) this.inTransaction = this.run('BEGIN').ok;
  }

  private commit(): void {
    if (!this.inTransaction) return;
    if (this.changedSinceBegin) this.reusable = false;
    this.run('COMMIT');
    this.inTransaction = false;
  }

  /** BEGIN, COMMIT and the connection's own PRAGMAs, through the direct calls (about 1 µs each; sql.js's `run` took 20). */
  private run(sql: string): EngineResult {
    return this.compile(sql, true);
  }

  /**
   * The statements that set SETTING_PRAGMAS back to what a fresh database has, read once per
   * engine from its first database, before anything ran in it.
   */
  private rememberDefaultSettings(): void {
    if (DEFAULT_SETTINGS.has(this.sql)) return;
    const resets: string[] = [];
    try {
      for (const name of SETTING_PRAGMAS) {
        const value = this.db.exec(`PRAGMA ${name}`)[0]?.values[0]?.[0];
        if (typeof value !== 'number') throw new Error(`PRAGMA ${name} has no value`);
        resets.push(`PRAGMA ${name} = ${value}`);
      }
      DEFAULT_SETTINGS.set(this.sql, resets);
    } catch {
      // A setting that cannot be read cannot be put back: no database of this engine is reused after one changed.
      DEFAULT_SETTINGS.set(this.sql, undefined);
    }
  }

  private guard(action: () => void): EngineResult {
    try {
      action();
      return { ok: true };
    } catch (error) {
      // sql.js throws this string for text that holds no statement (only comments or `;`).
      if (error === 'Nothing to prepare') return { ok: true };
      if (isTrap(error)) {
        throw new EngineBrokenError(describeError(error));
      }
      // SQLite's own message, whole: it may quote a token that spans lines.
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Functions that Debian's and Ubuntu's libsqlite3 compile in (SQLITE_SOUNDEX) and sql.js
   * does not. Validation never runs a query, so a stand-in that returns NULL is enough for
   * SQLite to accept the name.
   */
  private addCommonBuildFunctions(): void {
    try {
      if (!this.engineFunctions().hasSoundex) this.db.create_function('soundex', (_text: unknown) => null);
    } catch {
      // Without the stand-in a soundex() call is reported; nothing else changes.
    }
  }

  private removeNonStandardFunctions(): void {
    const module = this.sql as unknown as EmscriptenExports;
    const handle = (this.db as unknown as { db?: number }).db;
    const create = module._sqlite3_create_function_v2;
    if (!create || typeof handle !== 'number') return;
    for (const { pointer, argumentCount } of this.engineFunctions().nonStandard) {
      // All callbacks null: SQLite's documented way to delete an application-defined function.
      create(handle, pointer, argumentCount, 1 /* SQLITE_UTF8 */, 0, 0, 0, 0, 0);
    }
  }

  /**
   * The same for every database of one engine, so it is read once, with one query: each file's
   * database then costs a few calls instead of a query (a tree of a thousand small files pays
   * it a thousand times), and the first file only one query's worth of SQLite code compiled.
   */
  private engineFunctions(): EngineFunctions {
    const known = ENGINE_FUNCTIONS.get(this.sql);
    if (known) return known;
    const module = this.sql as unknown as EmscriptenExports;
    const toUtf8 = module.stringToNewUTF8;
    let rows: unknown[][];
    try {
      rows = this.db.exec('SELECT name, narg, builtin FROM pragma_function_list')[0]?.values ?? [];
    } catch {
      rows = [];
    }
    const builtIn = new Set(rows.filter((row) => row[2] === 1).map((row) => String(row[0])));
    const nonStandard: NonStandardFunction[] = [];
    const removed = new Set<string>();
    for (const [name, narg, isBuiltIn] of rows) {
      const functionName = String(name);
      if (!toUtf8 || isBuiltIn === 1 || builtIn.has(functionName) || FULL_TEXT_FUNCTIONS.has(functionName)) continue;
      // Kept for the life of the engine: a few dozen short names.
      nonStandard.push({ pointer: toUtf8(functionName), argumentCount: Number(narg) });
      removed.add(functionName);
    }
    const hasSoundex = rows.some((row) => row[0] === 'soundex') && !removed.has('soundex');
    const functions = { nonStandard, hasSoundex };
    ENGINE_FUNCTIONS.set(this.sql, functions);
    return functions;
  }
}

/** A function to delete from each database: its name, already in the engine's memory, and arity. */
interface NonStandardFunction {
  pointer: number;
  argumentCount: number;
}

/** What one engine's build holds beyond standard SQLite: the functions each database deletes, and whether soundex() survives that. */
interface EngineFunctions {
  nonStandard: readonly NonStandardFunction[];
  hasSoundex: boolean;
}

const ENGINE_FUNCTIONS = new WeakMap<SqlJsStatic, EngineFunctions>();
/** For each engine, the statements that put SETTING_PRAGMAS back to a fresh database's values. */
const DEFAULT_SETTINGS = new WeakMap<SqlJsStatic, readonly string[] | undefined>();

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
