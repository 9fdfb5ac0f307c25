import type {
  ColumnModel,
  ForeignKeyModel,
  IndexColumn,
  IndexModel,
  InsertModel,
  KeyConstraint,
  QualifiedName,
  RoutineModel,
  SchemaModel,
  TableModel,
  ViewModel,
} from '../model/schema.js';
import { sameName, tablesOf } from '../model/schema.js';
import { ColumnSetIndex } from '../model/column-set-index.js';
import { NameLists } from '../model/name-lists.js';
import { perObjectList } from '../model/per-object-list.js';
import { formatType, toTsqlType, typeFamily } from '../model/type-mapping.js';
import type { DataType } from '../model/schema.js';
import {
  commentLines,
  commentedOut,
  displayName,
  expressionOrReport,
  isLiteralDefault,
  keyColumns,
  stripOuterParentheses,
  type EmitContext,
  type EmittedBlock,
} from './emit-support.js';
import { findTable } from '../model/find-table.js';
import { ROWS_PER_INSERT } from './emit-sqlite.js';
import { bracket, isReservedIn, stringLiteral } from './identifiers.js';
import { tokenize } from '../sql/lexer.js';
import { isTrivia, type Token } from '../sql/token.js';
import { sqliteResultNames } from './view-columns.js';
import { CascadePaths } from './cascade-paths.js';

/**
 * Writes a schema model read from SQLite as a T-SQL script in the style of a hand-written
 * migration: every statement its own batch (`GO`), `IF OBJECT_ID(...) IS NULL` guards for
 * `IF NOT EXISTS`, bracketed names. SQL Server checks a foreign key's table when the key is
 * created, so a key to a table defined later is added by ALTER TABLE after all tables.
 */
export function emitTsql(context: EmitContext): EmittedBlock[] {
  const blocks: EmittedBlock[] = [{ lines: ['-- Converted from SQLite to SQL Server (T-SQL) by schema-lint convert.'] }];
  const keys = keyColumns(context.model);
  const created = new Set<string>();
  const deferredKeys: { table: TableModel; key: ForeignKeyModel }[] = [];
  const constraintNames = new Set<string>();
  for (const object of context.model.objects) {
    switch (object.kind) {
      case 'table': {
        const later = object.foreignKeys.filter(
          (key) => !sameName(key.references.name, object.name.name) && !created.has(key.references.name.toLowerCase()),
        );
        for (const key of later) deferredKeys.push({ table: object, key });
        const nullable = nullableUniques(context, object);
        const lines = tableBlock(context, object, keys.get(object) ?? new Set(), later, nullable, constraintNames);
        blocks.push({ lines, ref: object.ref, what: `table ${displayName(object.name)}` });
        for (const unique of nullable) {
          blocks.push({ lines: nullableUniqueIndex(object, unique), ref: unique.ref, what: `the UNIQUE constraint of ${displayName(object.name)}` });
        }
        created.add(object.name.name.toLowerCase());
        break;
      }
      case 'index':
        blocks.push({ lines: indexBlock(context, object), ref: object.ref, what: `index ${object.name}` });
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
  // The keys go right after the last table, before indexes, views and rows that may rely on them.
  const lastTable = blocks.reduce((last, block, index) => (block.what?.startsWith('table ') ? index : last), 0);
  const keyBlocks: EmittedBlock[] = [];
  for (const { table, key } of deferredKeys) {
    const statement = `ALTER TABLE ${tableName(table.name)} ADD ${foreignKey(context, table, key, constraintNames)};`;
    const what = `the foreign key of ${displayName(table.name)} to ${displayName(key.references)}`;
    if (findTable(context.model, key.references)) {
      keyBlocks.push({ lines: [statement], ref: key.ref, what });
    } else {
      // SQLite checks the parent table only when rows are written; SQL Server refuses the key at once (Msg 1767).
      context.report.error(key.ref, `the foreign key to ${displayName(key.references)} is left out (commented): this file does not define that table, and SQL Server refuses a key to a missing table.`);
      keyBlocks.push({ lines: commentedOut(statement, 'the referenced table is not defined'), ref: key.ref, what });
    }
  }
  // Not a splice of the keys spread as arguments: 130,000 deferred keys overflowed the stack.
  return [...blocks.slice(0, lastTable + 1), ...keyBlocks, ...blocks.slice(lastTable + 1)];
}

/** SQLite's only schemas are `main` and `temp` (attached databases): the T-SQL default schema stands in. */
function tableName(name: QualifiedName): string {
  return bracket(name.name);
}

function columnList(columns: readonly IndexColumn[]): string {
  return columns.map((column) => `${bracket(column.name)}${column.descending ? ' DESC' : ''}`).join(', ');
}

/** SQL Server constraint names are unique per schema; SQLite's need not be. A repeated one is dropped. */
function constraintPrefix(context: EmitContext, name: string | undefined, ref: TableModel['ref'], names: Set<string>): string {
  if (!name) return '';
  const key = name.toLowerCase();
  if (names.has(key)) {
    context.report.warn(ref, `the constraint name ${name} is used twice; SQL Server needs unique names, so this one is left unnamed.`);
    return '';
  }
  names.add(key);
  return `CONSTRAINT ${bracket(name)} `;
}

/** SQLite's rowid alias: `INTEGER PRIMARY KEY` (any case), the table's whole key, ascending. */
function isRowidAlias(table: TableModel, column: ColumnModel): boolean {
  const pk = table.primaryKey;
  return (
    !table.withoutRowid &&
    column.type?.name.toUpperCase() === 'INTEGER' &&
    pk !== undefined &&
    pk.columns.length === 1 &&
    !pk.columns[0].descending &&
    sameName(pk.columns[0].name, column.name)
  );
}

export function isIdentityColumn(table: TableModel, column: ColumnModel): boolean {
  return column.identity !== undefined || column.autoincrement === true || isRowidAlias(table, column);
}

function tableBlock(
  context: EmitContext,
  table: TableModel,
  keyed: Set<string>,
  deferred: readonly ForeignKeyModel[],
  nullableUniqueList: readonly KeyConstraint[],
  constraintNames: Set<string>,
): string[] {
  const lines = commentLines(table.comments);
  if (table.columns.length === 0) {
    context.report.error(table.ref, `table ${displayName(table.name)} is left out: its columns are not known (CREATE TABLE ... AS SELECT, or a definition convert could not read).`);
    return [...lines, ...commentedOut(`CREATE TABLE ${displayName(table.name)} (...);`, 'columns unknown')];
  }
  const pkNames = new Set((table.primaryKey?.columns ?? []).map((column) => column.name.toLowerCase()));
  const definitions: string[][] = table.columns.map((column) => columnDefinition(context, table, column, keyed, pkNames));
  if (table.primaryKey) {
    definitions.push([`    ${keyConstraint(context, table, table.primaryKey, 'PRIMARY KEY', constraintNames)}`]);
  }
  // Sets: a table may have thousands of UNIQUEs or keys, and a list's `includes` per one made that quadratic.
  const indexedUniques = new Set(nullableUniqueList);
  for (const unique of table.uniques) {
    if (!indexedUniques.has(unique)) definitions.push([`    ${keyConstraint(context, table, unique, 'UNIQUE', constraintNames)}`]);
  }
  const addedLater = new Set(deferred);
  for (const key of table.foreignKeys) {
    if (!addedLater.has(key)) definitions.push([`    ${foreignKey(context, table, key, constraintNames)}`]);
  }
  for (const check of table.checks) {
    const expression = expressionOrReport(context, stripOuterParentheses(check.expression, 'sqlite'), 'check', table, {
      ref: check.ref,
      what: `CHECK ${check.name ?? ''}`.trimEnd(),
    });
    if (expression === undefined) {
      definitions.push(commentedOut(`CHECK (${check.expression})`, 'see the diagnostic').map((line) => `    ${line}`));
    } else {
      definitions.push([`    ${constraintPrefix(context, check.name, check.ref, constraintNames)}CHECK (${expression})`]);
    }
  }
  if (table.withoutRowid || table.strict) {
    lines.push(`-- ${[table.withoutRowid ? 'WITHOUT ROWID' : '', table.strict ? 'STRICT' : ''].filter(Boolean).join(', ')} dropped: SQLite storage options.`);
  }
  if (table.guarded) lines.push(`IF OBJECT_ID(${stringLiteral('tsql', table.name.name).replace(/^'/, "N'")}, N'U') IS NULL`);
  lines.push(`CREATE TABLE ${tableName(table.name)} (`);
  const real = definitions.filter((definition) => definition.some((line) => !line.trimStart().startsWith('--')));
  const lastReal = real[real.length - 1];
  for (const definition of definitions) {
    let lastCode = -1;
    definition.forEach((line, index) => {
      if (!line.trimStart().startsWith('--')) lastCode = index;
    });
    definition.forEach((line, index) => lines.push(index === lastCode && definition !== lastReal ? `${line},` : line));
  }
  lines.push(');');
  return lines;
}

/**
 * UNIQUE over a column that may be NULL: SQLite lets any number of rows hold NULL there, SQL
 * Server's constraint only one. A unique index filtered to the rows without NULLs keeps
 * SQLite's rule, except where a foreign key references the columns (SQL Server requires a
 * constraint or an unfiltered index for that).
 *
 * Each UNIQUE's columns are found through a lookup of the table's columns, and the keys that
 * reference the table through an index of their column lists: a scan of both per UNIQUE, with
 * the whole answer worked out again for each UNIQUE, made a table of n UNIQUE columns cost n³
 * comparisons (800: 11.9 s).
 */
function nullableUniques(context: EmitContext, table: TableModel): KeyConstraint[] {
  if (table.uniques.length === 0) return [];
  const columns = NameLists.of(table.columns, (column) => column.name);
  const columnNamed = (name: string): ColumnModel | undefined => columns.get(name).find((column) => sameName(column.name, name));
  const referencing = keysReferencing(context.model, table).filter((key) => sameName(key.references.name, table.name.name));
  const referenced = referencing.length > 0 ? new ColumnSetIndex(referencing.map((key) => key.referencedColumns)) : undefined;
  return table.uniques.filter((unique) => {
    const names = unique.columns.map((column) => column.name);
    if (names.every((name) => columnNamed(name)?.nullable === false)) return false;
    return referenced === undefined || referenced.firstSameList(names) === -1;
  });
}

/**
 * Every table's foreign keys by the name of the table each references, made once per model: a
 * scan of every table's keys for each UNIQUE made a schema of tables that each have a nullable
 * UNIQUE quadratic (8,000 such tables: 17.8 s, 1,000: 0.52 s).
 */
const keysByReferencedName = perObjectList((model) =>
  NameLists.of(
    tablesOf(model).flatMap((table) => table.foreignKeys),
    (key) => key.references.name,
  ),
);

/** The foreign keys that may reference `table` (by its bare name, as nullableUniques compares). */
function keysReferencing(model: SchemaModel, table: TableModel): readonly ForeignKeyModel[] {
  return keysByReferencedName(model).get(table.name.name);
}

function nullableUniqueIndex(table: TableModel, unique: KeyConstraint): string[] {
  const name = unique.name ?? `UX_${table.name.name}_${unique.columns.map((column) => column.name).join('_')}`;
  const filter = unique.columns.map((column) => `${bracket(column.name)} IS NOT NULL`).join(' AND ');
  return [
    '-- UNIQUE over columns that may be NULL: SQLite allows many NULLs, so the index leaves those rows out.',
    `CREATE UNIQUE INDEX ${bracket(name)} ON ${tableName(table.name)} (${columnList(unique.columns)}) WHERE ${filter};`,
  ];
}

function keyConstraint(context: EmitContext, table: TableModel, key: KeyConstraint, kind: string, names: Set<string>): string {
  return `${constraintPrefix(context, key.name, key.ref, names)}${kind} (${columnList(key.columns)})`;
}

function columnType(context: EmitContext, table: TableModel, column: ColumnModel, keyed: Set<string>): DataType {
  const conversion = toTsqlType(column.type);
  if (!conversion.exact && conversion.note) context.report.warn(column.ref, `${column.name}: ${conversion.note}.`);
  const type = conversion.type as DataType;
  if (type.args[0]?.toUpperCase() === 'MAX' && keyed.has(column.name.toLowerCase())) {
    // SQL Server cannot use a MAX type in a key or an index: 450 characters is its key-size limit for NVARCHAR.
    const keyType: DataType = type.name === 'VARBINARY' ? { name: 'VARBINARY', args: ['900'] } : { name: 'NVARCHAR', args: ['450'] };
    context.report.warn(
      column.ref,
      `${column.name} is part of a key or an index, so ${formatType(column.type)} becomes ${formatType(keyType)} (SQL Server cannot index ${formatType(type)}).`,
    );
    return keyType;
  }
  if ((type.name === 'DECIMAL' || type.name === 'NUMERIC') && type.args.length > 0) {
    // SQL Server's precision is 1..38 and its scale 0..precision; SQLite accepts any numbers there.
    const precision = Number(type.args[0]);
    const scale = Number(type.args[1] ?? '0');
    if (!(precision >= 1 && precision <= 38 && scale >= 0 && scale <= precision)) {
      const fitted: DataType = { name: type.name, args: ['38', String(Math.min(Math.max(scale, 0), 38))] };
      context.report.warn(column.ref, `${column.name}: ${formatType(type)} is outside SQL Server's precision (1 to 38), so it becomes ${formatType(fitted)}.`);
      return fitted;
    }
  }
  return type;
}

function columnDefinition(context: EmitContext, table: TableModel, column: ColumnModel, keyed: Set<string>, pkNames: Set<string>): string[] {
  const lines = commentLines(column.comments, '    ');
  const parts = [bracket(column.name)];
  if (column.computed) {
    const expression = expressionOrReport(context, stripOuterParentheses(column.computed.expression, 'sqlite'), 'computed', table, {
      ref: column.ref,
      what: `generated column ${column.name}`,
    });
    if (expression === undefined) {
      return [...lines, ...commentedOut(`${column.name} GENERATED ALWAYS AS (${column.computed.expression})`, 'see the diagnostic').map((line) => `    ${line}`)];
    }
    parts.push(`AS (${expression})`);
    if (column.computed.persisted) parts.push('PERSISTED');
    if (column.computed.persisted && !column.nullable) parts.push('NOT NULL');
    return [...lines, `    ${parts.join(' ')}`];
  }
  const type = columnType(context, table, column, keyed);
  parts.push(formatType(type).replace(/, /g, ','));
  const identity = isIdentityColumn(table, column);
  if (identity) {
    if (typeFamily(type, 'tsql') !== 'integer') {
      context.report.warn(column.ref, `${column.name} is numbered by SQLite but its type ${formatType(type)} cannot be an IDENTITY in SQL Server.`);
    } else {
      parts.push(`IDENTITY(${column.identity?.seed ?? '1'},${column.identity?.increment ?? '1'})`);
    }
  }
  if (column.collation) {
    const collation = tsqlCollation(column.collation);
    if (collation && typeFamily(type, 'tsql') === 'text') parts.push(`COLLATE ${collation}`);
  }
  parts.push(!column.nullable || pkNames.has(column.name.toLowerCase()) ? 'NOT NULL' : 'NULL');
  if (column.default !== undefined && !identity) {
    const text = stripOuterParentheses(column.default, 'sqlite');
    const expression = expressionOrReport(context, text, 'default', table, { ref: column.ref, what: `DEFAULT of ${column.name}` });
    if (expression !== undefined) parts.push(`DEFAULT ${isLiteralDefault(expression, 'tsql') ? expression : `(${expression})`}`);
  }
  return [...lines, `    ${parts.join(' ')}`];
}

function tsqlCollation(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (upper === 'NOCASE') return 'SQL_Latin1_General_CP1_CI_AS';
  if (upper === 'BINARY') return 'Latin1_General_BIN2';
  return undefined; // RTRIM: SQL Server already ignores trailing spaces when it compares strings.
}

function foreignKey(context: EmitContext, table: TableModel, key: ForeignKeyModel, names: Set<string>): string {
  const parent = findTable(context.model, key.references);
  const referenced = key.referencedColumns.length > 0 ? key.referencedColumns : (parent?.primaryKey?.columns.map((column) => column.name) ?? []);
  let text = `${constraintPrefix(context, key.name, key.ref, names)}FOREIGN KEY (${key.columns.map(bracket).join(', ')}) REFERENCES ${tableName(key.references)}`;
  if (referenced.length > 0) text += ` (${referenced.map(bracket).join(', ')})`;
  text += action(context, table, key, 'DELETE', key.onDelete);
  text += action(context, table, key, 'UPDATE', key.onUpdate);
  return text;
}

const cascadeGraphs = new WeakMap<EmitContext, Record<'DELETE' | 'UPDATE', CascadePaths>>();

function action(context: EmitContext, table: TableModel, key: ForeignKeyModel, event: 'DELETE' | 'UPDATE', value: ForeignKeyModel['onDelete']): string {
  if (!value || value === 'NO ACTION' || value === 'RESTRICT') return '';
  let graphs = cascadeGraphs.get(context);
  if (!graphs) cascadeGraphs.set(context, (graphs = { DELETE: new CascadePaths(), UPDATE: new CascadePaths() }));
  if (sameName(key.references.name, table.name.name)) {
    // SQL Server refuses cascading actions on a key that references its own table (Msg 1785).
    context.report.warn(key.ref, `ON ${event} ${value} on a key to its own table becomes NO ACTION: SQL Server rejects it as a cycle.`);
    return '';
  }
  if (!graphs[event].tryAdd(key.references.name, table.name.name)) {
    context.report.warn(
      key.ref,
      `ON ${event} ${value} to ${displayName(key.references)} becomes NO ACTION: with the keys before it, SQL Server would see cycles or multiple cascade paths (Msg 1785).`,
    );
    return '';
  }
  return ` ON ${event} ${value}`;
}

function indexBlock(context: EmitContext, index: IndexModel): string[] {
  const lines = commentLines(index.comments);
  const table = findTable(context.model, index.table);
  const unknown = index.columns.find((column) => !table?.columns.some((candidate) => sameName(candidate.name, column.name)));
  if (index.columns.length === 0) {
    context.report.error(index.ref, `index ${index.name} is left out: it names no columns.`);
    return [...lines, ...commentedOut(`CREATE INDEX ${index.name} ON ${displayName(index.table)};`, 'no key columns')];
  }
  const create = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${bracket(index.name)} ON ${tableName(index.table)} (${columnList(index.columns)})`;
  if (!table || unknown) {
    context.report.error(
      index.ref,
      table
        ? `index ${index.name} is left out: ${unknown?.name} is not a column of ${displayName(index.table)} (SQL Server cannot index an expression).`
        : `index ${index.name} is left out: its table ${displayName(index.table)} is not defined in this file.`,
    );
    return [...lines, ...commentedOut(`${create};`, 'see the diagnostic')];
  }
  let statement = create;
  if (index.where !== undefined) {
    const predicate = expressionOrReport(context, stripOuterParentheses(index.where, 'sqlite'), 'predicate', table, {
      ref: index.ref,
      what: `the WHERE of index ${index.name}`,
    });
    if (predicate === undefined) return [...lines, ...commentedOut(`${create} WHERE ${index.where};`, 'see the diagnostic')];
    if (!isSimpleFilter(predicate)) {
      context.report.error(index.ref, `index ${index.name} is left out: SQL Server's filtered indexes allow only simple comparisons joined by AND.`);
      return [...lines, ...commentedOut(`${create} WHERE ${index.where};`, 'filter too complex for SQL Server')];
    }
    statement += ` WHERE ${predicate}`;
  }
  if (index.guarded) {
    lines.push(
      `IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = ${stringLiteral('tsql', index.name).replace(/^'/, "N'")} AND object_id = OBJECT_ID(${stringLiteral('tsql', index.table.name).replace(/^'/, "N'")}))`,
    );
  }
  return [...lines, `${statement};`];
}

/**
 * SQL Server's filtered-index predicate grammar: conjuncts joined by AND, each `column op
 * constant`, `column IS [NOT] NULL` or `column IN (constant, ...)`. Anything else (OR, NOT,
 * functions, a constant on the left) is refused by SQL Server when the index is created.
 */
export function isSimpleFilter(predicate: string): boolean {
  const tokens = tokenize(predicate, 'tsql').filter((token) => !isTrivia(token));
  const conjuncts: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'word' && token.upper === 'AND') conjuncts.push([]);
    else conjuncts[conjuncts.length - 1].push(token);
  }
  return conjuncts.every(isSimpleConjunct);
}

const FILTER_OPERATORS = new Set(['=', '<>', '!=', '>', '>=', '!>', '<', '<=', '!<']);

function isSimpleConjunct(tokens: readonly Token[]): boolean {
  const [column, operator, ...rest] = tokens;
  if (!column || !(column.kind === 'quoted-identifier' || (column.kind === 'word' && !isReservedIn('tsql', column.text)))) return false;
  if (operator?.kind === 'operator' && FILTER_OPERATORS.has(operator.text)) return isConstant(rest);
  if (operator?.kind === 'word' && operator.upper === 'IS') {
    return (rest.length === 1 && rest[0].upper === 'NULL') || (rest.length === 2 && rest[0].upper === 'NOT' && rest[1].upper === 'NULL');
  }
  if (operator?.kind === 'word' && operator.upper === 'IN') {
    if (rest[0]?.text !== '(' || rest[rest.length - 1]?.text !== ')') return false;
    const inner = rest.slice(1, -1);
    const values: Token[][] = [[]];
    for (const token of inner) {
      if (token.kind === 'punctuation' && token.text === ',') values.push([]);
      else values[values.length - 1].push(token);
    }
    return values.every(isConstant);
  }
  return false;
}

function isConstant(tokens: readonly Token[]): boolean {
  const body = tokens.length === 2 && tokens[0].kind === 'operator' && (tokens[0].text === '-' || tokens[0].text === '+') ? tokens.slice(1) : tokens;
  if (body.length !== 1) return false;
  const only = body[0];
  return only.kind === 'number' || only.kind === 'string' || (only.kind === 'word' && only.upper === 'NULL');
}

function viewBlock(context: EmitContext, view: ViewModel): string[] {
  const lines = commentLines(view.comments);
  const query = expressionOrReport(context, view.query, 'query', undefined, { ref: view.ref, what: `view ${displayName(view.name)}` });
  // CREATE VIEW must begin its batch, so IF NOT EXISTS is written as CREATE OR ALTER (SQL Server 2016 SP1+).
  const head = `CREATE ${view.guarded ? 'OR ALTER ' : ''}VIEW ${tableName(view.name)}${viewColumnList(context, view)} AS`;
  if (query === undefined) return [...lines, ...commentedOut(`${head}${context.newline}${view.query};`, 'see the diagnostic')];
  return [...lines, head, `${query};`];
}

/**
 * SQL Server needs every view column named, and named once (Msg 4511, 4506); SQLite names an
 * unnamed column after its expression and a repeated one `name:1`. Writing those names as the
 * view's column list keeps the view's columns exactly as SQLite showed them.
 */
function viewColumnList(context: EmitContext, view: ViewModel): string {
  const written = context.viewColumns.get(view);
  if (written) return ` (${written.map(bracket).join(', ')})`;
  const result = sqliteResultNames(view.query);
  if (!result?.needsList) return '';
  return ` (${result.names.map(bracket).join(', ')})`;
}

function insertBlock(context: EmitContext, insert: InsertModel): string[] {
  const lines = commentLines(insert.comments);
  const table = findTable(context.model, insert.table);
  if (!table) {
    context.report.error(insert.ref, `the rows inserted into ${displayName(insert.table)} are left out: this file does not define that table.`);
    return [...lines, ...commentedOut(`INSERT INTO ${displayName(insert.table)} ... (${insert.rows.length} row(s));`, 'the table is not defined')];
  }
  let columns = insert.columns;
  const identity = table?.columns.find((column) => isIdentityColumn(table, column));
  if (columns.length === 0 && table && identity) {
    // SQL Server takes explicit values for an IDENTITY column only with IDENTITY_INSERT and a column list.
    const writable = table.columns.filter((column) => !column.computed).map((column) => column.name);
    if (insert.rows.every((row) => row.length === writable.length)) columns = writable;
  }
  const rows: string[] = [];
  for (const row of insert.rows) {
    const values: string[] = [];
    for (const value of row) {
      const translated = expressionOrReport(context, value, 'value', table, { ref: insert.ref, what: `a row inserted into ${displayName(insert.table)}` });
      if (translated === undefined) {
        return [...lines, ...commentedOut(`INSERT INTO ${displayName(insert.table)} VALUES (${row.join(', ')});`, 'see the diagnostic')];
      }
      values.push(translated);
    }
    rows.push(`(${values.join(', ')})`);
  }
  const identityInsert = identity !== undefined && columns.some((column) => sameName(column, identity.name));
  const columnText = columns.length > 0 ? ` (${columns.map(bracket).join(', ')})` : '';
  if (identityInsert) lines.push(`SET IDENTITY_INSERT ${tableName(insert.table)} ON;`);
  const conflict = context.insertConflicts.get(insert);
  const guards = conflict === 'INSERT OR IGNORE' && table ? keyGuards(table, columns) : undefined;
  if (conflict && !guards) {
    context.report.warn(insert.ref, `${conflict} becomes a plain INSERT: SQL Server has no conflict clause, so a row that already exists makes it fail.`);
  }
  if (guards) {
    // INSERT OR IGNORE: each row goes in only when no row has its key already.
    insert.rows.forEach((_, index) => {
      const values = rows[index].slice(1, -1);
      const valueList = splitValues(values);
      const condition = guards
        .map((key) => `(${key.map((position) => `${bracket(columns[position])} = ${valueList[position]}`).join(' AND ')})`)
        .join(' OR ');
      lines.push(`IF NOT EXISTS (SELECT 1 FROM ${tableName(insert.table)} WHERE ${condition})`, `    INSERT INTO ${tableName(insert.table)}${columnText} VALUES (${values});`);
    });
    if (identityInsert) lines.push(`SET IDENTITY_INSERT ${tableName(insert.table)} OFF;`);
    return lines;
  }
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    lines.push(`INSERT INTO ${tableName(insert.table)}${columnText} VALUES`, ...chunk.map((row, index) => `    ${row}${index === chunk.length - 1 ? ';' : ','}`));
  }
  if (identityInsert) lines.push(`SET IDENTITY_INSERT ${tableName(insert.table)} OFF;`);
  return lines;
}

/**
 * The keys (primary key and UNIQUE constraints) whose columns the INSERT gives values for, as
 * positions in its column list; undefined when none is fully given, so the rows cannot be
 * guarded. A key the INSERT leaves to the table (an IDENTITY) cannot conflict.
 */
function keyGuards(table: TableModel, columns: readonly string[]): number[][] | undefined {
  const keys = [table.primaryKey, ...table.uniques].filter((key): key is KeyConstraint => key !== undefined);
  const guards: number[][] = [];
  for (const key of keys) {
    const positions = key.columns.map((column) => columns.findIndex((name) => sameName(name, column.name)));
    if (positions.every((position) => position >= 0)) guards.push(positions);
  }
  return guards.length > 0 ? guards : undefined;
}

/** Splits the translated values of one row at its top-level commas (strings and parentheses kept whole). */
function splitValues(text: string): string[] {
  const values: string[] = [];
  let depth = 0;
  let start = 0;
  for (const token of tokenize(text, 'tsql')) {
    if (token.kind !== 'punctuation') continue;
    if (token.text === '(') depth++;
    else if (token.text === ')') depth--;
    else if (token.text === ',' && depth === 0) {
      values.push(text.slice(start, token.start).trim());
      start = token.end;
    }
  }
  values.push(text.slice(start).trim());
  return values;
}

function routineBlock(context: EmitContext, routine: RoutineModel): string[] {
  const what = routine.kind === 'trigger' ? 'SQLite trigger' : routine.kind;
  context.report.error(routine.ref, `${what} ${displayName(routine.name)} is left out (commented): its body is SQLite code that SQL Server cannot run as written.`);
  return [...commentLines(routine.comments), ...commentedOut(routine.text, 'SQLite trigger syntax')];
}
