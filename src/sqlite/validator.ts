import type { SqlJsStatic } from 'sql.js';
import type { SourceText } from '../sql/source-text.js';
import type { Statement } from '../sql/statement.js';
import { isPunctuation, isWord, type Token } from '../sql/token.js';
import { createdObject, DeferredSchema, type DeferredObject } from './deferred-schema.js';
import { locateError, type EngineStatement, type OffsetRange } from './error-location.js';
import { rowsAfterTheFirst, type LaterRows } from './literal-rows.js';
import { openSandboxDatabase, releaseSandboxDatabase } from './database-pool.js';
import { FailedObjects } from './failed-objects.js';
import { ACCEPTED, type EngineResult, type SandboxDatabase } from './sandbox-database.js';
import { StatementCutter, type SqlitePiece } from './statement-cutter.js';
import { planStatement, settingPragmaName, type StatementPlan } from './statement-plan.js';
import { findNewerFeatures } from './version-features.js';

export type SqliteProblemKind =
  | 'syntax'
  | 'incomplete'
  | 'unrecognized-token'
  | 'no-such-object'
  | 'no-such-column'
  | 'no-such-function'
  | 'no-such-module'
  | 'rejected'
  | 'shell-command'
  | 'newer-feature';

/** One statement SQLite rejects, placed on the token its message is about. */
export interface SqliteProblem extends OffsetRange {
  kind: SqliteProblemKind;
  /** SQLite's message, shortened where it quotes a long token. */
  reason: string;
  /** For shell commands: the command, such as `.read`. */
  command?: string;
  /** For newer features: the first SQLite version that accepts it, and what it is. */
  since?: string;
  feature?: string;
}

export interface SqliteValidatorOptions {
  /** The oldest SQLite the file must run on, such as `3.40`. */
  targetVersion: string;
  /**
   * Compile every statement whole and run every CREATE where it stands, without the two
   * shortcuts (plain indexes, views and triggers wait, see deferred-schema.ts; literal rows after the
   * first, see literal-rows.ts): slower, with the same problems; the tests compare the two.
   */
  exhaustive?: boolean;
}

/**
 * Virtual table modules that SQLite's own source ships and that common builds (Debian,
 * Homebrew, better-sqlite3, Python's) compile in, but sql.js does not: a table using one of
 * them is accepted, and what uses it later is not judged.
 */
const COMMON_MODULES = new Set(['fts5', 'rtree', 'rtree_i32', 'geopoly', 'dbstat']);

/** Shadow tables those modules create next to the virtual table. */
const SHADOW_SUFFIXES: Record<string, string[]> = {
  fts5: ['_data', '_idx', '_content', '_docsize', '_config'],
  rtree: ['_node', '_parent', '_rowid'],
  rtree_i32: ['_node', '_parent', '_rowid'],
  geopoly: ['_node', '_parent', '_rowid'],
};

/**
 * Every CREATE costs SQLite a scan of its whole schema table, so building a schema is
 * quadratic in its size: natively too (Debian's SQLite 3.40 takes 3 s for the 2,900 objects
 * of a generated 1 MB schema; sql.js about 4.5 s). When a database holds this many objects,
 * the validator goes on in a fresh one: every statement is still compiled (every syntax
 * error is still found), and only name errors that involve the objects left behind are not
 * reported. Real schema files rarely come near it; the bound keeps huge files linear.
 */
export const MAX_OBJECTS_PER_DATABASE = 500;

/**
 * Validates one SQLite file with the real engine, statement by statement, in a fresh
 * in-memory database: every statement is compiled, schema statements are also run so that
 * later ones resolve, and each rejection becomes a problem on the token SQLite names. It goes
 * on after an error, and drops errors that only follow from an earlier failure.
 */
export class SqliteFileValidator {
  private database: SandboxDatabase | undefined;
  private readonly cutter: StatementCutter;
  private readonly failed = new FailedObjects();
  private readonly attached = new Set<string>();
  /** Compiled indexes, views and triggers that run only once a statement could see or fire them. */
  private readonly deferred = new DeferredSchema();
  /** Schema objects created in the current database; see MAX_OBJECTS_PER_DATABASE. */
  private createdObjects = 0;
  /** Whether the file has opened a transaction (BEGIN) it has not ended yet. */
  private fileInTransaction = false;
  /**
   * The last statement run for each setting PRAGMA, replayed in a fresh database. (Every one run
   * was replayed, so a script setting foreign_keys before each CREATE TABLE replayed more at each
   * fresh database: 24,000 such pairs took 4.0 s, now 2.4 s.)
   */
  private readonly settings = new Map<string, string>();

  constructor(
    private readonly engine: SqlJsStatic,
    private readonly source: SourceText,
    private readonly options: SqliteValidatorOptions,
  ) {
    this.cutter = new StatementCutter(source);
  }

  /** Problems of one statement of the splitter (which may hold several SQLite statements). */
  validate(statement: Statement): readonly SqliteProblem[] {
    return this.validatePieces(this.cutter.cut(statement.tokens));
  }

  /**
   * A statement too long to hold (Statement.oversized) is not run, as only its leading and latest
   * tokens are kept: what it creates is unknown here, so a later statement's failure to find it
   * is not reported. Left out, a view that long made every later use of it "no such table".
   */
  skip(statement: Statement): void {
    this.failed.recordFailure(statement.tokens);
  }

  /** Problems of what the file left unfinished (a trigger without its END). */
  finish(): readonly SqliteProblem[] {
    return this.validatePieces(this.cutter.finish());
  }

  private validatePieces(pieces: readonly SqlitePiece[]): readonly SqliteProblem[] {
    // Most statements of the splitter are one SQLite statement: its answer is passed on as it is.
    if (pieces.length === 1 && pieces[0].kind === 'sql') return this.validateSql(pieces[0].tokens);
    const problems: SqliteProblem[] = [];
    for (const piece of pieces) {
      if (piece.kind === 'shell-command') {
        const last = piece.tokens[piece.tokens.length - 1];
        problems.push({
          kind: 'shell-command',
          reason: 'near ".": syntax error',
          command: piece.name,
          start: piece.tokens[0].start,
          end: last.end,
        });
        continue;
      }
      // Not spread: a file of 100,000s of refused statements would pass them all as arguments, past the stack's limit.
      for (const problem of this.validateSql(piece.tokens)) problems.push(problem);
    }
    return problems;
  }

  close(): void {
    if (this.database) releaseSandboxDatabase(this.database);
    this.database = undefined;
    this.deferred.clear();
  }

  private get db(): SandboxDatabase {
    this.database ??= openSandboxDatabase(this.engine);
    return this.database;
  }

  private validateSql(tokens: readonly Token[]): readonly SqliteProblem[] {
    const statement: EngineStatement = {
      tokens,
      text: this.source.text.slice(tokens[0].start, tokens[tokens.length - 1].end),
      offset: tokens[0].start,
    };
    if (this.createdObjects >= MAX_OBJECTS_PER_DATABASE && isWord(tokens[0], 'CREATE')) this.startFreshDatabase();
    const created = createdObject(tokens);
    // Seed rows after the first are literals, which name nothing: neither the waiting objects nor SQLite need them read.
    const laterRows = this.options.exhaustive ? undefined : rowsAfterTheFirst(tokens);
    this.runDeferred(this.deferred.takeNeededBy(tokens, created, laterRows));
    const plan = planStatement(tokens);
    // SQLite applies most PRAGMAs as it compiles them; only the settings it runs are put back for the next file.
    if (plan.kind !== 'execute' && isWord(tokens[0], 'PRAGMA')) this.db.forbidReuse();
    const newer = findNewerFeatures(tokens, this.options.targetVersion, laterRows);
    if (plan.kind === 'execute' && newer.length === 0 && !this.options.exhaustive && this.deferred.canDefer(created)) {
      const compiled = this.compile(statement, laterRows);
      if (!compiled.ok) return optional(this.rejected(statement, compiled.message));
      this.deferred.defer(created, statement.text, tokens);
      this.createdObjects++;
      this.failed.recordSuccess(tokens);
      return NO_PROBLEMS;
    }
    // A schema statement is compiled by running it; anything else is compiled on its own first.
    const runsDirectly = (plan.kind === 'execute' || plan.kind === 'virtual-table') && !isWord(tokens[0], 'PRAGMA');
    if (!runsDirectly || newer.length > 0) {
      const compiled = this.compile(statement, laterRows);
      if (!compiled.ok) return optional(this.rejected(statement, compiled.message));
    }
    // What the target SQLite would reject is not run either, so later statements see what it would leave.
    if (newer.length > 0) {
      this.failed.recordFailure(tokens);
      return newer.map(({ reason, since, feature, start, end }) => ({ kind: 'newer-feature', reason, since, feature, start, end }));
    }
    const outcome = this.run(statement, plan);
    if (!outcome.ok) {
      if (plan.kind === 'virtual-table' && this.toleratesMissingModule(plan, outcome.message)) return NO_PROBLEMS;
      return optional(this.rejected(statement, outcome.message));
    }
    if (isWord(tokens[0], 'CREATE', 'ALTER', 'ATTACH')) this.failed.recordSuccess(tokens);
    if (plan.kind !== 'prepare-only') this.deferred.recordRun(tokens, created);
    return NO_PROBLEMS;
  }

  /** Runs waiting objects; each compiled where it stood against the schema it now meets, so it runs. */
  private runDeferred(objects: readonly DeferredObject[]): void {
    for (const object of objects) this.db.execute(object.sql);
  }

  /**
   * Some PRAGMAs check the transaction state when they are compiled ("Safety level may not be
   * changed inside a transaction"): they are compiled inside the validator's own transaction
   * only where the file itself has one open (BEGIN ... COMMIT), as the file's author runs them.
   */
  private compile(statement: EngineStatement, laterRows: LaterRows | undefined): EngineResult {
    const [first, second] = statement.tokens;
    if (!isWord(first, 'PRAGMA')) {
      const result = (laterRows && this.compileShortened(statement, laterRows)) ?? this.db.prepare(statement.text);
      if (result.ok && isWord(first, 'BEGIN')) this.fileInTransaction = true;
      if (result.ok && (isWord(first, 'COMMIT', 'END') || (isWord(first, 'ROLLBACK') && !isWord(second, 'TO')))) {
        this.fileInTransaction = false;
      }
      return result;
    }
    if (this.fileInTransaction) return this.db.prepare(statement.text);
    return this.db.outsideTransaction(() => this.db.prepare(statement.text));
  }

  /** Acceptance of an INSERT of literal rows, judged on its first row alone; undefined when that cannot decide. */
  private compileShortened(statement: EngineStatement, rows: LaterRows): EngineResult | undefined {
    const text = this.source.text;
    const shortened = text.slice(statement.offset, rows.start) + text.slice(rows.end, statement.offset + statement.text.length);
    const result = this.db.prepare(shortened);
    return result.ok ? result : undefined;
  }

  /** Leaves a full database behind; what it held can no longer be checked by name. */
  private startFreshDatabase(): void {
    // Spread into one call, the names of a database whose tables have many UNIQUE columns (an
    // index each) overflowed the stack: 128,000 stopped the check.
    this.failed.recordAllUnverifiable(this.db.objectNames(this.attached));
    this.failed.recordAllUnverifiable(this.deferred.names());
    this.close();
    this.createdObjects = 0;
    for (const setting of this.settings.values()) this.db.applySetting(setting);
    // The attached names stay known (empty again), so `aux.t` is judged like any object left behind.
    for (const name of this.attached) {
      const outcome = this.db.outsideTransaction(() => this.db.execute(`ATTACH ':memory:' AS ${quoteName(name)}`));
      if (!outcome.ok) this.failed.recordUnverifiableDatabase(name);
    }
  }

  private run(statement: EngineStatement, plan: StatementPlan): EngineResult {
    switch (plan.kind) {
      case 'prepare-only':
        return ACCEPTED;
      case 'execute':
      case 'virtual-table':
      case 'create-table-as': {
        const outcome =
          plan.kind === 'create-table-as'
            ? this.createTableAs(statement, plan.as, plan.select)
            : isWord(statement.tokens[0], 'PRAGMA')
              ? this.db.applySetting(statement.text)
              : this.db.execute(statement.text);
        if (outcome.ok && isWord(statement.tokens[0], 'CREATE')) this.createdObjects++;
        const setting = outcome.ok && isWord(statement.tokens[0], 'PRAGMA') ? settingPragmaName(statement.tokens) : undefined;
        if (setting !== undefined) this.settings.set(setting, statement.text);
        return outcome;
      }
      case 'attach': {
        const outcome = this.db.outsideTransaction(() => this.db.execute(`ATTACH ':memory:' AS ${quoteName(plan.name)}`));
        if (outcome.ok) this.attached.add(plan.name.toLowerCase());
        return outcome;
      }
      case 'transaction':
        this.mirrorTransaction(statement, plan.action);
        return ACCEPTED;
      case 'detach':
        // Only databases this validator attached can be detached; others stay as SQLite left them.
        if (!this.attached.delete(plan.name.toLowerCase())) return ACCEPTED;
        return this.db.outsideTransaction(() => this.db.execute(`DETACH ${quoteName(plan.name)}`));
    }
  }

  /**
   * The file's transaction becomes a savepoint of the validator's own transaction. A mirror
   * that fails (COMMIT without BEGIN, a savepoint lost to a fresh database) changes nothing
   * and is not reported: that is SQLite's runtime answer, and only compile errors are judged.
   */
  private mirrorTransaction(statement: EngineStatement, action: 'begin' | 'commit' | 'rollback' | 'savepoint'): void {
    const savepoint = 'schema_lint_file_transaction';
    switch (action) {
      case 'begin':
        this.db.execute(`SAVEPOINT ${savepoint}`);
        break;
      case 'commit':
        this.db.execute(`RELEASE ${savepoint}`);
        break;
      case 'rollback':
        if (this.db.execute(`ROLLBACK TO ${savepoint}`).ok) this.db.execute(`RELEASE ${savepoint}`);
        break;
      case 'savepoint':
        this.db.execute(statement.text);
        break;
    }
  }

  /** Creates the table from the query's column names, never running the query. */
  private createTableAs(statement: EngineStatement, as: Token, select: Token): EngineResult {
    const query = this.source.text.slice(select.start, statement.offset + statement.text.length).replace(/;\s*$/, '');
    const names = this.db.columnNames(query);
    if (!names || names.length === 0) return ACCEPTED;
    const head = this.source.text.slice(statement.offset, as.start);
    return this.db.execute(`${head} (${uniqueColumnNames(names).map(quoteName).join(', ')})`);
  }

  private toleratesMissingModule(plan: { name: string; module: string }, message: string): boolean {
    if (message !== `no such module: ${plan.module}` || !COMMON_MODULES.has(plan.module)) return false;
    this.failed.recordUnverifiable(plan.name);
    this.failed.recordUnverifiable(plan.module);
    for (const suffix of SHADOW_SUFFIXES[plan.module] ?? []) this.failed.recordUnverifiable(plan.name + suffix);
    return true;
  }

  private rejected(statement: EngineStatement, message: string): SqliteProblem | undefined {
    const explained = this.failed.explains(message, statement.tokens);
    this.failed.recordFailure(statement.tokens);
    if (explained) return undefined;
    const failsWith = (sql: string): string | undefined => {
      const result = this.db.prepare(sql);
      return result.ok ? undefined : result.message;
    };
    const range = locateError(statement, message, failsWith);
    const allowed = this.allowedByOtherBuilds(statement, message, range, failsWith);
    if (allowed === 'accepted') return undefined;
    if (allowed) return allowed;
    return { kind: kindOf(message), reason: shorten(message), start: range.start, end: range.end };
  }

  /**
   * `DELETE ... LIMIT n` and `UPDATE ... ORDER BY ... LIMIT n` are accepted by builds compiled
   * with SQLITE_ENABLE_UPDATE_DELETE_LIMIT (Debian's and Ubuntu's libsqlite3), not by sql.js.
   * Such a statement is judged without the clause: accepted when the rest is valid.
   */
  private allowedByOtherBuilds(
    statement: EngineStatement,
    message: string,
    range: OffsetRange,
    failsWith: (sql: string) => string | undefined,
  ): SqliteProblem | 'accepted' | undefined {
    if (message !== 'near "LIMIT": syntax error' && message !== 'near "ORDER": syntax error') return undefined;
    if (!isWord(statement.tokens[0], 'DELETE', 'UPDATE')) return undefined;
    if (parenthesisDepthAt(statement.tokens, range.start) !== 0) return undefined;
    const head = statement.text.slice(0, range.start - statement.offset);
    const headMessage = failsWith(head);
    if (headMessage === undefined) return 'accepted';
    if (headMessage === 'incomplete input') return undefined;
    const headTokens = statement.tokens.filter((token) => token.end <= range.start);
    const headRange = locateError({ ...statement, text: head, tokens: headTokens }, headMessage, failsWith);
    return { kind: kindOf(headMessage), reason: shorten(headMessage), start: headRange.start, end: headRange.end };
  }
}

/** Shared by every accepted statement (frozen: nothing may add to it). */
const NO_PROBLEMS: readonly SqliteProblem[] = Object.freeze([]);

function optional(problem: SqliteProblem | undefined): readonly SqliteProblem[] {
  return problem ? [problem] : NO_PROBLEMS;
}

function kindOf(message: string): SqliteProblemKind {
  if (message.startsWith('near "')) return 'syntax';
  if (message === 'incomplete input') return 'incomplete';
  if (message.startsWith('unrecognized token:')) return 'unrecognized-token';
  if (/^no such (table|view|index|trigger): /.test(message)) return 'no-such-object';
  if (/^no such column: |^table .+ has no column named /.test(message)) return 'no-such-column';
  if (message.startsWith('no such function: ')) return 'no-such-function';
  if (message.startsWith('no such module: ')) return 'no-such-module';
  return 'rejected';
}

/** SQLite quotes a whole unrecognized token, which can be the rest of the file: keep one short line. */
function shorten(message: string): string {
  const quoted = /^(near|unrecognized token:) "([\s\S]*)"([\s\S]*)$/.exec(message);
  if (!quoted) return message.replace(/\.$/, '');
  let token = quoted[2];
  const lineBreak = /[\r\n]/.exec(token);
  if (lineBreak) token = `${token.slice(0, lineBreak.index)}…`;
  if (token.length > 41) token = `${token.slice(0, 40)}…`;
  return `${quoted[1]} "${token}"${quoted[3]}`;
}

function parenthesisDepthAt(tokens: readonly Token[], offset: number): number {
  let depth = 0;
  for (const token of tokens) {
    if (token.start >= offset) break;
    if (isPunctuation(token, '(')) depth++;
    else if (isPunctuation(token, ')')) depth = Math.max(0, depth - 1);
  }
  return depth;
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** SQLite names duplicate result columns `a`, `a:1`, ... in CREATE TABLE ... AS. */
function uniqueColumnNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let n = 1; seen.has(unique.toLowerCase()); n++) unique = `${name}:${n}`;
    seen.add(unique.toLowerCase());
    return unique;
  });
}
