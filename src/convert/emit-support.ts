import type { ColumnModel, InsertModel, QualifiedName, SchemaModel, SourceRef, TableModel, ViewModel } from '../model/schema.js';
import { sameName, tablesOf } from '../model/schema.js';
import { findTable } from '../model/find-table.js';
import { NameLists } from '../model/name-lists.js';
import { perObjectList } from '../model/per-object-list.js';
import { findColumn } from '../model/table-lists.js';
import { typeFamily, type TypeFamily } from '../model/type-mapping.js';
import type { Dialect } from '../sql/dialect.js';
import { tokenize } from '../sql/lexer.js';
import { wrappingParenLayers } from '../sql/inside-parens.js';
import { isTrivia } from '../sql/token.js';
import type { ConvertReport } from './convert-diagnostic.js';
import { translateExpression, type ExpressionPosition, type NameLookup } from './expression.js';

/** What both emitters share while they write one converted file. */
export interface EmitContext {
  model: SchemaModel;
  from: Dialect;
  to: Dialect;
  report: ConvertReport;
  /** Line ending of the output (the input's). */
  newline: string;
  /** Column lists written after a view's name in the source (`CREATE VIEW v (a, b) AS`). */
  viewColumns: ReadonlyMap<ViewModel, string[]>;
  /** SQLite's conflict clause of an INSERT, as written: `INSERT OR IGNORE`, `REPLACE INTO`, ... */
  insertConflicts: ReadonlyMap<InsertModel, string>;
}

/** The lines written for one object, and the object, so a later check can point at it. */
export interface EmittedBlock {
  lines: string[];
  ref?: SourceRef;
  /** `table users`, `index ix_a`: how a diagnostic about the block names the object. */
  what?: string;
}

/** True when the block has code, not only comments. */
export function isExecutable(block: EmittedBlock): boolean {
  return block.lines.some((line) => line.trim() !== '' && !line.trimStart().startsWith('--'));
}

/**
 * Joins the blocks into the output text, a blank line between objects; T-SQL ends every
 * executable block with GO, so each statement is its own batch (CREATE VIEW must start one).
 */
export function renderBlocks(blocks: readonly EmittedBlock[], dialect: Dialect, newline: string): string {
  return (
    blocks
      .filter((block) => block.lines.length > 0)
      .map((block) => (dialect === 'tsql' && block.ref && isExecutable(block) ? [...block.lines, 'GO'] : block.lines).join(newline))
      .join(newline + newline) + newline
  );
}

/** Replaces a block's code by comments (its own comments stay as they are). */
export function commentOutBlock(block: EmittedBlock, reason: string): EmittedBlock {
  const firstCode = block.lines.findIndex((line) => line.trim() !== '' && !line.trimStart().startsWith('--'));
  if (firstCode < 0) return block;
  return { ...block, lines: [...block.lines.slice(0, firstCode), ...commentedOut(block.lines.slice(firstCode).join('\n'), reason)] };
}

/** Comments as the model keeps them (`-- x`, `/* x *\/`, or bare text) → `-- x` lines. */
export function commentLines(comments: readonly string[], indent = ''): string[] {
  const lines: string[] = [];
  for (const comment of comments) {
    let body = comment.trim();
    if (body.startsWith('--')) body = body.replace(/^--+/, '');
    else if (body.startsWith('/*')) body = body.replace(/^\/\*+/, '').replace(/\*+\/$/, '');
    for (const line of body.split(/\r\n|\r|\n/)) {
      const text = line.replace(/^\s*\*?\s?/, (prefix) => (prefix.includes('*') ? '' : prefix)).trimEnd();
      if (text.trim() === '') continue;
      lines.push(`${indent}-- ${text.trim()}`);
    }
  }
  return lines;
}

/** Removes parentheses that enclose the whole text: `((0))` → `0`. */
export function stripOuterParentheses(text: string, dialect: Dialect): string {
  const current = text.trim();
  const tokens = tokenize(current, dialect).filter((token) => !isTrivia(token));
  const parenAt = (i: number): number => (tokens[i].kind !== 'punctuation' ? 0 : tokens[i].text === '(' ? 1 : tokens[i].text === ')' ? -1 : 0);
  const layers = wrappingParenLayers(tokens.length, parenAt);
  return layers === 0 ? current : current.slice(tokens[layers - 1].end, tokens[tokens.length - layers].start).trim();
}

/** A default the target accepts without parentheses: a literal, a signed number, NULL. */
export function isLiteralDefault(text: string, dialect: Dialect): boolean {
  const tokens = tokenize(text, dialect).filter((token) => !isTrivia(token));
  // SQLite's grammar takes a signed number as a default; T-SQL output writes it as SSMS does, `DEFAULT (-1)`.
  const signed = tokens.length === 2 && tokens[0].kind === 'operator' && ['-', '+'].includes(tokens[0].text) && tokens[1].kind === 'number';
  if (signed && dialect === 'tsql') return false;
  const body = signed ? [tokens[1]] : tokens;
  if (body.length !== 1) return false;
  const only = body[0];
  if (only.kind === 'number' || only.kind === 'string' || only.kind === 'blob') return !only.error;
  if (only.kind !== 'word') return false;
  if (only.upper === 'NULL') return true;
  return dialect === 'sqlite' && ['CURRENT_TIMESTAMP', 'CURRENT_DATE', 'CURRENT_TIME', 'TRUE', 'FALSE'].includes(only.upper);
}

/** Names for expressions inside one table: its columns' families, every name of the schema. */
export function tableNames(context: EmitContext, table: TableModel | undefined): NameLookup {
  const known = schemaNameSet(context.model);
  return {
    isKnown: (name) => known.has(name.toLowerCase()),
    familyOf: (name) => {
      if (table) {
        // Through the list's index once it is long: a scan per name made `+` in the computed
        // columns of a wide table quadratic (16,000 such columns: 15.0 s).
        const column = findColumn(table, name);
        return column ? columnFamily(column, context.from) : undefined;
      }
      return familyAcrossSchema(context, name);
    },
  };
}

function columnFamily(column: ColumnModel, dialect: Dialect): TypeFamily | undefined {
  if (column.computed && !column.type) return undefined;
  return typeFamily(column.type, dialect);
}

/** In a view, a column name means the same family in every table that has it, or nothing is known. */
function familyAcrossSchema(context: EmitContext, name: string): TypeFamily | undefined {
  const columns = schemaColumns(context.model);
  // Keyed by the name alone: a model is read in one dialect, the one convert reads from.
  if (columns.families.has(name)) return columns.families.get(name);
  let found: TypeFamily | undefined;
  for (const column of columns.byName.get(name)) {
    if (!sameName(column.name, name)) continue;
    const family = columnFamily(column, context.from);
    if (found !== undefined && family !== found) {
      found = undefined;
      break;
    }
    found = family;
  }
  columns.families.set(name, found);
  return found;
}

/** Every table's columns by name (tables and columns in model order), and the answers of familyAcrossSchema so far. */
interface SchemaColumns {
  byName: NameLists<ColumnModel>;
  families: Map<string, TypeFamily | undefined>;
}

/**
 * The schema's columns, indexed once per model. Going through every table's columns for each
 * name in a view's expressions made a schema of many views quadratic, and more so when every
 * table has a column of that name: 8,000 tables with a view each took 112 s to convert (1,000: 2.0 s).
 */
const schemaColumns = perObjectList(
  (model): SchemaColumns => ({
    byName: NameLists.of(
      tablesOf(model).flatMap((table) => table.columns),
      (column) => column.name,
    ),
    families: new Map(),
  }),
);

const nameSets = new WeakMap<SchemaModel, Set<string>>();

function schemaNameSet(model: SchemaModel): Set<string> {
  let names = nameSets.get(model);
  if (!names) {
    names = new Set<string>();
    for (const object of model.objects) {
      if (object.kind === 'table') {
        names.add(object.name.name.toLowerCase());
        for (const column of object.columns) names.add(column.name.toLowerCase());
      } else if (object.kind === 'view') {
        names.add(object.name.name.toLowerCase());
      }
    }
    nameSets.set(model, names);
  }
  return names;
}

/** Translates one expression, or reports why not and returns undefined. */
export function expressionOrReport(
  context: EmitContext,
  text: string,
  position: ExpressionPosition,
  table: TableModel | undefined,
  where: { ref: SourceRef; what: string },
): string | undefined {
  const result = translateExpression(text, { from: context.from, to: context.to, position, names: tableNames(context, table) });
  if (result.ok) return result.text;
  context.report.error(where.ref, `${where.what} not converted: ${result.reason}.`);
  return undefined;
}

/** Every line of a statement that cannot be converted, as comments, so nothing is lost or run. */
export function commentedOut(text: string, reason: string): string[] {
  return [`-- schema-lint convert: not converted (${reason}):`, ...text.split(/\r\n|\r|\n/).map((line) => `-- ${line}`.trimEnd())];
}

/** Columns that take part in a key, an index or a foreign key, by table: SQL Server cannot index MAX types. */
export function keyColumns(model: SchemaModel): Map<TableModel, Set<string>> {
  const result = new Map<TableModel, Set<string>>();
  const add = (table: TableModel | undefined, name: string): void => {
    if (!table) return;
    let set = result.get(table);
    if (!set) result.set(table, (set = new Set()));
    set.add(name.toLowerCase());
  };
  for (const object of model.objects) {
    if (object.kind === 'table') {
      for (const column of object.primaryKey?.columns ?? []) add(object, column.name);
      for (const unique of object.uniques) for (const column of unique.columns) add(object, column.name);
      for (const key of object.foreignKeys) {
        for (const column of key.columns) add(object, column);
        const parent = findTable(model, key.references);
        for (const column of key.referencedColumns) add(parent, column);
        if (key.referencedColumns.length === 0) for (const column of parent?.primaryKey?.columns ?? []) add(parent, column.name);
      }
    } else if (object.kind === 'index') {
      const table = findTable(model, object.table);
      for (const column of object.columns) add(table, column.name);
    }
  }
  return result;
}

export function displayName(name: QualifiedName): string {
  return name.schema ? `${name.schema}.${name.name}` : name.name;
}
