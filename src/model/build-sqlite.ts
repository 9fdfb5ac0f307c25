import { SourceText } from '../sql/source-text.js';
import { splitStatements } from '../sql/splitter.js';
import type { Statement } from '../sql/statement.js';
import { identifierName, isPunctuation, isWord, upperIdentifierName, type Token } from '../sql/token.js';
import type { ModelSink } from './model-sink.js';
import { handOutBuiltOn, ModelObjects, objectsToBuildOn } from './model-objects.js';
import { NameLists, SCANNED_UP_TO } from './name-lists.js';
import { identityOfName } from './object-index.js';
import { CommentReader } from './sqlite-comments.js';
import { namesChanged } from './table-lists.js';
import {
  clearDetails,
  sameName,
  sameQualifiedName,
  type CheckModel,
  type ColumnModel,
  type DataType,
  type ForeignKeyModel,
  type IndexColumn,
  type IndexModel,
  type InsertModel,
  type KeyConstraint,
  type QualifiedName,
  type ReferentialAction,
  type RoutineModel,
  type SchemaModel,
  type SchemaObject,
  type SourceRef,
  type TableModel,
  type ViewModel,
} from './schema.js';

/**
 * SQLite DDL → schema model, following SQLite's own grammar (lang_createtable.html and
 * friends). Statements are read one at a time; a statement this builder cannot read (T-SQL
 * that does not belong in the file, a half-written line) is skipped, never thrown: the
 * grammar and dialect rules are what report it. `into` lets follow-up scripts (ALTER TABLE
 * ADD COLUMN, CREATE INDEX, DROP ...) apply to the model of the base schema.
 */
export function buildSqliteModel(text: string, filePath: string, into?: SchemaModel): SchemaModel {
  const builder = new SqliteModelBuilder(text, filePath, into ?? { dialect: 'sqlite', objects: [] }, undefined, false, into !== undefined);
  for (const statement of splitStatements(text, 'sqlite', { onTrivia: (token) => builder.comment(token) })) builder.statement(statement);
  return builder.model;
}

/**
 * The same builder, fed by a caller that splits the file anyway (the lint pass), so the file
 * is not split a second time. `source` is the caller's line index of `text`.
 */
export function sqliteModelSink(text: string, filePath: string, source?: SourceText, tablesOnly = false): ModelSink {
  return new SqliteModelBuilder(text, filePath, { dialect: 'sqlite', objects: [] }, source, tablesOnly);
}

/** Statements that can change which tables exist; the others add indexes, views, triggers or rows. */
const TABLE_STATEMENTS = new Set(['create table', 'alter table', 'drop table']);

class SqliteModelBuilder implements ModelSink {
  private readonly reader: CommentReader;
  private readonly source: SourceText;
  /** The model's objects while it is built, with the lookups by name that ALTER, DROP and a guarded CREATE use. */
  private readonly objects: ModelObjects;

  constructor(
    text: string,
    private readonly filePath: string,
    private readonly target: SchemaModel,
    source?: SourceText,
    /** Read only the statements that change which tables exist (see TABLE_STATEMENTS). */
    private readonly tablesOnly = false,
    /** `target` is a model other scripts built, or later ones will build on (see objectsToBuildOn). */
    private readonly buildsOn = false,
  ) {
    this.source = source ?? new SourceText(text);
    this.reader = new CommentReader(this.source);
    this.objects = buildsOn ? objectsToBuildOn(target) : new ModelObjects(target.objects);
  }

  /** The model built so far. */
  get model(): SchemaModel {
    if (this.buildsOn) return handOutBuiltOn(this.target, this.objects);
    this.target.objects = this.objects.toArray();
    return this.target;
  }

  comment(token: Token): void {
    this.reader.add(token);
  }

  statement(statement: Statement): void {
    if (statement.oversized || (this.tablesOnly && !TABLE_STATEMENTS.has(statement.kind))) return;
    try {
      new StatementReader(statement, this.source, this.filePath, this.reader, this.objects, this.tablesOnly).read();
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
    }
  }
}

/** Thrown inside the reader when a statement leaves SQLite's grammar; caught per statement. */
class Unreadable extends Error {
  constructor(message: string) {
    // Without a stack trace, which nothing shows: parity reads a T-SQL file this way when the
    // T-SQL reader missed a table, and then most statements throw (4.4 MB of T-SQL: 4,880
    // traces, 23 ms of the read's 199 ms).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
  }
}

const COLUMN_CONSTRAINT_WORDS = new Set([
  'CONSTRAINT', 'PRIMARY', 'NOT', 'NULL', 'UNIQUE', 'CHECK', 'DEFAULT', 'COLLATE', 'REFERENCES', 'GENERATED', 'AS',
  // T-SQL's IDENTITY in a SQLite file: SQLite reads it as part of the type name, but it never is a type.
  'IDENTITY',
]);
const TABLE_CONSTRAINT_WORDS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN']);
const REFERENTIAL_ACTIONS: Record<string, ReferentialAction> = {
  CASCADE: 'CASCADE',
  RESTRICT: 'RESTRICT',
  'SET NULL': 'SET NULL',
  'SET DEFAULT': 'SET DEFAULT',
  'NO ACTION': 'NO ACTION',
};
const CONFLICT_RESOLUTIONS = new Set(['ROLLBACK', 'ABORT', 'FAIL', 'IGNORE', 'REPLACE']);
/** SQLite's names for the main and temp databases qualify a table without naming a schema. */
const DATABASE_QUALIFIERS = new Set(['MAIN', 'TEMP']);

/**
 * A cursor over one statement's significant tokens, or over the tokens `start` to `end` of
 * them (a table element): a range of the statement's own array, so elements need no copies.
 */
class Cursor {
  private position: number;
  constructor(
    readonly tokens: readonly Token[],
    private readonly text: string,
    start = 0,
    private readonly end = tokens.length,
  ) {
    this.position = start;
  }

  peek(ahead = 0): Token | undefined {
    const index = this.position + ahead;
    return index < this.end ? this.tokens[index] : undefined;
  }

  next(): Token {
    const token = this.peek();
    if (!token) throw new Unreadable('unexpected end of statement');
    this.position++;
    return token;
  }

  /** True at the end of the statement or its `;`. */
  atEnd(): boolean {
    const token = this.peek();
    return !token || isPunctuation(token, ';');
  }

  /** At the bare word `word` (or `or`). Two fixed parameters, not a rest array: this runs for nearly every token read. */
  atWord(word: string, or?: string): boolean {
    return isWordAt(this.peek(), word, or);
  }

  acceptWord(word: string, or?: string): Token | undefined {
    return this.atWord(word, or) ? this.next() : undefined;
  }

  acceptWordOf(words: ReadonlySet<string>): Token | undefined {
    const token = this.peek();
    return token !== undefined && token.kind === 'word' && words.has(token.upper) ? this.next() : undefined;
  }

  /** Accepts a sequence of words (`IF NOT EXISTS`) only when all of them are there. */
  acceptWords(first: string, second: string, third?: string): boolean {
    if (!isWordAt(this.peek(), first) || !isWordAt(this.peek(1), second)) return false;
    if (third !== undefined && !isWordAt(this.peek(2), third)) return false;
    this.position += third === undefined ? 2 : 3;
    return true;
  }

  expectWord(word: string): Token {
    const token = this.acceptWord(word);
    if (!token) throw new Unreadable(`expected ${word}`);
    return token;
  }

  atPunctuation(text: string): boolean {
    return isPunctuation(this.peek(), text);
  }

  acceptPunctuation(text: string): Token | undefined {
    return this.atPunctuation(text) ? this.next() : undefined;
  }

  expectPunctuation(text: string): Token {
    const token = this.acceptPunctuation(text);
    if (!token) throw new Unreadable(`expected ${text}`);
    return token;
  }

  identifier(): Token {
    const token = this.peek();
    if (!token || (token.kind !== 'word' && token.kind !== 'quoted-identifier' && token.kind !== 'string')) {
      throw new Unreadable('expected a name');
    }
    return this.next();
  }

  /** `name` or `schema.name`; the first token is returned for positions. */
  qualifiedName(): { name: QualifiedName; first: Token } {
    const first = this.identifier();
    if (this.atPunctuation('.')) {
      this.next();
      const second = this.identifier();
      return { name: { schema: nameOf(first), name: nameOf(second) }, first };
    }
    return { name: { name: nameOf(first) }, first };
  }

  /** At `(`: consumes through the matching `)` and returns the tokens between them. */
  parenthesized(): { open: Token; inner: Token[]; close: Token } {
    const { open, innerStart, innerEnd, close } = this.skipParenthesized();
    return { open, inner: this.tokens.slice(innerStart, innerEnd), close };
  }

  /** As parenthesized, but gives the inner tokens' index range instead of a copy of them. */
  skipParenthesized(): { open: Token; innerStart: number; innerEnd: number; close: Token } {
    const open = this.expectPunctuation('(');
    const innerStart = this.position;
    let depth = 1;
    while (depth > 0) {
      const token = this.next();
      if (isPunctuation(token, '(')) depth++;
      else if (isPunctuation(token, ')')) depth--;
    }
    return { open, innerStart, innerEnd: this.position - 1, close: this.tokens[this.position - 1] };
  }

  /**
   * As skipParenthesized, and finds in the same walk the parts between commas at the top level
   * of the inside (splitTopLevel without copies): index pairs, flat (`[from0, to0, from1, to1,
   * ...]`); the comma after a part is at its `to`.
   */
  parenthesizedRanges(): { open: Token; close: Token; ranges: number[] } {
    const open = this.expectPunctuation('(');
    const ranges: number[] = [];
    let start = this.position;
    let depth = 0;
    for (;;) {
      const token = this.next();
      if (token.kind !== 'punctuation') continue;
      if (token.text === '(') depth++;
      else if (token.text === ')') {
        if (depth === 0) break;
        depth--;
      } else if (token.text === ',' && depth === 0) {
        ranges.push(start, this.position - 1);
        start = this.position;
      }
    }
    const end = this.position - 1;
    if (end > start || ranges.length > 0) ranges.push(start, end);
    return { open, close: this.tokens[end], ranges };
  }

  /**
   * At `(`: consumes through the matching `)` and returns the text of each non-empty part
   * between commas at its top level, in one walk (a seed row's values: most of a file's tokens).
   */
  parenthesizedPartTexts(): string[] {
    const { ranges } = this.parenthesizedRanges();
    const texts: string[] = [];
    for (let i = 0; i < ranges.length; i += 2) {
      if (ranges[i + 1] > ranges[i]) texts.push(this.textOf(this.tokens[ranges[i]], this.tokens[ranges[i + 1] - 1]));
    }
    return texts;
  }

  /** The source text from one token through another. */
  textOf(first: Token, last: Token): string {
    return this.text.slice(first.start, last.end);
  }

  /** The text of every remaining token, `;` left out (as rest() would), or undefined when none remains. Consumes them. */
  restText(): string | undefined {
    let first = this.position;
    let last = this.end - 1;
    while (first <= last && isPunctuation(this.tokens[first], ';')) first++;
    while (last >= first && isPunctuation(this.tokens[last], ';')) last--;
    this.position = this.end;
    return first <= last ? this.textOf(this.tokens[first], this.tokens[last]) : undefined;
  }

  /** Every remaining token up to the statement's `;`. */
  rest(): Token[] {
    const rest = this.tokens.slice(this.position, this.end).filter((token) => !isPunctuation(token, ';'));
    this.position = this.end;
    return rest;
  }
}

function isWordAt(token: Token | undefined, word: string, or?: string): boolean {
  return token !== undefined && token.kind === 'word' && (token.upper === word || (or !== undefined && token.upper === or));
}

function nameOf(token: Token): string {
  return token.kind === 'string' ? (token.value ?? token.text) : identifierName(token);
}

/** Splits tokens on commas at parenthesis depth 0. */
function splitTopLevel(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (isPunctuation(token, '(')) depth++;
    else if (isPunctuation(token, ')')) depth--;
    if (depth === 0 && isPunctuation(token, ',')) {
      parts.push(current);
      current = [];
      continue;
    }
    current.push(token);
  }
  if (current.length > 0 || parts.length > 0) parts.push(current);
  return parts;
}

/** Reads one statement into the model. */
class StatementReader {
  private readonly cursor: Cursor;

  constructor(
    private readonly statement: Statement,
    private readonly source: SourceText,
    private readonly filePath: string,
    private readonly comments: CommentReader,
    private readonly objects: ModelObjects,
    /** See SqliteModelBuilder: a table list keeps no columns or keys, so they are not read. */
    private readonly tablesOnly = false,
  ) {
    this.cursor = new Cursor(statement.tokens, source.text);
  }

  read(): void {
    switch (this.statement.kind) {
      case 'create table':
        return this.createTable();
      case 'create index':
        return this.createIndex();
      case 'create view':
        return this.createView();
      case 'create trigger':
        return this.createTrigger();
      case 'alter table':
        return this.alterTable();
      case 'insert':
      case 'replace':
        return this.insert();
      case 'drop table':
      case 'drop index':
      case 'drop view':
      case 'drop trigger':
        return this.drop();
      default:
        return;
    }
  }

  private ref(token: Token): SourceRef {
    const { line, column } = this.source.positionAt(token.start);
    return { file: this.filePath, line, column, offset: token.start };
  }

  private last(): Token {
    const tokens = this.statement.tokens;
    const final = tokens[tokens.length - 1];
    return isPunctuation(final, ';') && tokens.length > 1 ? tokens[tokens.length - 2] : final;
  }

  /** Objects keep file order: convert emits them in it. */
  private add(object: SchemaObject): void {
    // A table list keeps a table's name and place only (see LintPassModel): emptied before it
    // is added, as the index reads its foreign keys.
    if (this.tablesOnly && object.kind === 'table') clearDetails(object);
    this.objects.push(object);
  }

  private createTable(): void {
    const c = this.cursor;
    const create = c.expectWord('CREATE');
    c.acceptWord('TEMP', 'TEMPORARY');
    c.expectWord('TABLE');
    const guarded = c.acceptWords('IF', 'NOT', 'EXISTS');
    const { name } = c.qualifiedName();
    if (name.schema && DATABASE_QUALIFIERS.has(name.schema.toUpperCase())) name.schema = undefined;
    if (guarded && this.findTable(name)) return; // IF NOT EXISTS: the existing table stays as it is
    const table: TableModel = {
      kind: 'table',
      name,
      columns: [],
      uniques: [],
      foreignKeys: [],
      checks: [],
      guarded,
      comments: [],
      ref: this.ref(create),
    };
    if (c.atWord('AS')) {
      // CREATE TABLE ... AS SELECT: columns come from a query this builder does not evaluate.
      table.comments = this.comments.above(create);
      this.add(table);
      return;
    }
    if (this.tablesOnly) {
      // add() would empty the columns and keys at once: reading them is most of a big file's model time.
      c.skipParenthesized();
      this.tableOptions(table);
      this.add(table);
      return;
    }
    const { open, close, ranges: items } = c.parenthesizedRanges();
    const tokens = this.statement.tokens;
    let firstItemStart = close.start;
    for (let k = 0; k < items.length; k += 2) {
      if (items[k] < items[k + 1]) {
        firstItemStart = tokens[items[k]].start;
        break;
      }
    }
    table.comments = [...this.comments.above(create), ...this.comments.after(open, firstItemStart)];
    for (let k = 0; k < items.length; k += 2) {
      const from = items[k];
      const to = items[k + 1];
      if (from === to) continue;
      const hasNext = k + 2 < items.length;
      const nextItemStart = hasNext && items[k + 2] < items[k + 3] ? tokens[items[k + 2]].start : close.start;
      try {
        const first = tokens[from];
        if (first.kind === 'word' && TABLE_CONSTRAINT_WORDS.has(first.upper)) this.tableConstraint(table, tokens, from, to);
        // The comma that ends an element is the token after it; the last element's is none.
        else table.columns.push(this.column(table, tokens, from, to, nextItemStart, hasNext ? tokens[to] : undefined));
      } catch (error) {
        if (!(error instanceof Unreadable)) throw error;
      }
    }
    this.tableOptions(table);
    if (table.withoutRowid && table.primaryKey) {
      // WITHOUT ROWID tables enforce NOT NULL on their key, as every SQL Server key does. A wide
      // key's columns are found by name, not by a scan each (a 24,000-column key took 13.5 s); the
      // index is this loop's own, as a later RENAME COLUMN changes the names in place.
      const byName = table.primaryKey.columns.length > SCANNED_UP_TO ? NameLists.of(table.columns, (column) => column.name) : undefined;
      for (const key of table.primaryKey.columns) {
        const column = (byName?.get(key.name) ?? table.columns).find((candidate) => sameName(candidate.name, key.name));
        if (column) column.nullable = false;
      }
    }
    this.add(table);
  }

  private tableOptions(table: TableModel): void {
    const c = this.cursor;
    while (!c.atEnd()) {
      if (c.acceptWords('WITHOUT', 'ROWID')) table.withoutRowid = true;
      else if (c.acceptWord('STRICT')) table.strict = true;
      else c.next();
    }
  }

  /**
   * A column definition, `tokens[from..to)`: name, optional type, then constraints in any
   * order. `comma`: the first `,` after the definition in the statement, if any.
   */
  private column(table: TableModel, tokens: readonly Token[], from: number, to: number, nextItemStart: number, comma: Token | undefined): ColumnModel {
    const c = new Cursor(tokens, this.source.text, from, to);
    const nameToken = c.identifier();
    const column: ColumnModel = {
      name: nameOf(nameToken),
      nullable: true,
      comments: [],
      ref: this.ref(nameToken),
    };
    column.type = this.typeName(c);
    this.columnConstraints(table, column, c);
    const lastToken = tokens[to - 1];
    const trailing = this.comments.after(lastToken, nextItemStart);
    column.comments = [...this.comments.above(nameToken), ...trailing];
    // The comma after a column may sit before its trailing comment: `a INT, -- about a`.
    if (trailing.length === 0 && comma) {
      const afterComma = this.comments.after(comma, nextItemStart);
      if (afterComma.length > 0 && this.source.positionAt(comma.start).line === this.source.positionAt(lastToken.end).line) {
        for (const comment of afterComma) column.comments.push(comment);
      }
    }
    return column;
  }

  /** SQLite's type-name: one or more names, then an optional `(n)` or `(p, s)`. */
  private typeName(c: Cursor): DataType | undefined {
    let name: string | undefined;
    while (!c.atEnd()) {
      const token = c.peek() as Token;
      if (token.kind === 'word' && COLUMN_CONSTRAINT_WORDS.has(token.upper)) break;
      if (token.kind !== 'word' && token.kind !== 'quoted-identifier') break;
      const word = upperIdentifierName(token);
      c.next();
      name = name === undefined ? word : `${name} ${word}`;
    }
    if (name === undefined) return undefined;
    const args: string[] = [];
    if (c.atPunctuation('(')) {
      const { inner } = c.parenthesized();
      // Each argument is its tokens' texts run together (`( 10 , 2 )` gives `10` and `2`). Built
      // by concatenation: the array a `map` made for `join` changed its map once a file's
      // arguments varied, which threw the optimized column reader away mid-run.
      for (const part of splitTopLevel(inner)) {
        if (part.length === 0) continue;
        let text = '';
        for (const token of part) text += token.text;
        args.push(text);
      }
    }
    return { name, args };
  }

  private columnConstraints(table: TableModel, column: ColumnModel, c: Cursor): void {
    let constraintName: string | undefined;
    let constraintStart: Token | undefined;
    while (!c.atEnd()) {
      const token = c.peek() as Token;
      const start = constraintStart ?? token;
      // One look at the first word picks the constraint, instead of a test per kind in turn.
      switch (token.kind === 'word' ? token.upper : '') {
        case 'CONSTRAINT':
          c.next();
          constraintStart = token;
          constraintName = nameOf(c.identifier());
          continue;
        case 'PRIMARY': {
          if (!c.acceptWords('PRIMARY', 'KEY')) {
            this.skipUnknownConstraint(c);
            break;
          }
          const descending = c.acceptWord('ASC', 'DESC')?.upper === 'DESC';
          this.conflictClause(c);
          const autoincrement = Boolean(c.acceptWord('AUTOINCREMENT'));
          table.primaryKey = { name: constraintName, columns: [{ name: column.name, descending }], ref: this.ref(start) };
          if (column.type?.name === 'INTEGER' && !descending) column.nullable = false; // a rowid alias is never NULL
          if (autoincrement) {
            column.autoincrement = true;
            column.identity = { seed: '1', increment: '1' };
          }
          break;
        }
        case 'NOT':
          if (!c.acceptWords('NOT', 'NULL')) {
            this.skipUnknownConstraint(c);
            break;
          }
          column.nullable = false;
          this.conflictClause(c);
          break;
        case 'NULL':
          c.next();
          this.conflictClause(c);
          break;
        case 'UNIQUE':
          c.next();
          this.conflictClause(c);
          table.uniques.push({ name: constraintName, columns: [{ name: column.name, descending: false }], ref: this.ref(start) });
          break;
        case 'CHECK': {
          c.next();
          const { inner, open, close } = c.parenthesized();
          table.checks.push({ name: constraintName, expression: this.innerText(inner, open, close), ref: this.ref(start) });
          break;
        }
        case 'DEFAULT':
          c.next();
          column.default = this.defaultValue(c);
          break;
        case 'COLLATE':
          c.next();
          column.collation = nameOf(c.identifier());
          break;
        case 'REFERENCES': {
          const foreignKey = this.references(c, [column.name], start);
          foreignKey.name = constraintName;
          table.foreignKeys.push(foreignKey);
          break;
        }
        case 'GENERATED':
        case 'AS': {
          if (c.acceptWord('GENERATED')) c.expectWord('ALWAYS');
          c.expectWord('AS');
          const { inner, open, close } = c.parenthesized();
          const persisted = c.acceptWord('STORED', 'VIRTUAL')?.upper === 'STORED';
          column.computed = { expression: this.innerText(inner, open, close), persisted };
          break;
        }
        default:
          this.skipUnknownConstraint(c);
      }
      constraintName = undefined;
      constraintStart = undefined;
    }
  }

  /** Not SQLite (IDENTITY(1,1), a T-SQL habit): steps over the word with its parentheses. */
  private skipUnknownConstraint(c: Cursor): void {
    c.next();
    if (c.atPunctuation('(')) c.skipParenthesized();
  }

  private innerText(inner: Token[], open: Token, close: Token): string {
    if (inner.length === 0) return this.source.text.slice(open.end, close.start).trim();
    return this.source.text.slice(inner[0].start, inner[inner.length - 1].end);
  }

  /** ON CONFLICT <resolution> inside a constraint: it changes how SQLite resolves a violation, not the schema. */
  private conflictClause(c: Cursor): void {
    if (c.acceptWords('ON', 'CONFLICT')) c.acceptWordOf(CONFLICT_RESOLUTIONS);
  }

  /** DEFAULT: a parenthesized expression, a signed number, a literal, or a bare name/keyword. */
  private defaultValue(c: Cursor): string {
    const first = c.peek();
    if (!first) throw new Unreadable('DEFAULT without a value');
    if (c.atPunctuation('(')) {
      const { open, close } = c.skipParenthesized();
      return c.textOf(open, close);
    }
    if (first.kind === 'operator' && (first.text === '-' || first.text === '+')) {
      c.next();
      const number = c.next();
      return c.textOf(first, number);
    }
    const value = c.next();
    if (value.kind === 'word' && c.atPunctuation('(')) {
      const { close } = c.skipParenthesized(); // GETDATE() in a SQLite file: kept so a rule or convert can see it
      return c.textOf(value, close);
    }
    return value.text;
  }

  /** REFERENCES t [(cols)] [ON DELETE|UPDATE action | MATCH name]* [[NOT] DEFERRABLE [INITIALLY ...]] */
  private references(c: Cursor, columns: string[], start: Token): ForeignKeyModel {
    c.expectWord('REFERENCES');
    const { name } = c.qualifiedName();
    if (name.schema && DATABASE_QUALIFIERS.has(name.schema.toUpperCase())) name.schema = undefined;
    const referencedColumns: string[] = [];
    if (c.atPunctuation('(')) {
      for (const part of splitTopLevel(c.parenthesized().inner)) if (part[0]) referencedColumns.push(nameOf(part[0]));
    }
    const foreignKey: ForeignKeyModel = { columns, references: name, referencedColumns, ref: this.ref(start) };
    for (;;) {
      if (c.acceptWord('ON')) {
        const event = c.acceptWord('DELETE', 'UPDATE');
        if (!event) throw new Unreadable('expected DELETE or UPDATE');
        const action = this.referentialAction(c);
        if (event.upper === 'DELETE') foreignKey.onDelete = action;
        else foreignKey.onUpdate = action;
      } else if (c.acceptWord('MATCH')) {
        c.identifier();
      } else if (c.atWord('NOT') && isWord(c.peek(1), 'DEFERRABLE')) {
        c.next();
        c.next();
        if (c.acceptWord('INITIALLY')) c.acceptWord('DEFERRED', 'IMMEDIATE');
      } else if (c.acceptWord('DEFERRABLE')) {
        if (c.acceptWord('INITIALLY')) c.acceptWord('DEFERRED', 'IMMEDIATE');
      } else {
        return foreignKey;
      }
    }
  }

  private referentialAction(c: Cursor): ReferentialAction {
    const first = c.next();
    if (first.upper === 'SET' || first.upper === 'NO') {
      const second = c.next();
      const action = REFERENTIAL_ACTIONS[`${first.upper} ${second.upper}`];
      if (action) return action;
    }
    const action = REFERENTIAL_ACTIONS[first.upper];
    if (!action) throw new Unreadable('unknown referential action');
    return action;
  }

  /** [CONSTRAINT name] PRIMARY KEY (...) | UNIQUE (...) | CHECK (...) | FOREIGN KEY (...) REFERENCES ... */
  private tableConstraint(table: TableModel, tokens: readonly Token[], from: number, to: number): void {
    const c = new Cursor(tokens, this.source.text, from, to);
    const start = tokens[from];
    let name: string | undefined;
    if (c.acceptWord('CONSTRAINT')) name = nameOf(c.identifier());
    if (c.acceptWords('PRIMARY', 'KEY')) {
      const key: KeyConstraint = { name, columns: this.indexedColumns(c), ref: this.ref(start) };
      this.conflictClause(c);
      c.acceptWord('AUTOINCREMENT'); // accepted by older SQLite only for a single INTEGER column; harmless here
      table.primaryKey = key;
    } else if (c.acceptWord('UNIQUE')) {
      table.uniques.push({ name, columns: this.indexedColumns(c), ref: this.ref(start) });
      this.conflictClause(c);
    } else if (c.acceptWord('CHECK')) {
      const { inner, open, close } = c.parenthesized();
      const check: CheckModel = { name, expression: this.innerText(inner, open, close), ref: this.ref(start) };
      table.checks.push(check);
    } else if (c.acceptWords('FOREIGN', 'KEY')) {
      const columns = splitTopLevel(c.parenthesized().inner)
        .filter((part) => part.length > 0)
        .map((part) => nameOf(part[0]));
      const foreignKey = this.references(c, columns, start);
      foreignKey.name = name;
      table.foreignKeys.push(foreignKey);
    } else {
      throw new Unreadable('unknown table constraint');
    }
  }

  /** `(a, b DESC, lower(c) COLLATE NOCASE)`: a column name, or an expression's text. */
  private indexedColumns(c: Cursor): IndexColumn[] {
    const { inner } = c.parenthesized();
    const columns: IndexColumn[] = [];
    for (const part of splitTopLevel(inner)) {
      if (part.length === 0) continue;
      let end = part.length;
      let descending = false;
      if (isWord(part[end - 1], 'ASC', 'DESC')) {
        descending = part[end - 1].upper === 'DESC';
        end--;
      }
      if (end >= 2 && isWord(part[end - 2], 'COLLATE')) end -= 2;
      const expression = part.slice(0, end);
      const name =
        expression.length === 1 && (expression[0].kind === 'word' || expression[0].kind === 'quoted-identifier')
          ? identifierName(expression[0])
          : this.source.text.slice(expression[0].start, expression[expression.length - 1].end);
      columns.push({ name, descending });
    }
    return columns;
  }

  private createIndex(): void {
    const c = this.cursor;
    const create = c.expectWord('CREATE');
    const unique = Boolean(c.acceptWord('UNIQUE'));
    c.expectWord('INDEX');
    const guarded = c.acceptWords('IF', 'NOT', 'EXISTS');
    const { name } = c.qualifiedName();
    c.expectWord('ON');
    const table = c.qualifiedName().name;
    if (guarded && this.findIndex(name.name)) return;
    const index: IndexModel = {
      kind: 'index',
      name: name.name,
      table,
      unique,
      columns: this.indexedColumns(c),
      include: [],
      guarded,
      comments: this.comments.above(create),
      ref: this.ref(create),
    };
    if (c.acceptWord('WHERE')) {
      const where = c.restText();
      if (where !== undefined) index.where = where;
    }
    this.add(index);
  }

  private findTable(name: QualifiedName): TableModel | undefined {
    return this.objects.findNamed<TableModel>('table', name);
  }

  private findIndex(name: string): IndexModel | undefined {
    return this.objects.named('index', name).find((object): object is IndexModel => object.kind === 'index' && sameName(object.name, name));
  }

  private createView(): void {
    const c = this.cursor;
    const create = c.expectWord('CREATE');
    c.acceptWord('TEMP', 'TEMPORARY');
    c.expectWord('VIEW');
    const guarded = c.acceptWords('IF', 'NOT', 'EXISTS');
    const { name } = c.qualifiedName();
    const list = c.atPunctuation('(') ? c.parenthesized().inner : undefined;
    c.expectWord('AS');
    const query = c.restText();
    if (query === undefined) throw new Unreadable('view without a query');
    const view: ViewModel = {
      kind: 'view',
      name,
      query,
      ...(list ? { columns: list.filter((token) => token.kind === 'word' || token.kind === 'quoted-identifier').map(identifierName) } : {}),
      guarded,
      comments: this.comments.above(create),
      ref: this.ref(create),
    };
    this.add(view);
  }

  /** CREATE [TEMP] TRIGGER [IF NOT EXISTS] name [BEFORE|AFTER|INSTEAD OF] event ON table ... */
  private createTrigger(): void {
    const c = this.cursor;
    const create = c.expectWord('CREATE');
    c.acceptWord('TEMP', 'TEMPORARY');
    c.expectWord('TRIGGER');
    c.acceptWords('IF', 'NOT', 'EXISTS');
    const { name } = c.qualifiedName();
    while (!c.atEnd() && !c.atWord('ON')) c.next();
    c.expectWord('ON');
    const table = c.qualifiedName().name;
    const trigger: RoutineModel = {
      kind: 'trigger',
      name,
      table,
      text: c.textOf(create, this.last()),
      comments: this.comments.above(create),
      ref: this.ref(create),
    };
    this.add(trigger);
  }

  /** ALTER TABLE t RENAME TO u | RENAME [COLUMN] a TO b | ADD [COLUMN] def | DROP [COLUMN] c */
  private alterTable(): void {
    const c = this.cursor;
    c.expectWord('ALTER');
    c.expectWord('TABLE');
    const { name } = c.qualifiedName();
    const table = this.findTable(name);
    if (!table) return; // altering a table this model never saw: nothing to apply it to
    if (c.acceptWord('RENAME')) {
      if (c.acceptWord('TO')) {
        const newName = { name: nameOf(c.identifier()) };
        this.renameTable(table, newName);
        return;
      }
      c.acceptWord('COLUMN');
      const from = nameOf(c.identifier());
      c.expectWord('TO');
      this.renameColumn(table, from, nameOf(c.identifier()));
    } else if (c.acceptWord('ADD')) {
      c.acceptWord('COLUMN');
      const tokens = c.rest();
      if (tokens.length === 0) return;
      const lastToken = tokens[tokens.length - 1];
      const comma = this.statement.tokens.find((token) => token.start >= lastToken.end && isPunctuation(token, ','));
      // A column with REFERENCES adds a foreign key: the index lists the table under its table's name.
      const keys = table.foreignKeys.length;
      table.columns.push(this.column(table, tokens, 0, tokens.length, Number.POSITIVE_INFINITY, comma));
      this.objects.index.foreignKeysAdded(table, keys);
    } else if (c.acceptWord('DROP')) {
      c.acceptWord('COLUMN');
      // Through the list's index: a filter of every column per DROP COLUMN made dropping the
      // columns of a wide table one by one quadratic (16,000: 8.0 s).
      this.objects.dropFromTable(table, [nameOf(c.identifier())], []);
    }
  }

  /**
   * SQLite (3.26+, legacy_alter_table off) rewrites references to a renamed table in indexes,
   * triggers and FKs. They are found through the index (a copy of each list: the rewrites move
   * objects between lists), not by a pass over the model per rename.
   */
  private renameTable(table: TableModel, newName: QualifiedName): void {
    const oldName = table.name;
    for (const object of [...this.objects.on(oldName)]) {
      if ((object.kind === 'index' || object.kind === 'trigger') && object.table && sameQualifiedName(object.table, oldName)) {
        const moving = this.objects.index.renaming(object);
        object.table = { ...newName };
        moving.after();
      }
    }
    for (const object of new Set(this.objects.referencing(oldName.name))) {
      if (object.kind !== 'table') continue;
      let retargeted = false;
      for (const foreignKey of object.foreignKeys) {
        if (!sameQualifiedName(foreignKey.references, oldName)) continue;
        foreignKey.references = { ...newName };
        retargeted = true;
      }
      if (retargeted) this.objects.index.foreignKeyRetargeted(object, newName.name);
    }
    const moving = this.objects.index.renaming(table);
    table.name = newName;
    moving.after();
  }

  private renameColumn(table: TableModel, from: string, to: string): void {
    const rename = (name: string): string => (sameName(name, from) ? to : name);
    for (const column of table.columns) column.name = rename(column.name);
    namesChanged(table.columns);
    for (const key of [table.primaryKey, ...table.uniques]) {
      if (key) for (const column of key.columns) column.name = rename(column.name);
    }
    for (const foreignKey of table.foreignKeys) foreignKey.columns = foreignKey.columns.map(rename);
    // The indexes on the table and the tables whose keys reference it, through the index (see renameTable).
    for (const object of this.objects.on(table.name)) {
      if (object.kind === 'index' && sameQualifiedName(object.table, table.name)) {
        for (const column of object.columns) column.name = rename(column.name);
      }
    }
    for (const object of new Set(this.objects.referencing(table.name.name))) {
      if (object.kind !== 'table') continue;
      for (const foreignKey of object.foreignKeys) {
        if (sameQualifiedName(foreignKey.references, table.name)) foreignKey.referencedColumns = foreignKey.referencedColumns.map(rename);
      }
    }
  }

  /** DROP TABLE|INDEX|VIEW|TRIGGER [IF EXISTS] name: a follow-up script may drop and re-create. */
  private drop(): void {
    const c = this.cursor;
    c.expectWord('DROP');
    const kind = c.next().upper.toLowerCase();
    c.acceptWords('IF', 'EXISTS');
    const { name } = c.qualifiedName();
    const matches = (object: SchemaObject): boolean => {
      if (object.kind === 'insert') return false;
      if (object.kind === 'index') return kind === 'index' && sameName(object.name, name.name);
      return object.kind === kind && sameQualifiedName(object.name, name);
    };
    // An index by its name alone (SQLite's are unique per database); anything else by its
    // identity, so that a DROP of one of s1.t ... s8000.t is not handed every schema's t.
    const candidates = kind === 'index' ? this.objects.named(kind, name.name) : this.objects.namesakes(kind, identityOfName(name));
    const dropped = candidates.find(matches);
    if (!dropped) return;
    const gone = [dropped];
    // Dropping a table drops its indexes and triggers with it.
    if (dropped.kind === 'table') {
      for (const object of this.objects.on(dropped.name)) {
        if ((object.kind === 'index' || object.kind === 'trigger') && object.table && sameQualifiedName(object.table, dropped.name)) gone.push(object);
      }
    }
    for (const object of gone) this.objects.remove(object);
  }

  /** INSERT [OR x] INTO t [(cols)] VALUES (...), (...): literal seed rows only. */
  private insert(): void {
    const c = this.cursor;
    const first = c.next();
    if (first.upper === 'INSERT' && c.acceptWord('OR')) c.next();
    c.expectWord('INTO');
    const { name } = c.qualifiedName();
    if (c.acceptWord('AS')) c.identifier();
    const columns: string[] = [];
    if (c.atPunctuation('(')) {
      for (const part of splitTopLevel(c.parenthesized().inner)) if (part[0]) columns.push(nameOf(part[0]));
    }
    if (!c.acceptWord('VALUES')) return; // INSERT ... SELECT / DEFAULT VALUES: no literal rows
    const rows: string[][] = [];
    while (c.atPunctuation('(')) {
      rows.push(c.parenthesizedPartTexts());
      if (!c.acceptPunctuation(',')) break;
    }
    const insert: InsertModel = { kind: 'insert', table: name, columns, rows, comments: this.comments.above(first), ref: this.ref(first) };
    this.add(insert);
  }
}
