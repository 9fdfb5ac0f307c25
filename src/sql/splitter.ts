import type { Dialect } from './dialect.js';
import { Lexer } from './lexer.js';
import { classifyStatement, type ClassificationState, type Statement } from './statement.js';
import { isTrivia, type Token } from './token.js';

/**
 * Splits a token stream into statements.
 *
 * SQLite ends statements with `;` only (a trigger body keeps its inner `;` until END).
 * T-SQL needs no `;` at all: `DROP TABLE a CREATE TABLE b (...)` is two statements, so a
 * statement also ends where a word that can only begin a new statement appears at
 * parenthesis depth 0. The context rules below (`ON DELETE` is not a DELETE statement,
 * `INSERT ... SELECT` is one statement, `DROP TABLE IF EXISTS` is not an IF) are what make
 * that decision safe. GO lines end batches in both dialects so that a stray GO in a SQLite
 * file is reported as one problem and the statements around it stay intact.
 */
export interface SplitOptions {
  /** Receives every comment token, in order, as the stream passes it (whitespace is skipped). */
  onTrivia?: (token: Token) => void;
  /** See MAX_STATEMENT_TOKENS; smaller in tests. */
  maxStatementTokens?: number;
}

/**
 * A statement is held whole while it is linted, at roughly 200 bytes a token. Past this many
 * tokens (about 15 MB of SQL in one statement, which no schema needs; a file of values with no
 * `;` at all, for example) the splitter keeps only the statement's leading tokens and its latest
 * ones (the T-SQL rules for where a statement ends look back at those) and marks it
 * `oversized`, so memory stays bounded however long the statement runs.
 */
export const MAX_STATEMENT_TOKENS = 2_000_000;
/** Leading tokens an oversized statement keeps: enough to classify it. */
const OVERSIZED_KEPT_TOKENS = 8;

export function splitStatements(text: string, dialect: Dialect, options: SplitOptions = {}): Generator<Statement> {
  const lexer = new Lexer(text, dialect, { skipWhitespace: true });
  const stream = new SignificantTokens(lexer, options.onTrivia);
  const builder = new StatementBuilder(options.maxStatementTokens ?? MAX_STATEMENT_TOKENS);
  // Returned, not delegated with yield*: one generator frame per statement instead of two.
  return dialect === 'tsql' ? splitTsql(stream, builder) : splitSqlite(stream, builder);
}

/** Convenience for tests and small inputs. */
export function splitAll(text: string, dialect: Dialect): Statement[] {
  return [...splitStatements(text, dialect)];
}

/**
 * Significant tokens with lookahead; trivia goes to a callback. The T-SQL splitter peeks at the
 * token after most words at depth 0, so the lookahead is a ring: no `shift()` moving the
 * buffer's contents and no resizing per token.
 */
class SignificantTokens {
  /** Capacity a power of two, so positions wrap with a mask; doubled if a peek reaches past it. */
  private ring: (Token | undefined)[] = new Array<Token | undefined>(16).fill(undefined);
  /** Position in `ring` of the next token next() returns, and how many tokens are buffered from there. */
  private head = 0;
  private count = 0;
  constructor(
    private readonly lexer: Lexer,
    private readonly onTrivia?: (token: Token) => void,
  ) {}

  peek(ahead = 0): Token | undefined {
    while (this.count <= ahead) {
      const token = this.pull();
      if (!token) return undefined;
      if (this.count === this.ring.length) this.grow();
      this.ring[(this.head + this.count++) & (this.ring.length - 1)] = token;
    }
    return this.ring[(this.head + ahead) & (this.ring.length - 1)];
  }

  next(): Token | undefined {
    if (this.count === 0) return this.pull();
    const token = this.ring[this.head];
    this.ring[this.head] = undefined; // a read token is not kept alive by the ring
    this.head = (this.head + 1) & (this.ring.length - 1);
    this.count--;
    return token;
  }

  private grow(): void {
    const ring = new Array<Token | undefined>(this.ring.length * 2).fill(undefined);
    for (let i = 0; i < this.count; i++) ring[i] = this.ring[(this.head + i) & (this.ring.length - 1)];
    this.ring = ring;
    this.head = 0;
  }

  private pull(): Token | undefined {
    for (let token = this.lexer.next(); token; token = this.lexer.next()) {
      if (!isTrivia(token)) return token;
      this.onTrivia?.(token);
    }
    return undefined;
  }
}

/** Builds statements; shared by both dialects' splitters. */
class StatementBuilder {
  tokens: Token[] = [];
  index = 0;
  batch = 0;
  depth = 0;
  inRoutine = false;
  /** Depth of the statement being built, fixed when its first token arrives. */
  private statementDepth = 0;
  /** The statement being built has dropped tokens (see MAX_STATEMENT_TOKENS). */
  private oversized = false;
  /**
   * The kind of the statement being built, once its leading tokens settle it ('' until then):
   * the T-SQL splitter asks for the kind after each of the first words, and a statement is
   * classified once or twice instead of up to seven times.
   */
  private settledKind = '';
  /** Reused for every classification: whether the kind just found is settled. */
  private readonly classification: ClassificationState = { settled: false };

  constructor(private readonly maxTokens: number) {}

  add(token: Token): void {
    if (this.tokens.length === 0) {
      this.statementDepth = this.depth;
      // A statement's array is made holding its first token, so it is an array of objects from
      // the start. Pushed onto the empty `[]` flush leaves, it changed its elements kind from small
      // integers to objects at every statement: that push deoptimised, and once re-optimised it was
      // a call to the generic Array.prototype.push per token (3 % of a split-only run's samples).
      // A limit below one token, which nothing sets, still takes the cut below.
      if (this.maxTokens > 0) {
        this.tokens = [token];
        return;
      }
    }
    if (this.tokens.length >= this.maxTokens) {
      this.tokens = this.tokens.slice(0, Math.min(OVERSIZED_KEPT_TOKENS, this.maxTokens - 1));
      this.oversized = true;
      this.settledKind = '';
    }
    this.tokens.push(token);
  }

  get kind(): string {
    if (this.settledKind !== '') return this.settledKind;
    const kind = classifyStatement(this.tokens, this.classification);
    if (this.classification.settled) this.settledKind = kind;
    return kind;
  }

  flush(): Statement | undefined {
    if (this.tokens.length === 0) return undefined;
    const tokens = this.tokens;
    const kind = this.settledKind !== '' ? this.settledKind : classifyStatement(tokens);
    this.tokens = [];
    this.settledKind = '';
    const last = tokens[tokens.length - 1];
    const statement: Statement = {
      index: this.index++,
      tokens,
      start: tokens[0].start,
      end: last.end,
      batch: this.batch,
      depth: this.statementDepth,
      kind,
      inRoutine: this.inRoutine,
      terminated: last.kind === 'punctuation' && last.text === ';',
    };
    if (this.oversized) {
      statement.oversized = true;
      this.oversized = false;
    }
    return statement;
  }

  batchSeparator(token: Token): Statement {
    this.depth = 0;
    this.inRoutine = false;
    this.add(token);
    const statement = this.flush() as Statement;
    this.batch++;
    return statement;
  }
}

function* splitSqlite(stream: SignificantTokens, builder: StatementBuilder): Generator<Statement> {
  let parenDepth = 0;
  let caseDepth = 0;
  let inTriggerBody = false;
  for (let token = stream.next(); token; token = stream.next()) {
    if (token.kind === 'batch-separator') {
      const pending = builder.flush();
      if (pending) yield pending;
      yield builder.batchSeparator(token);
      parenDepth = caseDepth = 0;
      inTriggerBody = false;
      continue;
    }
    builder.add(token);
    if (token.kind === 'punctuation') {
      if (token.text === '(') parenDepth++;
      else if (token.text === ')') parenDepth = Math.max(0, parenDepth - 1);
      // A `;` inside parentheses is always an error in SQLite; ending the statement there
      // keeps one missing `)` from swallowing the rest of the file.
      else if (token.text === ';' && !inTriggerBody) {
        parenDepth = 0;
        yield builder.flush() as Statement;
        caseDepth = 0;
      }
      continue;
    }
    if (token.kind !== 'word') continue;
    if (token.upper === 'CASE') caseDepth++;
    else if (token.upper === 'END') {
      if (caseDepth > 0) caseDepth--;
      else if (inTriggerBody) inTriggerBody = false;
    } else if (token.upper === 'BEGIN' && parenDepth === 0 && builder.kind === 'create trigger') {
      inTriggerBody = true;
    }
  }
  const rest = builder.flush();
  if (rest) yield rest;
}

/** Words that begin a T-SQL statement wherever they appear at depth 0, unless context says otherwise. */
const TSQL_STARTERS = new Set([
  'ALTER', 'ANALYZE', 'ATTACH', 'BACKUP', 'BEGIN', 'BREAK', 'BULK', 'CHECKPOINT', 'CLOSE', 'COMMIT', 'CONTINUE',
  'CREATE', 'DBCC', 'DEALLOCATE', 'DECLARE', 'DELETE', 'DENY', 'DETACH', 'DISABLE', 'DROP', 'ELSE', 'ENABLE', 'END',
  'EXEC', 'EXECUTE', 'FETCH', 'GOTO', 'GRANT', 'IF', 'INSERT', 'KILL', 'MERGE', 'OPEN', 'PRAGMA', 'PRINT',
  'RAISERROR', 'RECONFIGURE', 'REINDEX', 'REPLACE', 'RESTORE', 'RETURN', 'REVERT', 'REVOKE', 'ROLLBACK', 'SAVE',
  'SELECT', 'SET', 'SHUTDOWN', 'THROW', 'TRUNCATE', 'UPDATE', 'USE', 'VACUUM', 'WAITFOR', 'WHILE', 'WITH',
]);

/** Permission statements name other statements' verbs (`GRANT SELECT, INSERT ON t`). */
const PERMISSION_KINDS = new Set(['grant', 'deny', 'revoke']);

/** Object words after which `IF` is part of the statement (`DROP TABLE IF EXISTS`, `ADD COLUMN IF`). */
const OBJECT_WORDS = new Set([
  'TABLE', 'INDEX', 'VIEW', 'TRIGGER', 'PROCEDURE', 'PROC', 'FUNCTION', 'SCHEMA', 'TYPE', 'SEQUENCE', 'SYNONYM',
  'DATABASE', 'USER', 'ROLE', 'COLUMN', 'CONSTRAINT', 'DEFAULT', 'RULE', 'ASSEMBLY', 'LOGIN', 'STATISTICS',
  'POLICY', 'AGGREGATE', // DROP SECURITY POLICY IF EXISTS, DROP AGGREGATE IF EXISTS
]);

/** Column properties ALTER TABLE ... ALTER COLUMN c ADD/DROP switches on and off. */
const COLUMN_PROPERTY_WORDS = new Set(['MASKED', 'ROWGUIDCOL', 'PERSISTED', 'SPARSE', 'HIDDEN', 'NOT']);

/** Words that follow BEGIN/END in a form that is not a plain block (`BEGIN TRAN`), or is a TRY/CATCH block. */
const BEGIN_QUALIFIERS = new Set(['TRAN', 'TRANSACTION', 'DISTRIBUTED', 'DIALOG', 'CONVERSATION', 'TRY', 'CATCH']);

/** Words that begin an INSERT's rows, and a WITH's main statement. */
const INSERT_BODY_WORDS = new Set(['SELECT', 'VALUES', 'EXEC', 'EXECUTE', 'DEFAULT']);
const WITH_BODY_WORDS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE']);

const ROUTINE_KINDS = new Set([
  'create procedure', 'alter procedure', 'create function', 'alter function', 'create trigger', 'alter trigger',
]);

function* splitTsql(stream: SignificantTokens, builder: StatementBuilder): Generator<Statement> {
  let parenDepth = 0;
  let caseDepth = 0;
  /** Facts about the statement being built that decide what it absorbs. */
  let kind = '';
  let bodySeen = false; // INSERT: its SELECT/VALUES/EXEC; WITH: its main statement; UPDATE: its SET

  const flush = (): Statement | undefined => {
    const statement = builder.flush();
    if (statement) {
      if (statement.kind === 'begin' || statement.kind === 'begin try' || statement.kind === 'begin catch') builder.depth++;
    }
    parenDepth = 0;
    caseDepth = 0;
    kind = '';
    bodySeen = false;
    return statement;
  };

  // A boundary sets a flag and one site at the end of the loop flushes and yields. TurboFan inlines
  // `flush` (and the builder's) at every call site, and with a site per rule this generator was the
  // costliest function of a lint run to compile: 28 → 22 ms (--trace-opt), and the 1 MB T-SQL
  // file's lint −0.7 % instructions. What a word at depth 0 ends is decided in endingAtWord, outside
  // the generator: 22 → 12–16 ms, −0.5 %. (TurboFan takes a third of a 1 MB file's lint: perf samples.)
  for (let token = stream.next(); token; token = stream.next()) {
    if (token.kind === 'batch-separator') {
      const pending = flush();
      if (pending) yield pending;
      yield builder.batchSeparator(token);
      continue;
    }

    // Only a word at depth 0 after some other token can end the statement before it (a hot path: test that first).
    // A GOTO label (`retry:`) is a statement of its own wherever it appears.
    if (
      token.kind === 'word' && parenDepth === 0 && caseDepth === 0 && builder.tokens.length > 0 &&
      (isLabelColon(stream.peek()) ||
        (TSQL_STARTERS.has(token.upper) &&
          startsNewStatement(token, builder.tokens[builder.tokens.length - 1], kind, bodySeen, stream, builder.tokens)))
    ) {
      const statement = flush();
      if (statement) yield statement;
    }

    if (builder.tokens.length === 0 && token.kind === 'word' && token.upper === 'END' && stream.peek()?.upper !== 'CONVERSATION') {
      builder.depth = Math.max(0, builder.depth - 1);
    }
    builder.add(token);
    // The statement's length with this token: read once, it is asked for below at most words.
    const length = builder.tokens.length;
    // Only a word can change what the leading tokens classify as: skip the others (a hot path).
    if (length === 1 || (length <= 6 && token.kind === 'word')) kind = builder.kind;

    let ending = Ending.None;
    if (token.kind === 'punctuation') {
      if (token.text === '(') parenDepth++;
      else if (token.text === ')') parenDepth = Math.max(0, parenDepth - 1);
      // As in SQLite, a `;` never stands inside parentheses: end the statement there.
      else if (token.text === ';') ending = Ending.Statement;
    } else if (token.kind === 'word') {
      if (token.upper === 'CASE') caseDepth++;
      else if (token.upper === 'END' && caseDepth > 0) caseDepth--;
      // Everything below is about words at depth 0 (a statement's first words are at depth 0 too):
      // most words of a schema are inside a table's parentheses.
      if (parenDepth === 0) {
        if (!bodySeen) bodySeen = beginsBody(kind, token.upper);
        ending = endingAtWord(token, length, kind, stream, builder);
      }
    } else if (length === 2 && isLabelColon(token) && builder.tokens[0].kind === 'word') {
      ending = Ending.Statement;
    }

    if (ending !== Ending.None) {
      const statement = flush();
      if (ending === Ending.RoutineHeader) {
        builder.inRoutine = true;
        builder.depth++;
      }
      if (statement) yield statement;
    }
  }
  const rest = builder.flush();
  if (rest) yield rest;
}

/** Whether a statement ends with a token, and how. */
const enum Ending {
  None,
  Statement,
  /** A routine's header: what follows is its body, to the end of the batch. */
  RoutineHeader,
}

/** The word at depth 0 begins the body of an INSERT (its rows), UPDATE (its SET), WITH (its main statement) or view. */
function beginsBody(kind: string, upper: string): boolean {
  switch (kind) {
    case 'insert':
      return INSERT_BODY_WORDS.has(upper);
    case 'update':
      return upper === 'SET';
    case 'with':
      return WITH_BODY_WORDS.has(upper);
    case 'create view':
    case 'alter view':
      return upper === 'SELECT';
    default:
      return false;
  }
}

/** Whether the statement ends with a word at depth 0 that has just joined it as its `length`-th token. */
function endingAtWord(token: Token, length: number, kind: string, stream: SignificantTokens, builder: StatementBuilder): Ending {
  if (length === 1) {
    // A BEGIN or END that is a plain block (not BEGIN TRAN), and ELSE, are statements of their own.
    if (token.upper === 'BEGIN' || token.upper === 'END') {
      return BEGIN_QUALIFIERS.has(stream.peek()?.upper ?? '') ? Ending.None : Ending.Statement;
    }
    return token.upper === 'ELSE' ? Ending.Statement : Ending.None;
  }
  if (length === 2 && (kind === 'begin try' || kind === 'begin catch' || kind === 'end try' || kind === 'end catch')) {
    return Ending.Statement;
  }
  if (token.upper === 'AS' && ROUTINE_KINDS.has(kind) && !builder.inRoutine) {
    // The routine header ends at its AS; the body runs to the end of the batch.
    const before = builder.tokens[length - 2];
    // `EXECUTE AS` is an option and `@p AS INT` a parameter: neither ends the header.
    if (before.upper !== 'EXECUTE' && before.upper !== 'EXEC' && before.kind !== 'variable') return Ending.RoutineHeader;
  }
  return Ending.None;
}

/** Decides whether a starter word at depth 0 begins a new statement, given what came before it. */
function startsNewStatement(
  token: Token,
  previous: Token,
  kind: string,
  bodySeen: boolean,
  stream: SignificantTokens,
  statementTokens: readonly Token[],
): boolean {
  if (kind === 'merge') return false; // MERGE's WHEN clauses hold INSERT/UPDATE/DELETE; it must end with ';'
  if (PERMISSION_KINDS.has(kind)) {
    if (token.upper === 'WITH' && stream.peek()?.upper === 'GRANT') return false; // GRANT ... WITH GRANT OPTION
    const after = previous.kind === 'word' ? previous.upper : previous.text;
    return !['GRANT', 'DENY', 'REVOKE', ',', 'WITH', 'FOR'].includes(after);
  }
  if (previous.kind === 'punctuation' && previous.text === '.') return false; // a name such as dbo.Update
  if (previous.kind === 'operator') return false;
  const before = previous.kind === 'word' ? previous.upper : '';
  const next = stream.peek();
  const nextUpper = next?.kind === 'word' ? next.upper : '';
  if (next?.kind === 'punctuation' && next.text === '(' && ['UPDATE', 'REPLACE', 'IF', 'SET'].includes(token.upper)) {
    // UPDATE(col) in a trigger and REPLACE(...) are functions; IF (cond) starts an IF only at a boundary.
    return token.upper === 'IF' && !OBJECT_WORDS.has(before) && before !== 'EXISTS';
  }
  switch (token.upper) {
    case 'SELECT':
      if (['UNION', 'ALL', 'EXCEPT', 'INTERSECT', 'AS', 'FOR', 'RETURN', 'DISTINCT'].includes(before)) return false;
      if (kind === 'insert' || kind === 'with') return bodySeen && !['SELECT', 'VALUES'].includes(before);
      // A view's SELECT follows AS or its WITH list; only a second top-level SELECT starts a new statement.
      if (kind === 'create view' || kind === 'alter view') return bodySeen && before !== 'AS';
      if (kind === 'create table') return before !== 'AS';
      return true;
    case 'INSERT':
    case 'UPDATE':
    case 'DELETE':
      if (kind === 'set') return true; // SET IDENTITY_INSERT t ON, then INSERT ...
      if (['ON', 'FOR', 'AFTER', 'OF', 'THEN', 'IF', 'OR', 'AND', 'NOT', 'INSTEAD', 'BULK'].includes(before)) return false;
      if (previous.kind === 'punctuation' && previous.text === ',') return false;
      if (kind === 'with') return bodySeen;
      if (kind === 'create trigger' || kind === 'alter trigger') return false;
      return true;
    case 'SET':
      if (before === 'DELETE' || before === 'UPDATE') return false; // ON DELETE SET NULL
      if (kind === 'update') return bodySeen;
      if (kind === 'with' && bodySeen) return !updateAwaitsSet(statementTokens); // WITH cte AS (...) UPDATE t SET ...
      if (kind === 'alter database') return false;
      if ((kind === 'alter table' || kind === 'alter index') && next?.kind === 'punctuation' && next.text === '(') return false;
      return true;
    case 'IF':
      return !OBJECT_WORDS.has(before) && before !== 'EXISTS';
    case 'ELSE':
      return true;
    case 'WITH':
      if (before === 'AS' && (kind === 'create view' || kind === 'alter view')) return false; // CREATE VIEW v AS WITH cte AS (...) SELECT
      return isCommonTableExpression(stream) || nextUpper === 'XMLNAMESPACES';
    case 'ALTER':
    case 'DROP':
      if (kind.startsWith('alter ') && ['COLUMN', 'CONSTRAINT', 'PERIOD', 'INDEX'].includes(nextUpper)) {
        // ALTER TABLE t DROP/ALTER INDEX ix (memory-optimized tables) comes straight after the table name;
        // after another action, DROP INDEX / ALTER INDEX begins a statement of its own.
        return nextUpper === 'INDEX' && (kind !== 'alter table' || !isBareAlterTable(statementTokens));
      }
      if (kind === 'alter table' && token.upper === 'DROP' && (next?.kind !== 'word' || isBareAlterTable(statementTokens))) return false;
      // ALTER COLUMN c DROP MASKED / ROWGUIDCOL / PERSISTED / SPARSE / HIDDEN / NOT FOR REPLICATION
      if (kind === 'alter table' && token.upper === 'DROP' && COLUMN_PROPERTY_WORDS.has(nextUpper)) return false;
      if (before === 'AND' || before === 'OR' || before === 'GRANT') return false;
      return true;
    case 'EXEC':
    case 'EXECUTE':
      if (before === 'AS' || before === 'WITH' || before === 'GRANT' || previous.text === ',') return false;
      if (kind === 'insert') return bodySeen;
      return true;
    case 'FETCH':
      return before !== 'ROWS' && before !== 'ROW';
    case 'THROW':
      // THROW is not reserved: a column named Throw (`SELECT a, Throw, b`, `Throw = 1`) is a name.
      if (previous.text === ',' || previous.text === '.') return false;
      return !(next && (next.text === ',' || next.text === '.' || next.text === ')' || next.kind === 'operator') && next.text !== '-');
    case 'MERGE':
      // A join hint (LEFT MERGE JOIN, INNER MERGE JOIN), not a MERGE statement.
      return nextUpper !== 'JOIN';
    case 'REPLACE':
      // REPLACE INTO (SQLite) starts a statement; a column named replace does not.
      if (previous.text === ',' || ['SELECT', 'DISTINCT', 'BY', 'SET'].includes(before)) return false;
      return nextUpper === 'INTO';
    case 'ANALYZE':
    case 'ATTACH':
    case 'DETACH':
    case 'PRAGMA':
    case 'REINDEX':
    case 'VACUUM':
      // SQLite statements in a T-SQL file; in T-SQL these words are ordinary names (a column called analyze).
      if (previous.text === ',' || previous.text === '(') return false;
      if (next && (next.kind === 'operator' || (next.kind === 'punctuation' && next.text !== ';'))) return false;
      if (['SELECT', 'DISTINCT', 'SET', 'BY', 'WHERE', 'AND', 'OR', 'WHEN', 'THEN', 'ELSE', 'AS', 'TOP'].includes(before)) return false;
      return nextUpper !== 'FROM' && nextUpper !== 'AS';
    case 'ENABLE':
    case 'DISABLE':
      // ALTER TABLE t ENABLE TRIGGER tr is one statement; ENABLE TRIGGER tr ON t is its own.
      return nextUpper === 'TRIGGER' && !(kind === 'alter table' && isBareAlterTable(statementTokens));
    case 'OPEN':
    case 'CLOSE':
      return !kind.startsWith('alter ') && !kind.startsWith('create ');
    case 'RETURN':
      return true;
    case 'BEGIN':
      return before !== 'WITH';
    case 'DECLARE':
    case 'END':
    default:
      return true;
  }
}

function isLabelColon(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'operator' && token.text === ':';
}

/** The statement's last top-level UPDATE has not reached its SET yet (the main statement of a WITH). */
function updateAwaitsSet(tokens: readonly Token[]): boolean {
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.kind === 'punctuation') {
      if (token.text === ')') depth++;
      else if (token.text === '(') depth--;
      continue;
    }
    if (depth !== 0 || token.kind !== 'word') continue;
    if (token.upper === 'SET') return false;
    if (token.upper === 'UPDATE') return true;
  }
  return false;
}

/** `ALTER TABLE name` with nothing after the name yet: the next word is its action (`DROP PK_x`, `ENABLE TRIGGER`). */
function isBareAlterTable(tokens: readonly Token[]): boolean {
  let i = 2;
  for (;;) {
    const part = tokens[i];
    if (!part || (part.kind !== 'word' && part.kind !== 'quoted-identifier')) return false;
    if (i + 1 === tokens.length) return true;
    if (!(tokens[i + 1].kind === 'punctuation' && tokens[i + 1].text === '.')) return false;
    i += 2;
  }
}

/** WITH name [(columns)] AS ( — a common table expression, not a table hint or an option list. */
function isCommonTableExpression(stream: SignificantTokens): boolean {
  const name = stream.peek(0);
  if (!name || (name.kind !== 'word' && name.kind !== 'quoted-identifier')) return false;
  let i = 1;
  if (stream.peek(i)?.text === '(') {
    let depth = 0;
    for (; i < 200; i++) {
      const token = stream.peek(i);
      if (!token) return false;
      if (token.text === '(') depth++;
      else if (token.text === ')' && --depth === 0) break;
    }
    i++;
  }
  return stream.peek(i)?.upper === 'AS' && stream.peek(i + 1)?.text === '(';
}
