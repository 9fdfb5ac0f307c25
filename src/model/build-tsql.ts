import { SourceText } from '../sql/source-text.js';
import { splitStatements } from '../sql/splitter.js';
import type { Statement } from '../sql/statement.js';
import { identifierName, isWord, type Token } from '../sql/token.js';
import type { ModelSink } from './model-sink.js';
import type {
  ColumnNode,
  ConstraintNode,
  CreateIndexNode,
  CreateTableNode,
  DataTypeNode,
  InlineIndexNode,
  NameNode,
  Span,
} from '../tsql/ast.js';
import { expressionOptionsFor, parseSchemaStatement } from '../tsql/parse-statement.js';
import { handOutBuiltOn, ModelObjects, objectsToBuildOn } from './model-objects.js';
import { identityOf, identityOfIndex, identityOfName } from './object-index.js';
import {
  clearDetails,
  sameName,
  sameQualifiedName,
  type ColumnModel,
  type DataType,
  type ForeignKeyModel,
  type IndexColumn,
  type IndexModel,
  type KeyConstraint,
  type QualifiedName,
  type ReferentialAction,
  type RoutineModel,
  type SchemaModel,
  type SchemaObject,
  type SourceRef,
  type TableModel,
} from './schema.js';
import { findColumn } from './table-lists.js';

/**
 * Builds the schema model of a T-SQL file: tables (with ALTER TABLE changes applied),
 * indexes, views, routines and seed INSERTs, in file order, appended to `into` when given
 * (so a follow-up script extends a base schema). Statements that do not parse add nothing;
 * reporting them is the `tsql/syntax` rule's job. Never throws on any input.
 *
 * Comments are kept as written (`-- note`, `/* note *\/`): both dialects share the syntax,
 * so a converter can emit them unchanged.
 */
export function buildTsqlModel(text: string, filePath: string, into?: SchemaModel): SchemaModel {
  const builder = new TsqlModelBuilder(text, filePath, into ?? { dialect: 'tsql', objects: [] }, undefined, false, into !== undefined);
  // Streamed, not collected: every lookup stays within the current statement or before it,
  // and holding all of a big script's tokens at once cost hundreds of MB.
  for (const statement of splitStatements(text, 'tsql', { onTrivia: (token) => builder.comment(token) })) builder.statement(statement);
  return builder.model;
}

/**
 * The same builder, fed by a caller that splits the file anyway (the lint pass), so the file
 * is not split and parsed a second time. `source` is the caller's line index of `text`.
 */
export function tsqlModelSink(text: string, filePath: string, source?: SourceText, tablesOnly = false): ModelSink {
  return new TsqlModelBuilder(text, filePath, { dialect: 'tsql', objects: [] }, source, tablesOnly);
}

const REFERENTIAL_ACTIONS = new Set<string>(['CASCADE', 'SET NULL', 'SET DEFAULT', 'NO ACTION']);

class TsqlModelBuilder implements ModelSink {
  /**
   * The model's objects while it is built (`model` hands them out as an array), with the
   * lookups by name that add(), ALTER and DROP use instead of scanning every object.
   */
  private readonly objects: ModelObjects;
  private readonly source: SourceText;
  private readonly comments: Token[] = [];
  private readonly options = expressionOptionsFor(undefined);
  /** Set when the builder itself failed on a statement: the rest of the file is ignored. */
  private failed = false;
  private previousEnd = 0;
  /** The IF guard waiting for the statement (or BEGIN block) it governs. */
  private pendingGuard: { commentsFrom: number } | undefined;
  /**
   * Inside `IF ... BEGIN ... END`: statements deeper than `depth` are guarded. `commentsFrom` is
   * where the block's first statement looks for its comments (above the IF); it is cleared once
   * that statement is read, so the statements after it keep only the comments above themselves.
   */
  private guardBlock: { depth: number; commentsFrom: number | undefined } | undefined;
  private routine: { model: RoutineModel; batch: number; start: number } | undefined;

  constructor(
    private readonly text: string,
    private readonly filePath: string,
    private readonly target: SchemaModel,
    source?: SourceText,
    /**
     * Add tables only: indexes, views, routines and seed rows never change which tables exist.
     * A new table's details (columns, keys, checks) are then left out: the table list drops them.
     */
    private readonly tablesOnly = false,
    /** `target` is a model other scripts built, or later ones will build on (see objectsToBuildOn). */
    private readonly buildsOn = false,
  ) {
    this.source = source ?? new SourceText(text);
    this.objects = buildsOn ? objectsToBuildOn(target) : new ModelObjects(target.objects);
  }

  /** The model built so far. */
  get model(): SchemaModel {
    if (this.buildsOn) return handOutBuiltOn(this.target, this.objects);
    this.target.objects = this.objects.toArray();
    return this.target;
  }

  /** False only when no object of `kind` can have a name sameName would match `name`. */
  private mayExist(kind: string, name: string): boolean {
    return this.objects.named(kind, name).length > 0;
  }

  /** Takes a comment token; comments arrive in file order, before the statement after them. */
  comment(token: Token): void {
    this.comments.push(token);
  }

  /** Takes the file's next statement. After a defect in the builder the rest is ignored, keeping what was built. */
  statement(statement: Statement): void {
    if (this.failed) return;
    try {
      if (statement.oversized) this.passOver(statement);
      else this.read(statement);
    } catch {
      // A defect in the builder must not take the lint run down.
      this.failed = true;
    }
  }

  /**
   * A statement too long to hold (Statement.oversized) is not read, as only its leading and
   * latest tokens are kept, so it adds nothing; but it stands where it is. An IF guard before it
   * governs it, as in SQL Server, not the CREATE after it, which runs unguarded; its comments are
   * not the next object's; and a routine whose body it ends keeps it in its text.
   */
  private passOver(statement: Statement): void {
    if (this.readRoutineBody(statement)) return;
    // A block's statements are deeper than its BEGIN: one that is not is past the block.
    if (this.guardBlock && statement.depth <= this.guardBlock.depth) this.guardBlock = undefined;
    // One that is an IF has a condition nobody read: no guard the model knows, as IF @x = 1 is none.
    this.pendingGuard = undefined;
    if (this.guardBlock) this.guardBlock.commentsFrom = undefined;
    this.previousEnd = statement.end;
  }

  /**
   * True for a statement of a routine's body, which the routine's text takes in: what a body does
   * (temp tables, inserts) is its own business, not the schema's.
   */
  private readRoutineBody(statement: Statement): boolean {
    if (this.routine && (statement.batch !== this.routine.batch || !statement.inRoutine)) {
      this.routine = undefined;
    }
    if (!this.routine && !statement.inRoutine) return false;
    if (this.routine) this.routine.model.text = this.text.slice(this.routine.start, statement.end);
    this.previousEnd = statement.end;
    return true;
  }

  private read(statement: Statement): void {
    if (this.readRoutineBody(statement)) return;
    if (this.guardBlock && statement.depth <= this.guardBlock.depth && statement.kind !== 'begin') {
      if (statement.kind === 'end' && statement.depth === this.guardBlock.depth) {
        this.guardBlock = undefined;
        this.previousEnd = statement.end;
        return;
      }
      this.guardBlock = undefined;
    }
    if (statement.kind === 'go') {
      this.guardBlock = undefined;
      this.pendingGuard = undefined;
      this.previousEnd = statement.end;
      return;
    }

    const { node } = parseSchemaStatement(statement, this.options);
    if (node?.kind === 'if') {
      this.pendingGuard = node.guardsCreation ? { commentsFrom: this.pendingGuard?.commentsFrom ?? this.previousEnd } : undefined;
      this.previousEnd = statement.end;
      return;
    }
    if (this.pendingGuard && statement.kind === 'begin') {
      this.guardBlock = { depth: statement.depth, commentsFrom: this.pendingGuard.commentsFrom };
      this.pendingGuard = undefined;
      this.previousEnd = statement.end;
      return;
    }
    const guard = this.pendingGuard ?? this.guardBlock;
    this.pendingGuard = undefined;
    const guarded = guard !== undefined;
    const guardCommentsFrom = guard?.commentsFrom;
    // Every statement of a block searching from the IF made each take all the comments before it (k² reads).
    if (node && this.guardBlock) this.guardBlock.commentsFrom = undefined;
    const previousEnd = this.previousEnd;
    this.previousEnd = statement.end;

    if (!node) {
      this.applyDrop(statement);
      return;
    }
    if (this.tablesOnly && node.kind !== 'create table' && node.kind !== 'alter table') return;
    // Only statements that add to the model keep comments: the rest skip the search for them.
    const comments = this.leadingComments(statement.start, previousEnd, guardCommentsFrom);
    switch (node.kind) {
      case 'create table':
        // #temp tables are kept: consumers decide (convert reports them as left out).
        this.addTable(node, guarded, comments);
        break;
      case 'alter table': {
        const table = this.objects.findNamed<TableModel>('table', this.qualified(node.name));
        if (!table) break;
        for (const action of node.actions) {
          // A key an added column or constraint brings: the index lists the table under its table's name.
          const keys = table.foreignKeys.length;
          if (action.kind === 'add column') table.columns.push(this.column(action.column, table));
          else if (action.kind === 'add constraint') this.applyConstraint(table, action.constraint, undefined);
          else if (action.kind === 'alter column') {
            const column = findColumn(table, identifierName(action.name));
            if (!column) continue;
            column.type = dataType(action.type);
            // Without NULL / NOT NULL, ALTER COLUMN makes the column nullable again (ANSI default).
            column.nullable = action.nullable ?? true;
            if (action.collation) column.collation = identifierName(action.collation);
          } else if (action.kind === 'drop') this.objects.dropFromTable(table, action.columns.map(identifierName), action.constraints.map(identifierName));
          this.objects.index.foreignKeysAdded(table, keys);
        }
        break;
      }
      case 'create index':
        this.add(this.index(node, guarded, comments));
        break;
      case 'create view':
        if (!node.query) break;
        this.add({
          kind: 'view',
          name: this.qualified(node.name),
          query: this.slice(node.query),
          ...(node.columns ? { columns: node.columns.map(identifierName) } : {}),
          guarded,
          comments,
          ref: this.ref(node.first),
        });
        break;
      case 'create routine': {
        const routineModel: RoutineModel = {
          kind: node.routine,
          name: this.qualified(node.name),
          text: this.slice(node),
          comments,
          ref: this.ref(node.first),
        };
        if (node.table) routineModel.table = this.qualified(node.table);
        this.add(routineModel);
        this.routine = { model: routineModel, batch: statement.batch, start: node.first.start };
        break;
      }
      case 'insert':
        if (!node.rows) break;
        this.objects.push({
          kind: 'insert',
          table: this.qualified(node.table),
          columns: node.columns.map(identifierName),
          rows: node.rows.map((row) => row.map((value) => this.slice(value))),
          comments,
          ref: this.ref(node.first),
        });
        break;
    }
  }

  /**
   * Adds an object, replacing an earlier one of the same kind and name (a script that drops and
   * re-creates it). `isNew`: the caller knows no object of its kind has that name (no lookup).
   */
  private add(object: TableModel | SchemaObject, isNew = false): void {
    if (object.kind === 'insert') {
      this.objects.push(object);
      return;
    }
    const existing = isNew ? undefined : this.objects.namesakes(object.kind, identityOf(object)!).find(
      (candidate) => candidate.kind === object.kind && sameObjectName(candidate, object),
    );
    if (existing) {
      if ('guarded' in object && object.guarded) return; // created only when missing: the existing one stays
      this.objects.replace(existing, object);
      return;
    }
    // A table list keeps a new table's name and place only (see LintPassModel); one that took its
    // namesake's place keeps its details. Emptied before it is added, as the index reads its keys.
    if (this.tablesOnly && object.kind === 'table') clearDetails(object);
    this.objects.push(object);
  }

  private addTable(node: CreateTableNode, guarded: boolean, comments: string[]): void {
    const table: TableModel = {
      kind: 'table',
      name: this.qualified(node.name),
      columns: [],
      uniques: [],
      foreignKeys: [],
      checks: [],
      guarded,
      comments,
      ref: this.ref(node.first),
    };
    // A table list (tablesOnly) empties a new table's details (add()): they are built only for
    // a table that may replace one already listed, which keeps its place in the list, and its
    // details, as it would with them built.
    if (this.tablesOnly && !this.mayExist('table', table.name.name)) {
      this.add(table, true);
      return;
    }
    const inlineIndexes: InlineIndexNode[] = [];
    // Comments on the CREATE TABLE line belong to the table, not to its first column.
    let boundary = node.name.last.end;
    for (let i = 0; i < node.elements.length; i++) {
      const element = node.elements[i];
      const next = node.elements[i + 1];
      const span: Span = element.kind === 'column' ? element.column : element.kind === 'constraint' ? element.constraint : element.kind === 'index' ? element.index : element;
      const until = next ? startOf(next) : node.last.start;
      if (element.kind === 'column') {
        const column = this.column(element.column, table);
        column.comments = this.elementComments(span, boundary, until);
        table.columns.push(column);
      } else if (element.kind === 'constraint') {
        this.applyConstraint(table, element.constraint, undefined);
      } else if (element.kind === 'index') {
        inlineIndexes.push(element.index);
      }
      boundary = span.last.end;
    }
    this.add(table);
    if (this.tablesOnly) return;
    for (const index of inlineIndexes) this.add(this.indexModel(index, table.name, guarded, [], index.first));
  }

  private column(node: ColumnNode, table: TableModel): ColumnModel {
    const column: ColumnModel = { name: identifierName(node.name), nullable: true, comments: [], ref: this.ref(node.name) };
    if (node.type) column.type = dataType(node.type);
    if (node.computed) column.computed = { expression: this.slice(node.computed.expression), persisted: node.computed.persisted };
    if (node.identity) {
      column.identity = { seed: node.identity.seed, increment: node.identity.increment };
      column.nullable = false; // SQL Server makes identity columns NOT NULL
    }
    if (node.nullable !== undefined) column.nullable = node.nullable;
    if (node.default) column.default = this.slice(node.default.expression);
    if (node.collation) column.collation = identifierName(node.collation);
    for (const constraint of node.constraints) this.applyConstraint(table, constraint, column);
    return column;
  }

  /** Applies a column or table constraint; `column` is the column a column-level constraint is written on. */
  private applyConstraint(table: TableModel, constraint: ConstraintNode, column: ColumnModel | undefined): void {
    const name = constraint.name ? identifierName(constraint.name) : undefined;
    const ref = this.ref(constraint.first);
    switch (constraint.kind) {
      case 'primary key':
      case 'unique': {
        const columns: IndexColumn[] =
          constraint.columns.length > 0 ? constraint.columns.map(indexColumn) : column ? [{ name: column.name, descending: false }] : [];
        // Optional keys are assigned, not spread in: a spread per constraint took most of this method's time.
        const key: KeyConstraint = { columns, ref };
        if (name) key.name = name;
        if (constraint.clustered !== undefined) key.clustered = constraint.clustered;
        if (constraint.kind === 'primary key') {
          table.primaryKey = key;
          for (const keyColumn of columns) {
            const target = column && sameName(column.name, keyColumn.name) ? column : findColumn(table, keyColumn.name);
            if (target) target.nullable = false;
          }
        } else table.uniques.push(key);
        break;
      }
      case 'foreign key': {
        const columns = constraint.columns.length > 0 ? constraint.columns.map(identifierName) : column ? [column.name] : [];
        // Built key by key in the order the spread form had (name first, ref last), without a spread per key.
        const foreignKey = {} as ForeignKeyModel;
        if (name) foreignKey.name = name;
        foreignKey.columns = columns;
        foreignKey.references = this.qualified(constraint.references);
        foreignKey.referencedColumns = constraint.referencedColumns.map(identifierName);
        if (constraint.onDelete && REFERENTIAL_ACTIONS.has(constraint.onDelete)) foreignKey.onDelete = constraint.onDelete as ReferentialAction;
        if (constraint.onUpdate && REFERENTIAL_ACTIONS.has(constraint.onUpdate)) foreignKey.onUpdate = constraint.onUpdate as ReferentialAction;
        foreignKey.ref = ref;
        table.foreignKeys.push(foreignKey);
        break;
      }
      case 'check':
        table.checks.push(name ? { name, expression: this.slice(constraint.expression), ref } : { expression: this.slice(constraint.expression), ref });
        break;
      case 'default': {
        const target = findColumn(table, identifierName(constraint.column));
        if (target) target.default = this.slice(constraint.expression);
        break;
      }
    }
  }

  private index(node: CreateIndexNode, guarded: boolean, comments: string[]): SchemaObject {
    return this.indexModel(node, this.qualified(node.table), guarded, comments, node.first);
  }

  /** An index of CREATE INDEX or of a table's inline INDEX, key by key in a fixed order (no spread per optional key). */
  private indexModel(node: CreateIndexNode | InlineIndexNode, table: QualifiedName, guarded: boolean, comments: string[], first: Token): IndexModel {
    const index = {
      kind: 'index',
      name: identifierName(node.name),
      table,
      unique: node.unique,
      columns: node.columns.map(indexColumn),
      include: node.include.map(identifierName),
    } as IndexModel;
    if (node.where) index.where = this.slice(node.where);
    if (node.clustered !== undefined) index.clustered = node.clustered;
    index.guarded = guarded;
    index.comments = comments;
    index.ref = this.ref(first);
    return index;
  }

  /** DROP TABLE / VIEW / INDEX remove the object from the model, so a later CREATE defines it anew. */
  private applyDrop(statement: Statement): void {
    const tokens = statement.tokens;
    if (!isWord(tokens[0], 'DROP')) return;
    const kind = statement.kind === 'drop table' ? 'table' : statement.kind === 'drop view' ? 'view' : statement.kind === 'drop index' ? 'index' : undefined;
    if (!kind) return;
    let i = 2;
    if (isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'EXISTS')) i += 2;
    for (;;) {
      const name = readName(tokens, i);
      if (!name) return;
      i = name.next;
      if (kind === 'index' && isWord(tokens[i], 'ON')) {
        const table = readName(tokens, i + 1);
        if (!table) return;
        i = table.next;
        this.removeIndex(name.name.name, table.name);
      } else if (kind === 'index') {
        // DROP INDEX t.ix: the old two-part form.
        if (name.name.schema) this.removeIndex(name.name.name, { name: name.name.schema });
      } else {
        const target = name.name;
        // Candidates are copied (filter) before any is removed from the lists they come from.
        for (const object of this.objects.namesakes(kind, identityOfName(target)).filter((candidate) => candidate.kind === kind && sameQualifiedName(candidate.name, target))) {
          this.objects.remove(object);
        }
        if (kind === 'table') {
          for (const object of this.objects.on(target).filter((candidate) => candidate.kind === 'index' && sameQualifiedName(candidate.table, target))) {
            this.objects.remove(object);
          }
        }
      }
      if (tokens[i]?.text !== ',') return;
      i++;
    }
  }

  private removeIndex(name: string, table: QualifiedName): void {
    for (const object of this.objects.namesakes('index', identityOfIndex(name, table)).filter((candidate) => candidate.kind === 'index' && sameName(candidate.name, name) && sameQualifiedName(candidate.table, table))) {
      this.objects.remove(object);
    }
  }

  private qualified(name: NameNode): QualifiedName {
    return name.schema !== undefined ? { schema: name.schema, name: name.name } : { name: name.name };
  }

  private slice(span: Span): string {
    return this.text.slice(span.first.start, span.last.end);
  }

  private ref(token: Token): SourceRef {
    const position = this.source.positionAt(token.start);
    return { file: this.filePath, line: position.line, column: position.column, offset: token.start };
  }

  /**
   * The comments on the lines just above a statement (a blank line ends the block), and for
   * a guarded statement those above its IF guard as well.
   */
  private leadingComments(start: number, previousEnd: number, guardFrom: number | undefined): string[] {
    const from = guardFrom ?? previousEnd;
    const candidates = this.commentsBetween(from, start).filter((comment) => comment.end <= start);
    if (candidates.length === 0) return [];
    const previousLine = previousEnd > 0 || guardFrom ? this.source.positionAt(Math.max(from - 1, 0)).line : 0;
    const kept: Token[] = [];
    let expectedLine = this.source.positionAt(start).line;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const comment = candidates[i];
      const startLine = this.source.positionAt(comment.start).line;
      if (from > 0 && startLine === previousLine) break; // a trailing comment of the previous statement
      const endLine = this.source.positionAt(Math.max(comment.end - 1, comment.start)).line;
      if (guardFrom === undefined && endLine < expectedLine - 1) break;
      // Pushed, and turned round once at the end: an unshift per comment made a block of k comment lines cost k².
      kept.push(comment);
      expectedLine = startLine;
    }
    return kept.reverse().map((comment) => comment.text);
  }

  /** Comments starting in [from, until), found by binary search: the comments arrive in file order. */
  private commentsBetween(from: number, until: number): Token[] {
    const firstAt = (offset: number): number => {
      let low = 0;
      let high = this.comments.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (this.comments[mid].start < offset) low = mid + 1;
        else high = mid;
      }
      return low;
    };
    return this.comments.slice(firstAt(from), firstAt(until));
  }

  /**
   * A table element's comments: those between the previous element and this one (unless they
   * trail the previous element on its line), inside it, and after it on its last line.
   */
  private elementComments(span: Span, from: number, until: number): string[] {
    const candidates = this.commentsBetween(from, until);
    if (candidates.length === 0) return []; // most elements: no line lookups then
    const fromLine = this.source.positionAt(from).line;
    const lastLine = this.source.positionAt(span.last.start).line;
    return candidates
      .filter((comment) => {
        const line = this.source.positionAt(comment.start).line;
        if (comment.start < span.first.start) return line !== fromLine;
        if (comment.start < span.last.end) return true;
        return line === lastLine;
      })
      .map((comment) => comment.text);
  }
}

function startOf(element: CreateTableNode['elements'][number]): number {
  switch (element.kind) {
    case 'column':
      return element.column.first.start;
    case 'constraint':
      return element.constraint.first.start;
    case 'index':
      return element.index.first.start;
    default:
      return element.first.start;
  }
}

function dataType(node: DataTypeNode): DataType {
  return { name: node.name, args: node.args };
}

function indexColumn(column: { name: Token; descending: boolean }): IndexColumn {
  return { name: identifierName(column.name), descending: column.descending };
}

function sameObjectName(a: SchemaObject, b: SchemaObject): boolean {
  if (a.kind === 'insert' || b.kind === 'insert') return false;
  if (a.kind === 'index' && b.kind === 'index') return sameName(a.name, b.name) && sameQualifiedName(a.table, b.table);
  if (a.kind === 'index' || b.kind === 'index') return false;
  return sameQualifiedName(a.name, b.name);
}

/** A dotted name in raw tokens (for DROP statements, which the grammar does not model). */
function readName(tokens: readonly Token[], start: number): { name: QualifiedName; next: number } | undefined {
  const parts: string[] = [];
  let i = start;
  for (;;) {
    const token = tokens[i];
    if (!token || (token.kind !== 'word' && token.kind !== 'quoted-identifier')) return undefined;
    parts.push(identifierName(token));
    i++;
    if (tokens[i]?.text !== '.') break;
    i++;
  }
  const name = parts[parts.length - 1];
  return { name: parts.length >= 2 ? { schema: parts[parts.length - 2], name } : { name }, next: i };
}
