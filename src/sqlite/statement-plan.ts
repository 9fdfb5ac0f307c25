import { identifierName, isPunctuation, isWord, type Token } from '../sql/token.js';

/**
 * What the validator does with a statement once SQLite has compiled it. Only schema
 * statements run, so that later statements resolve the tables they use; anything that could
 * read or write a file (ATTACH, VACUUM INTO), load code (load_extension) or run unbounded (a
 * query, an INSERT that fires a trigger, a recursive CTE) is compiled and never run.
 */
export type StatementPlan =
  /** Compile only: queries, DML, transactions, PRAGMA, VACUUM, REINDEX, ANALYZE... */
  | { kind: 'prepare-only' }
  /** CREATE, ALTER, DROP, ANALYZE: they run in microseconds against empty tables. */
  | { kind: 'execute' }
  /**
   * `CREATE TABLE t AS SELECT ...` would run the query. Instead the table is created with the
   * query's column names, read from the compiled query: later statements resolve the same.
   */
  | { kind: 'create-table-as'; as: Token; select: Token }
  /** `ATTACH 'file' AS name`: an in-memory database is attached under the name instead. */
  | { kind: 'attach'; name: string }
  | { kind: 'detach'; name: string }
  /** `CREATE VIRTUAL TABLE t USING module(...)`: runs, but a module this build lacks is tolerated. */
  | { kind: 'virtual-table'; name: string; module: string }
  /**
   * BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE: mirrored with savepoints inside the
   * validator's own transaction, so that schema changes the file rolls back are undone here too.
   */
  | { kind: 'transaction'; action: 'begin' | 'commit' | 'rollback' | 'savepoint' };

/**
 * PRAGMAs that change whether later statements are accepted; they only set a flag.
 * writable_schema is what `.dump` output uses to re-create virtual tables through
 * `INSERT INTO sqlite_schema`, which SQLite refuses to compile without it (and never runs here).
 */
export const SETTING_PRAGMAS = new Set(['legacy_alter_table', 'foreign_keys', 'writable_schema']);

/** The plans without details, shared: every statement gets one. */
const PREPARE_ONLY: StatementPlan = Object.freeze({ kind: 'prepare-only' });
const EXECUTE: StatementPlan = Object.freeze({ kind: 'execute' });

export function planStatement(tokens: readonly Token[]): StatementPlan {
  const first = tokens[0];
  if (!first || first.kind !== 'word') return PREPARE_ONLY;
  switch (first.upper) {
    case 'CREATE':
      return planCreate(tokens);
    case 'ALTER':
    case 'DROP':
      return EXECUTE;
    case 'ANALYZE':
      // Creates sqlite_stat1, which `.dump` output then fills; tables are empty, so it is instant.
      return EXECUTE;
    case 'ATTACH': {
      const name = nameAfterLast(tokens, 'AS');
      return name === undefined ? PREPARE_ONLY : { kind: 'attach', name };
    }
    case 'DETACH': {
      const at = isWord(tokens[1], 'DATABASE') ? 2 : 1;
      const name = tokens[at] ? plainName(tokens[at]) : undefined;
      return name === undefined ? PREPARE_ONLY : { kind: 'detach', name };
    }
    case 'PRAGMA':
      return isSettingPragma(tokens) ? EXECUTE : PREPARE_ONLY;
    case 'BEGIN':
      return { kind: 'transaction', action: 'begin' };
    case 'COMMIT':
    case 'END':
      return { kind: 'transaction', action: 'commit' };
    case 'ROLLBACK':
      return { kind: 'transaction', action: tokens.some((token) => isWord(token, 'TO')) ? 'savepoint' : 'rollback' };
    case 'SAVEPOINT':
    case 'RELEASE':
      return { kind: 'transaction', action: 'savepoint' };
    default:
      return PREPARE_ONLY;
  }
}

function planCreate(tokens: readonly Token[]): StatementPlan {
  let i = 1;
  while (isWord(tokens[i], 'TEMP', 'TEMPORARY')) i++;
  const isVirtual = isWord(tokens[i], 'VIRTUAL');
  if (isVirtual) i++;
  if (!isWord(tokens[i], 'TABLE')) return EXECUTE;
  i++;
  if (isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'NOT') && isWord(tokens[i + 2], 'EXISTS')) i += 3;
  const nameToken = isPunctuation(tokens[i + 1], '.') ? tokens[i + 2] : tokens[i];
  const afterName = isPunctuation(tokens[i + 1], '.') ? i + 3 : i + 1;
  if (!nameToken) return EXECUTE;
  if (isVirtual) {
    const module = isWord(tokens[afterName], 'USING') ? tokens[afterName + 1] : undefined;
    const name = plainName(nameToken);
    if (module && name !== undefined) return { kind: 'virtual-table', name, module: identifierName(module).toLowerCase() };
    return EXECUTE;
  }
  const as = tokens[afterName];
  const select = tokens[afterName + 1];
  if (isWord(as, 'AS') && select) return { kind: 'create-table-as', as, select };
  return EXECUTE;
}

function isSettingPragma(tokens: readonly Token[]): boolean {
  return settingPragmaName(tokens) !== undefined;
}

/**
 * The setting a PRAGMA statement sets (one of SETTING_PRAGMAS, lower-cased), or undefined when it
 * sets none of them: each is one connection-wide value, so the last statement setting it is
 * what a fresh database needs to be given again.
 */
export function settingPragmaName(tokens: readonly Token[]): string | undefined {
  const nameIndex = isPunctuation(tokens[2], '.') ? 3 : 1;
  const name = tokens[nameIndex];
  if (!name || name.kind !== 'word') return undefined;
  const setting = name.text.toLowerCase();
  if (!SETTING_PRAGMAS.has(setting)) return undefined;
  const next = tokens[nameIndex + 1];
  return (next?.kind === 'operator' && next.text === '=') || isPunctuation(next, '(') ? setting : undefined;
}

function nameAfterLast(tokens: readonly Token[], keyword: string): string | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (isWord(tokens[i], keyword)) return tokens[i + 1] ? plainName(tokens[i + 1]) : undefined;
  }
  return undefined;
}

/** A name given as a bare word, a quoted identifier or a string: SQLite takes all three here. */
function plainName(token: Token): string | undefined {
  if (token.kind === 'word' || token.kind === 'quoted-identifier') return identifierName(token);
  if (token.kind === 'string' && token.quote === "'") return token.value;
  return undefined;
}
