import type { Dialect } from '../sql/dialect.js';

/**
 * The schema model: what a schema file defines, independent of how its dialect spells it.
 * Both dialects' DDL parsers build it; `convert` emits it in the other dialect and `parity`
 * compares two of them. Names are kept as written (unquoted); compare them with `sameName`.
 */

/** Where an object was defined, for diagnostics that point at it. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
  /** UTF-16 offset of the object's first token. */
  offset: number;
}

export interface QualifiedName {
  /** `dbo` in `[dbo].[t]`; undefined when not written. */
  schema?: string;
  name: string;
}

export interface DataType {
  /** Upper-case base name as written: `NVARCHAR`, `INTEGER`, `DOUBLE PRECISION`, `INT IDENTITY` is never a type. */
  name: string;
  /** Arguments as written: `['MAX']`, `['50']`, `['18', '2']`. */
  args: string[];
}

export type ReferentialAction = 'CASCADE' | 'SET NULL' | 'SET DEFAULT' | 'NO ACTION' | 'RESTRICT';

export interface ColumnModel {
  name: string;
  /** Undefined for a SQLite column declared without a type, and for T-SQL computed columns. */
  type?: DataType;
  /** False when the column is declared NOT NULL (or is a T-SQL PRIMARY KEY column). */
  nullable: boolean;
  /** The DEFAULT expression's source text, outer parentheses kept as written. */
  default?: string;
  /** T-SQL IDENTITY(seed, increment); SQLite INTEGER PRIMARY KEY AUTOINCREMENT maps to { 1, 1 }. */
  identity?: { seed: string; increment: string };
  /** SQLite's AUTOINCREMENT keyword was written. */
  autoincrement?: boolean;
  /** Computed / generated column. */
  computed?: { expression: string; persisted: boolean };
  collation?: string;
  /** Comments on the lines just above the column or after it on its line. */
  comments: string[];
  ref: SourceRef;
}

export interface IndexColumn {
  name: string;
  descending: boolean;
}

export interface KeyConstraint {
  name?: string;
  columns: IndexColumn[];
  /** T-SQL CLUSTERED / NONCLUSTERED; undefined when not written. */
  clustered?: boolean;
  ref: SourceRef;
}

export interface ForeignKeyModel {
  name?: string;
  columns: string[];
  references: QualifiedName;
  referencedColumns: string[];
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
  ref: SourceRef;
}

export interface CheckModel {
  name?: string;
  expression: string;
  ref: SourceRef;
}

export interface TableModel {
  kind: 'table';
  name: QualifiedName;
  columns: ColumnModel[];
  primaryKey?: KeyConstraint;
  uniques: KeyConstraint[];
  foreignKeys: ForeignKeyModel[];
  checks: CheckModel[];
  /** Created only when missing: SQLite IF NOT EXISTS, T-SQL IF OBJECT_ID(...) IS NULL guard. */
  guarded: boolean;
  /** SQLite WITHOUT ROWID / STRICT. */
  withoutRowid?: boolean;
  strict?: boolean;
  comments: string[];
  ref: SourceRef;
}

export interface IndexModel {
  kind: 'index';
  name: string;
  table: QualifiedName;
  unique: boolean;
  columns: IndexColumn[];
  /** T-SQL INCLUDE (...) columns. */
  include: string[];
  /** Filtered (T-SQL) / partial (SQLite) index predicate, source text. */
  where?: string;
  clustered?: boolean;
  guarded: boolean;
  comments: string[];
  ref: SourceRef;
}

export interface ViewModel {
  kind: 'view';
  name: QualifiedName;
  /** The SELECT that defines the view, source text. */
  query: string;
  /** Output column names from an explicit list, `CREATE VIEW v (a, b) AS ...`; undefined when the SELECT names them. */
  columns?: string[];
  guarded: boolean;
  comments: string[];
  ref: SourceRef;
}

/** Objects whose bodies are procedural code: kept for reporting, never converted blindly. */
export interface RoutineModel {
  kind: 'procedure' | 'function' | 'trigger';
  name: QualifiedName;
  /** The table a trigger fires on. */
  table?: QualifiedName;
  text: string;
  comments: string[];
  ref: SourceRef;
}

/** Seed data: INSERT ... VALUES with literal rows. */
export interface InsertModel {
  kind: 'insert';
  table: QualifiedName;
  columns: string[];
  /** Each row's values as source text. */
  rows: string[][];
  comments: string[];
  ref: SourceRef;
}

export type SchemaObject = TableModel | IndexModel | ViewModel | RoutineModel | InsertModel;

export interface SchemaModel {
  dialect: Dialect;
  /** Every object in the order the files define it; ALTER TABLE changes are applied to their table. */
  objects: SchemaObject[];
}

/**
 * Empties a table's details (columns, keys, checks, comments), keeping its name and place: a
 * big file's table list keeps no more (see LintPassModel). A list already empty is kept: a
 * table list's tables are mostly built without details, and each would otherwise get five new
 * arrays.
 */
export function clearDetails(table: TableModel): void {
  if (table.columns.length > 0) table.columns = [];
  if (table.uniques.length > 0) table.uniques = [];
  if (table.foreignKeys.length > 0) table.foreignKeys = [];
  if (table.checks.length > 0) table.checks = [];
  if (table.comments.length > 0) table.comments = [];
  delete table.primaryKey;
}

/** The bare name of a named object: an index's own name, any other object's unqualified name; undefined for an INSERT's rows. */
export function objectName(object: Exclude<SchemaObject, { kind: 'insert' }>): string;
export function objectName(object: SchemaObject): string | undefined;
export function objectName(object: SchemaObject): string | undefined {
  if (object.kind === 'insert') return undefined;
  return object.kind === 'index' ? object.name : object.name.name;
}

export function tablesOf(model: SchemaModel): TableModel[] {
  return model.objects.filter((object): object is TableModel => object.kind === 'table');
}

export function indexesOf(model: SchemaModel): IndexModel[] {
  return model.objects.filter((object): object is IndexModel => object.kind === 'index');
}

/**
 * One collator for every comparison: `localeCompare` with options builds a new one per call,
 * which made model building and parity quadratic in practice. Made on first use: creating it
 * costs ~10 ms of start-up, and runs whose names are all plain ASCII never need it.
 */
let nameCollator: Intl.Collator | undefined;

/** Both engines compare names case-insensitively (SQL Server's default collation, SQLite always for ASCII). */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  // Printable ASCII collates by letter case alone (no ignorable or contracting characters), so
  // lower-casing decides exactly what the collator would, at a small fraction of its cost.
  if (isPlainName(a) && isPlainName(b)) return a.length === b.length && a.toLowerCase() === b.toLowerCase();
  return collateNames(a, b) === 0;
}

/** A name in printable ASCII, which sameName compares by lower-casing. */
export function isPlainName(name: string): boolean {
  return PRINTABLE_ASCII.test(name);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The order sameName's collator puts names in: 0 exactly when sameName holds (for two plain
 * names, exactly when they lower-case alike). A total order, so a sorted list of names beyond
 * ASCII can be searched by halves (see NameLists).
 */
export function collateNames(a: string, b: string): number {
  return (nameCollator ??= new Intl.Collator('en', { sensitivity: 'accent' })).compare(a, b);
}

/** `dbo` is SQL Server's default schema; SQLite has none. Two names match when their bare names match and neither names another schema. */
export function sameQualifiedName(a: QualifiedName, b: QualifiedName): boolean {
  const schemaA = a.schema && !sameName(a.schema, 'dbo') ? a.schema : undefined;
  const schemaB = b.schema && !sameName(b.schema, 'dbo') ? b.schema : undefined;
  if (schemaA && schemaB && !sameName(schemaA, schemaB)) return false;
  return sameName(a.name, b.name);
}

