import { identifierName, isPunctuation, isWord, type Token } from '../sql/token.js';

const OBJECT_KINDS = new Set(['TABLE', 'VIEW', 'INDEX', 'TRIGGER']);

/** Errors the parser raises: they depend on the statement's own text only, never on earlier ones. */
const PARSER_ERROR = /^(near ".*": syntax error|unrecognized token: .*|incomplete input)$/s;

/** Errors about names SQLite could not resolve: the ones an earlier failure can cause. */
const RESOLUTION_ERROR =
  /^(no such (table|view|index|trigger|column|module): |table .+ has no column named |.+ has \d+ columns but \d+ values were supplied|ambiguous column name: |error in (view|trigger) |unknown database )/;

/**
 * Remembers what earlier statements failed to create, so that one mistake is reported once.
 *
 * When `CREATE TABLE users (...)` fails, every later statement that uses `users` fails too
 * ("no such table: users"), and those reports would bury the one that matters. A later error
 * is dropped when it is a name-resolution error that follows from an earlier failure: it
 * names a failed object, or its statement uses one. Parser errors are never dropped, because
 * they cannot follow from another statement.
 */
export class FailedObjects {
  /**
   * Starts with the eponymous virtual tables of common builds (SQLITE_ENABLE_DBSTAT_VTAB,
   * SQLITE_ENABLE_STMTVTAB) that sql.js lacks: queries of them cannot be judged here.
   */
  private readonly objects = new Set<string>(['dbstat', 'sqlite_stmt']);
  private readonly columns = new Set<string>();
  private readonly databases = new Set<string>();

  /** Records every object or column a failed statement would have created. */
  recordFailure(tokens: readonly Token[]): void {
    for (const name of definedNames(tokens)) this.add(name);
  }

  /** Marks as existing what a successful statement created (a retry under the same name). */
  recordSuccess(tokens: readonly Token[]): void {
    for (const name of definedNames(tokens)) {
      if (name.kind === 'object') this.objects.delete(name.name);
      else if (name.kind === 'column') this.columns.delete(name.name);
      else this.databases.delete(name.name);
    }
  }

  /**
   * Names this validator cannot check uses of: a virtual table of a module this build lacks,
   * or an object left behind in a full database (see MAX_OBJECTS_PER_DATABASE in validator.ts).
   */
  recordUnverifiable(name: string): void {
    this.objects.add(name.toLowerCase());
  }

  /** Every name of a database left behind: a list, not spread arguments, as a full database may hold ~100,000 names. */
  recordAllUnverifiable(names: Iterable<string>): void {
    for (const name of names) this.objects.add(name.toLowerCase());
  }

  recordUnverifiableDatabase(name: string): void {
    this.databases.add(name.toLowerCase());
  }

  explains(message: string, tokens: readonly Token[]): boolean {
    if (PARSER_ERROR.test(message) || !RESOLUTION_ERROR.test(message)) return false;
    const named = /: (.+)$/.exec(message)?.[1] ?? /^table (.+) has no column named/.exec(message)?.[1];
    if (named !== undefined) {
      const last = named.split('.').pop()?.toLowerCase() ?? '';
      if (this.objects.has(last) || this.columns.has(last)) return true;
    }
    const database = /^unknown database (.+)$/.exec(message)?.[1];
    if (database !== undefined) return this.databases.has(database.toLowerCase());
    return tokens.some((token) => {
      if (token.kind !== 'word' && token.kind !== 'quoted-identifier') return false;
      const name = identifierName(token).toLowerCase();
      return this.objects.has(name) || this.columns.has(name);
    });
  }

  private add(name: DefinedName): void {
    if (name.kind === 'object') this.objects.add(name.name);
    else if (name.kind === 'column') this.columns.add(name.name);
    else this.databases.add(name.name);
  }
}

interface DefinedName {
  kind: 'object' | 'column' | 'database';
  name: string;
}

/**
 * Names a statement defines, found anywhere in its tokens, so that a statement that swallowed
 * others (after an unterminated string, say) accounts for all of them.
 */
function definedNames(tokens: readonly Token[]): DefinedName[] {
  const names: DefinedName[] = [];
  const nextWord = nextWordFinder(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // Every token of every statement passes here: only words can start a definition.
    if (token.kind !== 'word') continue;
    // A misspelt CREATE (`CRATE TABLE t`) still names what the author meant to create.
    const createLike = token.upper === 'CREATE' || (i === 0 && token.upper !== 'ALTER' && token.upper !== 'DROP');
    if (createLike) {
      let j = i + 1;
      while (isWord(tokens[j], 'TEMP', 'TEMPORARY', 'UNIQUE', 'VIRTUAL')) j++;
      if (!tokens[j] || tokens[j].kind !== 'word' || !OBJECT_KINDS.has(tokens[j].upper)) continue;
      j++;
      if (isWord(tokens[j], 'IF') && isWord(tokens[j + 1], 'NOT') && isWord(tokens[j + 2], 'EXISTS')) j += 3;
      const name = objectNameAt(tokens, j);
      if (name) names.push({ kind: 'object', name });
    } else if (token.upper === 'ALTER' && isWord(tokens[i + 1], 'TABLE')) {
      names.push(...alterTableNames(tokens, i + 2, nextWord));
    } else if (token.upper === 'ATTACH') {
      const as = nextWord('AS', i + 1);
      const name = as >= 0 ? tokens[as + 1] : undefined;
      if (name) names.push({ kind: 'database', name: nameOf(name) });
    }
  }
  return names;
}

function alterTableNames(tokens: readonly Token[], at: number, nextWord: NextWord): DefinedName[] {
  let j = at;
  if (isPunctuation(tokens[j + 1], '.')) j += 2;
  j++;
  if (isWord(tokens[j], 'RENAME')) {
    if (isWord(tokens[j + 1], 'TO') && tokens[j + 2]) return [{ kind: 'object', name: nameOf(tokens[j + 2]) }];
    const to = nextWord('TO', j + 1);
    if (to >= 0 && tokens[to + 1]) return [{ kind: 'column', name: nameOf(tokens[to + 1]) }];
  } else if (isWord(tokens[j], 'ADD')) {
    const column = isWord(tokens[j + 1], 'COLUMN') ? tokens[j + 2] : tokens[j + 1];
    if (column) return [{ kind: 'column', name: nameOf(column) }];
  }
  return [];
}

/** The index of the first `word` (upper case) at or after `from` in a statement, or -1. */
type NextWord = (word: string, from: number) => number;

/**
 * Answers NextWord for `tokens`, each word's answers made by one pass back over the tokens at
 * its first question. A search per ATTACH (or RENAME) read the rest of the statement each time
 * there was no AS (TO) after it: a CHECK of 40,000 columns named attach took 12.0 s.
 */
function nextWordFinder(tokens: readonly Token[]): NextWord {
  // Made at the first question: most statements have no ATTACH or RENAME.
  let found: Map<string, Int32Array> | undefined;
  return (word, from) => {
    found ??= new Map();
    let next = found.get(word);
    if (!next) {
      next = new Int32Array(tokens.length + 1);
      next[tokens.length] = -1;
      for (let k = tokens.length - 1; k >= 0; k--) next[k] = isWord(tokens[k], word) ? k : next[k + 1];
      found.set(word, next);
    }
    return from < tokens.length ? next[from] : -1;
  };
}

/** `name` or `schema.name`: the object name. */
function objectNameAt(tokens: readonly Token[], at: number): string | undefined {
  const first = tokens[at];
  if (!first || (first.kind !== 'word' && first.kind !== 'quoted-identifier' && first.kind !== 'string')) return undefined;
  if (isPunctuation(tokens[at + 1], '.') && tokens[at + 2]) return nameOf(tokens[at + 2]);
  return nameOf(first);
}

function nameOf(token: Token): string {
  if (token.kind === 'string') return (token.value ?? token.text).toLowerCase();
  return identifierName(token).toLowerCase();
}
