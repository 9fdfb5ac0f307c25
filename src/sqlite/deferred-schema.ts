import { identifierName, isPunctuation, isWord, type Token } from '../sql/token.js';

/**
 * Running a CREATE costs SQLite several times what compiling it does (it writes the schema
 * table, scans it and parses the new entry again): most of the SQLite check's time on a big
 * schema. Plain indexes and views are rarely named again in a schema file, so they are only
 * compiled where they stand, which finds every error that running them would, and run later,
 * when a statement could see them.
 *
 * Every statement compiles exactly as if they had run, by three rules and one invariant:
 * - a statement that names a waiting object runs it first (`SELECT * FROM v`, `INDEXED BY ix`,
 *   `DROP VIEW v`, or a CREATE of the same name, which must fail as it would have);
 * - a CREATE of `n` first runs the waiting objects that name `n`, so they run before `n`
 *   exists, as they did in the file;
 * - any statement other than a CREATE or plain DML (ALTER, DROP, PRAGMA, transactions, ATTACH,
 *   ANALYZE, REINDEX, ...) runs them all first, because it may read or rewrite the whole schema;
 * - an object that something already run names (a trigger body, a view, a foreign key) is never
 *   kept waiting, so nothing that has run can reach a waiting object without naming it.
 *
 * Only non-UNIQUE indexes and views wait: a unique index changes how other statements compile
 * (an upsert's conflict target, a foreign key's parent key), a plain index or a view does not
 * unless it is named. Tables are empty, so running a compiled CREATE INDEX or VIEW later cannot fail.
 */

/** What a waiting object needs to run later: its statement, and every name its statement mentions. */
export interface DeferredObject {
  /** The object's name as SQLite stores it. */
  name: string;
  sql: string;
  /**
   * Upper-cased names (words, quoted identifiers, strings) of its statement, each once: see
   * `mentionedNames`. An array, not a set: thousands of these live until their database is left
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
}

/** Statements that only compile and whose compilation depends on no object they do not name. */
const PLAIN_DML = new Set(['SELECT', 'INSERT', 'REPLACE', 'UPDATE', 'DELETE', 'WITH', 'VALUES']);
const OBJECT_KINDS: Record<string, CreatedObject['kind']> = { TABLE: 'table', VIEW: 'view', INDEX: 'index', TRIGGER: 'trigger' };

export class DeferredSchema {
  /** Waiting objects by upper-cased name, in the order they were deferred. */
  private readonly waiting = new Map<string, DeferredObject>();
  /** For each upper-cased name, how many waiting objects mention it (a count is cheaper to keep than the objects). */
  private readonly mentionCounts = new Map<string, number>();
  /** Every name mentioned by an object that has run in the current database. */
  private readonly namedByRunObjects = new Set<string>();

  /** Names of the waiting objects, as SQLite would list them in its schema table. */
  names(): string[] {
    return [...this.waiting.values()].map((object) => object.name);
  }

  /** Whether a compiled CREATE may wait: a plain index or a view that nothing that has run names. */
  canDefer(created: CreatedObject | undefined): created is CreatedObject {
    if (!created || (created.kind !== 'view' && created.kind !== 'index') || created.unique) return false;
    const key = created.name.toUpperCase();
    return !this.namedByRunObjects.has(key) && !this.waiting.has(key);
  }

  defer(created: CreatedObject, sql: string, tokens: readonly Token[]): void {
    const object: DeferredObject = { name: created.name, sql, mentions: [...mentionedNames(tokens)] };
    this.waiting.set(created.name.toUpperCase(), object);
    for (const name of object.mentions) this.mentionCounts.set(name, (this.mentionCounts.get(name) ?? 0) + 1);
  }

  /** Remembers what a statement that ran names (a CREATE, an ALTER), so that no object it names is kept waiting. */
  recordRun(tokens: readonly Token[]): void {
    for (const token of tokens) {
      const name = mentionedName(token);
      if (name !== undefined) this.namedByRunObjects.add(name);
    }
  }

  /**
   * Takes the waiting objects that must run before `tokens` is compiled, in the order they were
   * deferred; the caller runs them.
   */
  takeNeededBy(tokens: readonly Token[], created: CreatedObject | undefined): DeferredObject[] {
    if (this.waiting.size === 0) return [];
    const first = tokens[0];
    const isCreate = isWord(first, 'CREATE');
    if ((!isCreate && !(first?.kind === 'word' && PLAIN_DML.has(first.upper))) || (isCreate && !created)) return this.takeAll();
    let needed: Set<DeferredObject> | undefined;
    for (const token of tokens) {
      // A token this lexer may read differently from SQLite's: nothing can be ruled out.
      if (token.kind === 'unknown' || token.error !== undefined) return this.takeAll();
      const name = mentionedName(token);
      const object = name === undefined ? undefined : this.waiting.get(name);
      if (object) (needed ??= new Set()).add(object);
    }
    const createdName = created?.name.toUpperCase();
    if (createdName !== undefined && this.mentionCounts.has(createdName)) {
      for (const object of this.waiting.values()) if (object.mentions.includes(createdName)) (needed ??= new Set()).add(object);
    }
    if (!needed) return [];
    const chosen = needed;
    return this.take([...this.waiting.values()].filter((object) => chosen.has(object)));
  }

  takeAll(): DeferredObject[] {
    return this.take([...this.waiting.values()]);
  }

  /** Forgets everything: the database they belonged to is gone. */
  clear(): void {
    this.waiting.clear();
    this.mentionCounts.clear();
    this.namedByRunObjects.clear();
  }

  private take(objects: DeferredObject[]): DeferredObject[] {
    for (const object of objects) {
      this.waiting.delete(object.name.toUpperCase());
      for (const name of object.mentions) {
        this.namedByRunObjects.add(name);
        const count = this.mentionCounts.get(name) ?? 0;
        if (count > 1) this.mentionCounts.set(name, count - 1);
        else this.mentionCounts.delete(name);
      }
    }
    return objects;
  }
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
  const kindToken = tokens[i];
  const kind = kindToken?.kind === 'word' ? OBJECT_KINDS[kindToken.upper] : undefined;
  if (!kind) return undefined;
  i++;
  if (isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'NOT') && isWord(tokens[i + 2], 'EXISTS')) i += 3;
  const nameToken = isPunctuation(tokens[i + 1], '.') ? tokens[i + 2] : tokens[i];
  if (!nameToken || (nameToken.kind !== 'word' && nameToken.kind !== 'quoted-identifier')) return undefined;
  return { kind, name: identifierName(nameToken), unique };
}

/**
 * The names a statement could refer to, upper-cased: bare words, quoted identifiers, and
 * strings (SQLite takes a string as a name in places). JavaScript's upper-casing folds at least
 * what SQLite's ASCII-only folding does, so a name SQLite takes as equal is always found.
 */
function mentionedNames(tokens: readonly Token[]): Set<string> {
  const names = new Set<string>();
  for (const token of tokens) {
    const name = mentionedName(token);
    if (name !== undefined) names.add(name);
  }
  return names;
}

function mentionedName(token: Token): string | undefined {
  if (token.kind === 'word') return token.upper;
  if (token.kind === 'quoted-identifier' || token.kind === 'string') return (token.value ?? token.text).toUpperCase();
  return undefined;
}
