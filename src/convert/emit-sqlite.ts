import type {
  ColumnModel,
  ForeignKeyModel,
  IndexColumn,
  IndexModel,
  InsertModel,
  QualifiedName,
  RoutineModel,
  TableModel,
  ViewModel,
} from '../model/schema.js';
import { sameName } from '../model/schema.js';
import { formatType, toSqliteType, typeFamily } from '../model/type-mapping.js';
import {
  commentLines,
  commentedOut,
  displayName,
  expressionOrReport,
  isLiteralDefault,
  stripOuterParentheses,
  type EmitContext,
  type EmittedBlock,
} from './emit-support.js';
import { findTable } from '../model/find-table.js';
import { sqliteName } from './identifiers.js';

/**
 * Writes a schema model read from T-SQL as a SQLite script: one statement per object, in the
 * model's order, each preceded by the comments that described it. SQLite resolves foreign
 * keys when rows are written, not when tables are created, so the source order is kept.
 */
export function emitSqlite(context: EmitContext): EmittedBlock[] {
  const blocks: EmittedBlock[] = [{ lines: ['-- Converted from SQL Server (T-SQL) to SQLite by schema-lint convert.'] }];
  const indexNames = new Map<string, IndexModel | TableModel | ViewModel>();
  for (const object of context.model.objects) {
    switch (object.kind) {
      case 'table':
        blocks.push({ lines: tableBlock(context, object), ref: object.ref, what: `table ${displayName(object.name)}` });
        break;
      case 'index':
        blocks.push({ lines: indexBlock(context, object, indexNames), ref: object.ref, what: `index ${object.name}` });
        break;
      case 'view':
        blocks.push({ lines: viewBlock(context, object), ref: object.ref, what: `view ${displayName(object.name)}` });
        break;
      case 'insert':
        blocks.push({ lines: insertBlock(context, object), ref: object.ref, what: `the rows inserted into ${displayName(object.table)}` });
        break;
      default:
        blocks.push({ lines: routineBlock(context, object), ref: object.ref, what: `${object.kind} ${displayName(object.name)}` });
    }
  }
  return blocks;
}

function tableName(context: EmitContext, name: QualifiedName, ref: TableModel['ref']): string {
  if (name.schema && !sameName(name.schema, 'dbo')) {
    context.report.warn(ref, `the schema ${name.schema} of ${displayName(name)} is dropped: SQLite has no schemas.`);
  }
  return sqliteName(name.name);
}

function columnList(columns: readonly IndexColumn[]): string {
  return columns.map((column) => `${sqliteName(column.name)}${column.descending ? ' DESC' : ''}`).join(', ');
}

function tableBlock(context: EmitContext, table: TableModel): string[] {
  const lines = commentLines(table.comments);
  if (table.name.name.startsWith('#')) {
    context.report.warn(table.ref, `the temporary table ${table.name.name} is left out: it belongs to a script's session, not to the schema.`);
    return [];
  }
  if (table.columns.length === 0) {
    context.report.error(table.ref, `table ${displayName(table.name)} is left out: its columns are not known (CREATE TABLE ... AS SELECT, or a definition convert could not read).`);
    return [...lines, ...commentedOut(`CREATE TABLE ${displayName(table.name)} (...);`, 'columns unknown')];
  }
  const name = tableName(context, table.name, table.ref);
  const pk = table.primaryKey;
  // AUTOINCREMENT exists only on the column constraint `INTEGER PRIMARY KEY`: an IDENTITY column that is the whole key.
  const identityKey =
    pk && pk.columns.length === 1 ? table.columns.find((column) => column.identity && sameName(column.name, pk.columns[0].name)) : undefined;
  const definitions: string[][] = [];
  for (const column of table.columns) {
    definitions.push(columnDefinition(context, table, column, column === identityKey));
  }
  if (pk && !identityKey) {
    definitions.push([`    ${constraintPrefix(pk.name)}PRIMARY KEY (${columnList(pk.columns)})`]);
  }
  for (const unique of table.uniques) {
    definitions.push([`    ${constraintPrefix(unique.name)}UNIQUE (${columnList(unique.columns)})`]);
  }
  for (const key of table.foreignKeys) definitions.push([`    ${foreignKey(context, key)}`]);
  for (const check of table.checks) {
    const expression = expressionOrReport(context, stripOuterParentheses(check.expression, 'tsql'), 'check', table, {
      ref: check.ref,
      what: `CHECK ${check.name ?? ''}`.trimEnd(),
    });
    if (expression === undefined) {
      definitions.push(commentedOut(`CHECK (${check.expression})`, 'see the diagnostic').map((line) => `    ${line}`));
    } else {
      definitions.push([`    ${constraintPrefix(check.name)}CHECK (${expression})`]);
    }
  }
  lines.push(`CREATE TABLE ${table.guarded ? 'IF NOT EXISTS ' : ''}${name} (`);
  // Commas go after the last real line of each definition, never after a comment line.
  // A set, not a search of the list per definition (a table of 160,000 columns took 8.4 s).
  const real = new Set(definitions.filter((definition) => definition.some((line) => !line.trimStart().startsWith('--'))));
  const lastReal = [...real].pop();
  for (const definition of definitions) {
    const isReal = real.has(definition);
    const lastCode = findLastIndex(definition, (line) => !line.trimStart().startsWith('--'));
    definition.forEach((line, index) => {
      lines.push(isReal && index === lastCode && definition !== lastReal ? `${line},` : line);
    });
  }
  lines.push(');');
  return lines;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}

function constraintPrefix(name: string | undefined): string {
  return name ? `CONSTRAINT ${sqliteName(name)} ` : '';
}

function columnDefinition(context: EmitContext, table: TableModel, column: ColumnModel, identityKey: boolean): string[] {
  const lines = commentLines(column.comments, '    ');
  const parts = [sqliteName(column.name)];
  if (column.computed) {
    const expression = expressionOrReport(context, stripOuterParentheses(column.computed.expression, 'tsql'), 'computed', table, {
      ref: column.ref,
      what: `computed column ${column.name}`,
    });
    if (expression === undefined) {
      return [...lines, ...commentedOut(`${column.name} AS (${column.computed.expression})`, 'see the diagnostic').map((line) => `    ${line}`)];
    }
    if (column.type) parts.push(formatType(toSqliteType(column.type).type));
    parts.push(`GENERATED ALWAYS AS (${expression}) ${column.computed.persisted ? 'STORED' : 'VIRTUAL'}`);
    if (!column.nullable) parts.push('NOT NULL');
    return [...lines, `    ${parts.join(' ')}`];
  }
  if (identityKey) {
    if (column.identity && (column.identity.seed.trim() !== '1' || column.identity.increment.trim() !== '1')) {
      context.report.warn(
        column.ref,
        `IDENTITY(${column.identity.seed},${column.identity.increment}) on ${column.name} becomes AUTOINCREMENT, which starts at 1 and steps by 1.`,
      );
    }
    const pkName = table.primaryKey?.name;
    parts.push('INTEGER NOT NULL', `${constraintPrefix(pkName)}PRIMARY KEY AUTOINCREMENT`);
    return [...lines, `    ${parts.join(' ')}`];
  }
  const conversion = toSqliteType(column.type);
  if (conversion.type) parts.push(formatType(conversion.type).replace(/, /g, ','));
  if (!conversion.exact && conversion.note) context.report.warn(column.ref, `${column.name}: ${conversion.note}.`);
  if (typeFamily(column.type, 'tsql') === 'rowversion') {
    // SQL Server fills a rowversion itself; in SQLite nothing would, so NOT NULL would refuse every insert.
    context.report.warn(column.ref, `${column.name} is a ${formatType(column.type)} that SQL Server fills itself; in SQLite it is a plain BLOB that may be NULL.`);
    return [...lines, `    ${parts.join(' ')}`];
  }
  if (column.identity) {
    context.report.warn(
      column.ref,
      `IDENTITY on ${column.name} is dropped: SQLite numbers only an INTEGER PRIMARY KEY column, and ${column.name} is not the table's whole primary key.`,
    );
  }
  if (!column.nullable) parts.push('NOT NULL');
  if (column.default !== undefined) {
    const text = stripOuterParentheses(column.default, 'tsql');
    const expression = expressionOrReport(context, text, 'default', table, { ref: column.ref, what: `DEFAULT of ${column.name}` });
    if (expression !== undefined) parts.push(`DEFAULT ${isLiteralDefault(expression, 'sqlite') ? expression : `(${expression})`}`);
  }
  if (column.collation) {
    const collation = sqliteCollation(column.collation);
    if (collation) parts.push(`COLLATE ${collation}`);
  }
  return [...lines, `    ${parts.join(' ')}`];
}

/** SQL Server collations by what they mean for comparisons: case-insensitive ones are NOCASE. */
function sqliteCollation(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (upper.includes('_CI')) return 'NOCASE';
  return undefined;
}

function foreignKey(context: EmitContext, key: ForeignKeyModel): string {
  let text = `${constraintPrefix(key.name)}FOREIGN KEY (${key.columns.map(sqliteName).join(', ')}) REFERENCES ${sqliteName(key.references.name)}`;
  if (key.referencedColumns.length > 0) text += ` (${key.referencedColumns.map(sqliteName).join(', ')})`;
  if (key.onDelete && key.onDelete !== 'NO ACTION') text += ` ON DELETE ${key.onDelete}`;
  if (key.onUpdate && key.onUpdate !== 'NO ACTION') text += ` ON UPDATE ${key.onUpdate}`;
  if (!findTable(context.model, key.references)) {
    context.report.warn(key.ref, `the foreign key references ${displayName(key.references)}, which this file does not define.`);
  }
  return text;
}

function indexBlock(context: EmitContext, index: IndexModel, names: Map<string, IndexModel | TableModel | ViewModel>): string[] {
  const lines = commentLines(index.comments);
  const table = findTable(context.model, index.table);
  if (index.columns.length === 0) {
    context.report.error(index.ref, `index ${index.name} is left out: it names no columns (a columnstore or XML index has no SQLite equivalent).`);
    return [...lines, ...commentedOut(`CREATE INDEX ${index.name} ON ${displayName(index.table)};`, 'no key columns')];
  }
  const clash = names.get(index.name.toLowerCase());
  const text = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${index.guarded ? 'IF NOT EXISTS ' : ''}${sqliteName(index.name)} ON ${tableName(context, index.table, index.ref)} (${columnList(index.columns)})`;
  if (clash) {
    context.report.error(index.ref, `index ${index.name} is left out: SQLite index names are unique per database, and another index already has this name.`);
    return [...lines, ...commentedOut(`${text};`, 'duplicate index name')];
  }
  names.set(index.name.toLowerCase(), index);
  if (index.include.length > 0) lines.push(`-- INCLUDE (${index.include.join(', ')}) dropped: SQLite indexes have no included columns.`);
  if (index.where === undefined) return [...lines, `${text};`];
  const predicate = expressionOrReport(context, stripOuterParentheses(index.where, 'tsql'), 'predicate', table, {
    ref: index.ref,
    what: `the filter of index ${index.name}`,
  });
  if (predicate === undefined) return [...lines, ...commentedOut(`${text} WHERE ${index.where};`, 'see the diagnostic')];
  return [...lines, `${text} WHERE ${predicate};`];
}

function viewBlock(context: EmitContext, view: ViewModel): string[] {
  const lines = commentLines(view.comments);
  const query = expressionOrReport(context, view.query, 'query', undefined, { ref: view.ref, what: `view ${displayName(view.name)}` });
  const columns = context.viewColumns.get(view);
  const list = columns ? ` (${columns.map(sqliteName).join(', ')})` : '';
  const head = `CREATE VIEW ${view.guarded ? 'IF NOT EXISTS ' : ''}${tableName(context, view.name, view.ref)}${list} AS`;
  if (query === undefined) return [...lines, ...commentedOut(`${head}${context.newline}${view.query};`, 'see the diagnostic')];
  return [...lines, head, `${query};`];
}

function insertBlock(context: EmitContext, insert: InsertModel): string[] {
  const lines = commentLines(insert.comments);
  const table = findTable(context.model, insert.table);
  if (!table) {
    context.report.error(insert.ref, `the rows inserted into ${displayName(insert.table)} are left out: this file does not define that table.`);
    return [...lines, ...commentedOut(`INSERT INTO ${displayName(insert.table)} ... (${insert.rows.length} row(s));`, 'the table is not defined')];
  }
  const rows: string[] = [];
  for (const row of insert.rows) {
    const values: string[] = [];
    for (const value of row) {
      const translated = expressionOrReport(context, value, 'value', table, { ref: insert.ref, what: `a row inserted into ${displayName(insert.table)}` });
      if (translated === undefined) {
        return [...lines, ...commentedOut(`INSERT INTO ${displayName(insert.table)} ... VALUES (${row.join(', ')});`, 'see the diagnostic')];
      }
      values.push(translated);
    }
    rows.push(`(${values.join(', ')})`);
  }
  const columns = insert.columns.length > 0 ? ` (${insert.columns.map(sqliteName).join(', ')})` : '';
  const head = `INSERT INTO ${tableName(context, insert.table, insert.ref)}${columns} VALUES`;
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    lines.push(head, ...chunk.map((row, index) => `    ${row}${index === chunk.length - 1 ? ';' : ','}`));
  }
  return lines;
}

/** Rows per INSERT: below SQL Server's 1000 and SQLite's compound limits, so either engine runs it. */
export const ROWS_PER_INSERT = 500;

function routineBlock(context: EmitContext, routine: RoutineModel): string[] {
  const what = routine.kind === 'trigger' ? 'T-SQL trigger' : routine.kind === 'procedure' ? 'stored procedure' : 'T-SQL function';
  context.report.error(routine.ref, `${what} ${displayName(routine.name)} is left out (commented): its body is T-SQL code that SQLite cannot run.`);
  return [...commentLines(routine.comments), ...commentedOut(routine.text, `SQLite has no ${routine.kind === 'trigger' ? 'T-SQL triggers' : `${routine.kind}s`}`)];
}
