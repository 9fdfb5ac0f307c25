import { buildSqliteModel } from '../model/build-sqlite.js';
import { buildTsqlModel } from '../model/build-tsql.js';
import type { InsertModel, SchemaModel, SourceRef, ViewModel } from '../model/schema.js';
import { loadSqliteEngine } from '../sqlite/engine.js';
import { dialectDisplayName, type Dialect } from '../sql/dialect.js';
import { tokenize } from '../sql/lexer.js';
import { SourceText } from '../sql/source-text.js';
import { MAX_STATEMENT_TOKENS, splitStatements } from '../sql/splitter.js';
import type { Statement } from '../sql/statement.js';
import { identifierName } from '../sql/token.js';
import { ConvertReport, type ConvertDiagnostic } from './convert-diagnostic.js';
import { emitSqlite } from './emit-sqlite.js';
import { findTable } from '../model/find-table.js';
import { renderBlocks } from './emit-support.js';
import { emitTsql } from './emit-tsql.js';
import { verifyBlocks } from './verify-output.js';
import { readViewColumnList } from './view-columns.js';

export interface ConvertOptions {
  from: Dialect;
  to: Dialect;
  /** The input's path, as diagnostics should name it. */
  filePath: string;
}

export interface ConvertResult {
  output: string;
  /** The model the output was written from. */
  model: SchemaModel;
  diagnostics: ConvertDiagnostic[];
}

/**
 * Converts one schema script into the other dialect: parse it into the schema model, write
 * the model out in the target dialect, and report what could not be carried over (objects
 * left out or commented, statements that are not part of a schema).
 */
export function convertSchema(text: string, options: ConvertOptions): ConvertResult {
  if (options.from === options.to) {
    throw new RangeError(`Nothing to convert: the input is already ${dialectDisplayName(options.to)}.`);
  }
  const model = options.from === 'tsql' ? buildTsqlModel(text, options.filePath) : buildSqliteModel(text, options.filePath);
  const report = new ConvertReport();
  reportStatementsOutsideModel(text, options, model, report);
  const insertConflicts = options.from === 'sqlite' ? readConflictClauses(text, model) : new Map<InsertModel, string>();
  const viewColumns = new Map<ViewModel, string[]>();
  for (const object of model.objects) {
    if (object.kind !== 'view') continue;
    const columns = readViewColumnList(text, object.ref.offset, options.from);
    if (columns) viewColumns.set(object, columns);
  }
  const context = { model, from: options.from, to: options.to, report, newline: newlineOf(text), viewColumns, insertConflicts };
  const blocks = verifyBlocks(options.to === 'sqlite' ? emitSqlite(context) : emitTsql(context), options.to, report);
  const output = renderBlocks(blocks, options.to, context.newline);
  return { output, model, diagnostics: report.sorted() };
}

/**
 * Loads what the checks of SQLite output need (the SQLite engine). Conversions to SQLite made
 * after it resolves run every converted statement in the engine; without it they are not checked.
 */
export async function prepareConvert(): Promise<void> {
  await loadSqliteEngine();
}

function newlineOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/**
 * Statements that define what convert writes: one the parser could not read is a lost object.
 * An ALTER TABLE is applied to its table, so it is one only when it was not read at all (too long).
 */
const SCHEMA_KINDS = new Set(['create table', 'create index', 'create view', 'insert', 'alter table']);

/** Routines, which convert writes commented out with an error: one too long to read is lost as a table would be. */
const ROUTINE_KINDS = new Set(['create trigger', 'create procedure', 'create function']);

/** Statements that set up a session or only frame others: nothing of the schema is lost without them. */
const FRAMING_KINDS = new Set([
  'go', 'set', 'pragma', 'use', 'print', 'if', 'else', 'begin', 'end', 'begin transaction', 'commit', 'rollback',
  'begin try', 'end try', 'begin catch', 'end catch', 'empty', 'select',
]);

/**
 * Convert writes the model, not the script: a statement that added nothing to the model (a DROP,
 * an UPDATE, a GRANT, a statement the parser could not read) is named so that nothing
 * disappears silently. ALTER TABLE is applied to its table by the parsers.
 */
function reportStatementsOutsideModel(text: string, options: ConvertOptions, model: SchemaModel, report: ConvertReport): void {
  const offsets = modelOffsets(model);
  const source = new SourceText(text);
  for (const statement of splitStatements(text, options.from)) {
    // One too long to hold was not applied: it is left out below, like any statement not read.
    if (statement.kind === 'alter table' && !statement.inRoutine && !statement.oversized) {
      reportAlterOfUnknownTable(statement, source, options, model, report);
      continue;
    }
    if (statement.inRoutine || FRAMING_KINDS.has(statement.kind) || statement.kind.startsWith('set ')) continue;
    if (statement.tokens.every((token) => token.kind === 'punctuation' && token.text === ';')) continue; // an empty statement
    if (hasOffsetWithin(offsets, statement)) continue;
    const position = source.positionAt(statement.start);
    const ref: SourceRef = { file: options.filePath, line: position.line, column: position.column, offset: statement.start };
    const words = statement.tokens.slice(0, statement.kind.includes(' ') ? 2 : 1).map((token) => token.text.toUpperCase()).join(' ');
    const hasRows = statement.tokens.some((token) => token.kind === 'word' && token.upper === 'VALUES');
    const temporary = statement.tokens.find((token, i) => i > 0 && i < 4 && token.kind === 'word' && token.text.startsWith('#'));
    if (temporary) {
      report.warn(ref, `the temporary table ${temporary.text} is left out: it belongs to a script's session, not to the schema.`);
    } else if ((SCHEMA_KINDS.has(statement.kind) && (statement.kind !== 'insert' || hasRows)) || (statement.oversized && ROUTINE_KINDS.has(statement.kind))) {
      // A schema object the parser could not read: lost from the output, so it is an error. One
      // too long to hold is not read at all, and saying it is not valid SQL would be a false error.
      const reason = statement.oversized
        ? `it runs over ${MAX_STATEMENT_TOKENS.toLocaleString('en-US')} tokens, more than convert holds at once`
        : `convert could not read it as ${dialectDisplayName(options.from)}`;
      report.error(ref, `this ${words} statement is left out: ${reason}.`);
    } else {
      report.warn(ref, `this ${words} statement is left out: it defines no table, index, view or seed row.`);
    }
  }
}

/**
 * An ALTER TABLE is applied by the parser to the table it changes; one whose table this file
 * does not define (a follow-up script converted on its own) has nothing to be applied to.
 */
function reportAlterOfUnknownTable(statement: Statement, source: SourceText, options: ConvertOptions, model: SchemaModel, report: ConvertReport): void {
  const tokens = statement.tokens;
  const nameAt = tokens[3]?.text === '.' ? 4 : 2;
  const nameToken = tokens[nameAt];
  if (!nameToken || (nameToken.kind !== 'word' && nameToken.kind !== 'quoted-identifier')) return;
  const name = identifierName(nameToken);
  if (findTable(model, { name })) return;
  const position = source.positionAt(statement.start);
  const ref: SourceRef = { file: options.filePath, line: position.line, column: position.column, offset: statement.start };
  report.error(ref, `this ALTER TABLE is left out: convert writes whole tables, and this file does not define the table ${name}.`);
}

/** `INSERT OR IGNORE` / `OR REPLACE` / `REPLACE INTO`: the model keeps the rows, not the clause, so it is read here. */
function readConflictClauses(text: string, model: SchemaModel): Map<InsertModel, string> {
  const clauses = new Map<InsertModel, string>();
  for (const object of model.objects) {
    if (object.kind !== 'insert') continue;
    const words = tokenize(text.slice(object.ref.offset, object.ref.offset + 64), 'sqlite')
      .filter((token) => token.kind === 'word')
      .slice(0, 3)
      .map((token) => token.upper);
    const clause = words[0] === 'REPLACE' ? 'REPLACE INTO' : words[1] === 'OR' ? `INSERT OR ${words[2] ?? ''}` : undefined;
    if (clause) clauses.set(object, clause);
  }
  return clauses;
}

function modelOffsets(model: SchemaModel): number[] {
  const offsets: number[] = [];
  for (const object of model.objects) {
    offsets.push(object.ref.offset);
    if (object.kind === 'table') for (const column of object.columns) offsets.push(column.ref.offset);
  }
  return offsets.sort((a, b) => a - b);
}

function hasOffsetWithin(sorted: readonly number[], statement: Statement): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < statement.start) low = mid + 1;
    else if (sorted[mid] >= statement.end) high = mid - 1;
    else return true;
  }
  return false;
}
