import type { Token } from '../sql/token.js';

/**
 * The parts of T-SQL schema statements that the model builder and the create-time checks
 * need. Every node keeps the tokens it came from, so a consumer can cut the exact source
 * text (`source.slice(first.start, last.end)`) and point diagnostics at the right place.
 */
export interface Span {
  first: Token;
  last: Token;
}

/** `[dbo].[t]`, `dbo.t`, `db..t`, `#temp`: parts as written, the last one is the object name. */
export interface NameNode extends Span {
  parts: Token[];
  /** The part before the object name, unquoted, when written. */
  schema?: string;
  name: string;
}

export interface DataTypeNode extends Span {
  /** Upper-case name; multi-word names joined by one space (`DOUBLE PRECISION`); a schema-qualified user type keeps its name only. */
  name: string;
  /** The name token(s), for diagnostics on unknown types. */
  nameToken: Token;
  /** True when the type was written with a schema (`dbo.MyType`): a user type, never checked against the built-ins. */
  qualified: boolean;
  args: string[];
}

/** An expression: its tokens and the function calls found inside it (for create-time checks). */
export interface ExpressionNode extends Span {
  /** Calls written as a bare name (`GETDATE()`, `datetime('now')`), not `dbo.f()` or `x.method()`. */
  builtinCalls: Token[];
}

export interface IndexColumnNode {
  name: Token;
  descending: boolean;
}

export interface KeyConstraintNode extends Span {
  kind: 'primary key' | 'unique';
  name?: Token;
  /** Empty for a column-level constraint: the column it is written on is meant. */
  columns: IndexColumnNode[];
  clustered?: boolean;
}

export interface ForeignKeyNode extends Span {
  kind: 'foreign key';
  name?: Token;
  /** Empty for a column-level REFERENCES. */
  columns: Token[];
  references: NameNode;
  referencedColumns: Token[];
  onDelete?: string;
  onUpdate?: string;
}

export interface CheckNode extends Span {
  kind: 'check';
  name?: Token;
  expression: ExpressionNode;
}

/** `CONSTRAINT DF_x DEFAULT (0) FOR col` (ALTER TABLE ... ADD only). */
export interface DefaultConstraintNode extends Span {
  kind: 'default';
  name?: Token;
  expression: ExpressionNode;
  column: Token;
}

export type ConstraintNode = KeyConstraintNode | ForeignKeyNode | CheckNode | DefaultConstraintNode;

export interface ColumnNode extends Span {
  name: Token;
  type?: DataTypeNode;
  computed?: { expression: ExpressionNode; persisted: boolean };
  identity?: { seed: string; increment: string; token: Token };
  /** true for NULL, false for NOT NULL, undefined when not written. */
  nullable?: boolean;
  default?: { expression: ExpressionNode; name?: Token; keyword: Token };
  collation?: Token;
  constraints: ConstraintNode[];
}

/** An inline `INDEX ix (...)` inside CREATE TABLE. */
export interface InlineIndexNode extends Span {
  name: Token;
  unique: boolean;
  clustered?: boolean;
  columns: IndexColumnNode[];
  include: Token[];
  where?: ExpressionNode;
}

/** One element between the parentheses of CREATE TABLE, with the comma that follows it (if any). */
export type TableElementNode =
  | { kind: 'column'; column: ColumnNode }
  | { kind: 'constraint'; constraint: ConstraintNode }
  | { kind: 'index'; index: InlineIndexNode }
  | { kind: 'period'; first: Token; last: Token };

export interface CreateTableNode extends Span {
  kind: 'create table';
  name: NameNode;
  elements: TableElementNode[];
}

export type AlterTableActionNode =
  | { kind: 'add column'; column: ColumnNode }
  | { kind: 'add constraint'; constraint: ConstraintNode }
  /** ALTER COLUMN c type [COLLATE x] [NULL | NOT NULL]: the column's new definition. */
  | { kind: 'alter column'; name: Token; type: DataTypeNode; nullable?: boolean; collation?: Token }
  /** DROP [COLUMN | CONSTRAINT] names. */
  | { kind: 'drop'; columns: Token[]; constraints: Token[] }
  | { kind: 'other' };

export interface AlterTableNode extends Span {
  kind: 'alter table';
  name: NameNode;
  actions: AlterTableActionNode[];
}

export interface CreateIndexNode extends Span {
  kind: 'create index';
  name: Token;
  table: NameNode;
  unique: boolean;
  clustered?: boolean;
  columns: IndexColumnNode[];
  include: Token[];
  where?: ExpressionNode;
}

export interface CreateViewNode extends Span {
  kind: 'create view';
  name: NameNode;
  /** `CREATE VIEW v (a, b)`: the output column names, when listed. */
  columns?: Token[];
  /** The SELECT after AS; undefined only when the statement is cut short. */
  query?: Span;
}

/** A procedure, function or trigger header (the body follows as statements of their own). */
export interface RoutineHeaderNode extends Span {
  kind: 'create routine';
  routine: 'procedure' | 'function' | 'trigger';
  name: NameNode;
  table?: NameNode;
}

export interface InsertNode extends Span {
  kind: 'insert';
  table: NameNode;
  columns: Token[];
  /** Present for INSERT ... VALUES: each row's values. */
  rows?: ExpressionNode[][];
  /** The VALUES keyword, for the row-count check. */
  valuesKeyword?: Token;
}

/** `IF OBJECT_ID(...) IS NULL`, `IF NOT EXISTS (...)`: creates what follows only when missing. */
export interface IfNode extends Span {
  kind: 'if';
  /** True when the condition says "only when the object does not exist". */
  guardsCreation: boolean;
}

export type TsqlNode =
  | CreateTableNode
  | AlterTableNode
  | CreateIndexNode
  | CreateViewNode
  | RoutineHeaderNode
  | InsertNode
  | IfNode;
