import { identifierName, isPunctuation, isWord, type Token } from '../sql/token.js';
import { indexAfter, type SkippedTokens } from './literal-rows.js';

/**
 * Running a CREATE costs SQLite several times what compiling it does (it writes the schema
 * table, scans it and parses the new entry again): most of the SQLite check's time on a big
 * schema. Plain indexes, views and triggers are rarely needed again in a schema file, so they
 * are only compiled where they stand, which finds every error that running them would, and run
 * later, when a statement could see them.
 *
 * Every statement compiles exactly as if they had run, by these rules and one invariant:
 * - a statement that names a waiting object runs it first (`SELECT * FROM v`, `INDEXED BY ix`,
 *   `DROP VIEW v`, or a CREATE of the same name, which must fail as it would have);
 * - a CREATE of `n` first runs the waiting objects that name `n`, so they run before `n`
 *   exists, as they did in the file;
 * - any statement other than a CREATE or plain DML (ALTER, DROP, PRAGMA, transactions, ATTACH,
 *   ANALYZE, REINDEX, ...) runs them all first, because it may read or rewrite the whole schema;
 * - an object that something already run names (a trigger body, a view, a foreign key) is never
 *   kept waiting, so nothing that has run can reach a waiting object without naming it.
 *
 * Only non-UNIQUE indexes, views and triggers wait: a unique index changes how other statements
 * compile (an upsert's conflict target, a foreign key's parent key), a plain index or a view
 * does not unless it is named. Tables are empty, so running a compiled CREATE INDEX, VIEW or
 * TRIGGER later cannot fail.
 *
 * A trigger is compiled into the statements that write its table without naming the trigger,
 * so it has rules of its own (see `triggersNeededBy`): a CREATE TRIGGER on the same table runs
 * the waiting ones first (triggers on a table fire in the order they were created); a
 * statement that writes runs every waiting trigger when it can reach tables it does not name
 * (an UPDATE, DELETE or REPLACE may fire foreign key actions; so may a plain INSERT once a
 * trigger has run, as its body is compiled in, or once a table has a REPLACE conflict clause);
 * and a plain INSERT that names the table of a waiting INSERT trigger runs them all too, since
 * the body of one, compiled in, may reach any other. Queries and CREATEs never compile a
 * trigger, and a trigger run because something named it sets every later INSERT cascading.
 */

/** What a waiting object needs to run later: its statement, and every name its statement mentions. */
export interface DeferredObject {
  /** The object's name as SQLite stores it. */
  name: string;
  sql: string;
  /** For a trigger: when it fires; see `TriggerEvent`. */
  trigger?: TriggerEvent;
  /**
   * Upper-cased names (words, quoted identifiers, strings) of its statement, each once: see
   * `mentionedName`. An array, not a set: thousands of these live until their database is left
   * behind, and an array of a few names is a fraction of a set's size.
   */
  mentions: readonly string[];
}

/** What a CREATE statement creates, when the statement is clear enough to tell. */
export interface CreatedObject {
  kind: 'table' | 'view' | 'index' | 'trigger';
  /** The name as written, without quotes. */
  name: string;
  /** `CREATE UNIQUE INDEX`. */
  unique: boolean;
  /** For `CREATE TRIGGER` with a plain name on a plain table name: when it fires. */
  trigger?: TriggerEvent;
}

/** `{INSERT|UPDATE|DELETE} ON table` of a trigger. */
export interface TriggerEvent {
  event: 'INSERT' | 'UPDATE' | 'DELETE';
  /** The table or view, upper-cased as `mentionedName` gives it. */
  table: string;
}

/** Statements that only compile and whose compilation depends on no object they do not name. */
const PLAIN_DML = new Set(['SELECT', 'INSERT', 'REPLACE', 'UPDATE', 'DELETE', 'WITH', 'VALUES']);
/** Words of a statement that may fire foreign key actions, so reach tables it does not name. */
const CASCADING_WRITES = new Set(['UPDATE', 'DELETE', 'REPLACE']);
const OBJECT_KINDS: Record<string, CreatedObject['kind']> = { TABLE: 'table', VIEW: 'view', INDEX: 'index', TRIGGER: 'trigger' };

/** The answer for almost every statement, shared (frozen: nothing may add to it). */
const NONE_NEEDED: readonly DeferredObject[] = Object.freeze([]);

export class DeferredSchema {
  /** Waiting objects by upper-cased name, in the order they were deferred. */
  private readonly waiting = new Map<string, DeferredObject>();
  /**
   * Every upper-cased name a waiting object mentions or did, since the database started: a
   * quick "no" before the waiting objects are searched for a name (cheaper to keep than counts).
   * Each with the number of the last object deferred that mentions it, so that `defer` lists an
   * object's names once without a set of its own (that set was most of the cost of deferring).
   */
  private readonly everMentioned = new Map<string, number>();
  private deferredCount = 0;
  /** Every name mentioned by an object that has run in the current database. */
  private readonly namedByRunObjects = new Set<string>();
  /** How many waiting objects are triggers; how many on each table, and how many INSERT triggers (tables upper-cased). */
  private waitingTriggers = 0;
  private readonly triggerTables = new Map<string, number>();
  private readonly insertTriggerTables = new Map<string, number>();
  /**
   * Whether a plain INSERT may reach tables it does not name: once a trigger has run (its body
   * is compiled into the statements that fire it) or a statement with the word REPLACE has (a
   * REPLACE conflict clause deletes rows, which fires foreign key actions).
   */
  private insertsCascade = false;

  /** Names of the waiting objects, as SQLite would list them in its schema table. */
  names(): string[] {
    return [...this.waiting.values()].map((object) => object.name);
  }

  /** Whether a compiled CREATE may wait: a plain index, a view or a clear trigger that nothing that has run names. */
  canDefer(created: CreatedObject | undefined): created is CreatedObject {
    if (!created || created.unique || created.kind === 'table' || (created.kind === 'trigger' && !created.trigger)) return false;
    const key = created.name.toUpperCase();
    return !this.namedByRunObjects.has(key) && !this.waiting.has(key);
  }

  defer(created: CreatedObject, sql: string, tokens: readonly Token[]): void {
    const object: DeferredObject = { name: created.name, sql, trigger: created.trigger, mentions: this.mentionedNames(tokens) };
    this.waiting.set(created.name.toUpperCase(), object);
    if (object.trigger) {
      this.waitingTriggers++;
      increment(this.triggerTables, object.trigger.table);
      if (object.trigger.event === 'INSERT') increment(this.insertTriggerTables, object.trigger.table);
    }
  }

  /** Remembers what a statement that ran names (a CREATE, an ALTER), so that no object it names is kept waiting. */
  recordRun(tokens: readonly Token[], created: CreatedObject | undefined): void {
    if (created?.kind === 'trigger') this.insertsCascade = true;
    for (const token of tokens) {
      const name = mentionedName(token);
      if (name === undefined) continue;
      this.namedByRunObjects.add(name);
      if (name === 'REPLACE' && token.kind === 'word') this.insertsCascade = true;
    }
  }

  /**
   * Takes the waiting objects that must run before `tokens` is compiled, in the order they were
   * deferred; the caller runs them. `skip`: tokens that name nothing, read past (an INSERT's
   * literal rows after the first: see literal-rows.ts).
   */
  takeNeededBy(tokens: readonly Token[], created: CreatedObject | undefined, skip?: SkippedTokens): readonly DeferredObject[] {
    if (this.waiting.size === 0) return NONE_NEEDED;
    const first = tokens[0];
    const isCreate = isWord(first, 'CREATE');
    if ((!isCreate && !(first?.kind === 'word' && PLAIN_DML.has(first.upper))) || (isCreate && !created)) return this.takeAll();
    let needed: Set<DeferredObject> | undefined;
    /** What the statement does that a waiting trigger may care about. */
    let inserts = false;
    let cascades = false;
    let namesTriggerTable = false;
    let namesInsertTriggerTable = false;
    // Only DML and a CREATE TRIGGER can need the waiting triggers (see `triggersNeeded` below):
    // for any other CREATE, the most common statement, what it writes or names is not looked at.
    const watchesTriggers = this.waitingTriggers > 0 && (!isCreate || created?.kind === 'trigger');
    for (let i = 0; i < tokens.length; i = indexAfter(i, skip)) {
      const token = tokens[i];
      // A token this lexer may read differently from SQLite's: nothing can be ruled out.
      if (token.kind === 'unknown' || token.error !== undefined) return this.takeAll();
      const name = mentionedName(token);
      if (name === undefined) continue;
      const object = this.waiting.get(name);
      if (object) (needed ??= new Set()).add(object);
      if (!watchesTriggers) continue;
      if (this.triggerTables.has(name)) {
        namesTriggerTable = true;
        if (this.insertTriggerTables.has(name)) namesInsertTriggerTable = true;
      }
      if (token.kind === 'word') {
        if (name === 'INSERT') inserts = true;
        else if (CASCADING_WRITES.has(name)) cascades = true;
      }
    }
    const createdName = created?.name.toUpperCase();
    if (createdName !== undefined && this.everMentioned.has(createdName)) {
      for (const object of this.waiting.values()) if (object.mentions.includes(createdName)) (needed ??= new Set()).add(object);
    }
    // All waiting triggers or none: the body of one, compiled in, may fire any other.
    const triggersNeeded = isCreate
      ? created?.kind === 'trigger' && namesTriggerTable
      : cascades || (inserts && (this.insertsCascade || namesInsertTriggerTable));
    if (triggersNeeded && this.waitingTriggers > 0) {
      needed ??= new Set();
      for (const object of this.waiting.values()) if (object.trigger) needed.add(object);
    }
    if (!needed) return NONE_NEEDED;
    const chosen = needed;
    return this.take([...this.waiting.values()].filter((object) => chosen.has(object)));
  }

  takeAll(): DeferredObject[] {
    return this.take([...this.waiting.values()]);
  }

  /** Forgets everything: the database they belonged to is gone. */
  clear(): void {
    this.waiting.clear();
    this.everMentioned.clear();
    this.namedByRunObjects.clear();
    this.waitingTriggers = 0;
    this.triggerTables.clear();
    this.insertTriggerTables.clear();
    this.insertsCascade = false;
  }

  /**
   * The names a statement could refer to, upper-cased, each once, recorded in `everMentioned`:
   * bare words, quoted identifiers, and strings (SQLite takes a string as a name in places).
   * JavaScript's upper-casing folds at least what SQLite's ASCII-only folding does, so a name
   * SQLite takes as equal is always found.
   */
  private mentionedNames(tokens: readonly Token[]): string[] {
    const mark = ++this.deferredCount;
    const names: string[] = [];
    for (const token of tokens) {
      const name = mentionedName(token);
      if (name === undefined || this.everMentioned.get(name) === mark) continue;
      this.everMentioned.set(name, mark);
      names.push(name);
    }
    return names;
  }

  private take(objects: DeferredObject[]): DeferredObject[] {
    for (const object of objects) {
      this.waiting.delete(object.name.toUpperCase());
      if (object.trigger) {
        this.waitingTriggers--;
        decrement(this.triggerTables, object.trigger.table);
        if (object.trigger.event === 'INSERT') decrement(this.insertTriggerTables, object.trigger.table);
        this.insertsCascade = true;
      }
      for (const name of object.mentions) this.namedByRunObjects.add(name);
    }
    return objects;
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function decrement(counts: Map<string, number>, key: string): void {
  const count = counts.get(key) ?? 0;
  if (count > 1) counts.set(key, count - 1);
  else counts.delete(key);
}

/** `CREATE [TEMP] [UNIQUE] {TABLE|VIEW|INDEX|TRIGGER} [IF NOT EXISTS] [schema.]name`. */
export function createdObject(tokens: readonly Token[]): CreatedObject | undefined {
  if (!isWord(tokens[0], 'CREATE')) return undefined;
  let i = 1;
  let unique = false;
  while (isWord(tokens[i], 'TEMP', 'TEMPORARY', 'UNIQUE', 'VIRTUAL')) {
    if (isWord(tokens[i], 'UNIQUE')) unique = true;
    i++;
  }
  const plain = i === 1;
  const kindToken = tokens[i];
  const kind = kindToken?.kind === 'word' ? OBJECT_KINDS[kindToken.upper] : undefined;
  if (!kind) return undefined;
  i++;
  if (isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'NOT') && isWord(tokens[i + 2], 'EXISTS')) i += 3;
  const qualified = isPunctuation(tokens[i + 1], '.');
  const nameToken = qualified ? tokens[i + 2] : tokens[i];
  if (!nameToken || (nameToken.kind !== 'word' && nameToken.kind !== 'quoted-identifier')) return undefined;
  const trigger = kind === 'trigger' && plain && !qualified ? triggerEvent(tokens, i + 1) : undefined;
  return { kind, name: identifierName(nameToken), unique, trigger };
}

/**
 * `[BEFORE|AFTER|INSTEAD OF] {INSERT|DELETE|UPDATE [OF column, ...]} ON table` from `at`, for a
 * table named by one word or quoted identifier (not `schema.table`); undefined for anything else.
 */
function triggerEvent(tokens: readonly Token[], at: number): TriggerEvent | undefined {
  let i = at;
  if (isWord(tokens[i], 'BEFORE', 'AFTER')) i++;
  else if (isWord(tokens[i], 'INSTEAD') && isWord(tokens[i + 1], 'OF')) i += 2;
  const eventToken = tokens[i];
  if (!isWord(eventToken, 'INSERT', 'UPDATE', 'DELETE')) return undefined;
  const event = eventToken.upper as TriggerEvent['event'];
  i++;
  if (event === 'UPDATE' && isWord(tokens[i], 'OF')) {
    i += 2;
    while (isPunctuation(tokens[i], ',')) i += 2;
  }
  if (!isWord(tokens[i], 'ON')) return undefined;
  const tableToken = tokens[i + 1];
  if (!tableToken || (tableToken.kind !== 'word' && tableToken.kind !== 'quoted-identifier') || isPunctuation(tokens[i + 2], '.')) return undefined;
  const table = mentionedName(tableToken);
  return table === undefined ? undefined : { event, table };
}

function mentionedName(token: Token): string | undefined {
  if (token.kind === 'word') return token.upper;
  if (token.kind === 'quoted-identifier' || token.kind === 'string') return (token.value ?? token.text).toUpperCase();
  return undefined;
}
