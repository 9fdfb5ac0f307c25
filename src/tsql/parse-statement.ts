import type { Statement } from '../sql/statement.js';
import type { Token } from '../sql/token.js';
import { memoizeLastStatement } from '../sql/statement-memo.js';
import type { TsqlNode } from './ast.js';
import { statementCursor, TsqlSyntaxError } from './cursor.js';
import type { ExpressionOptions } from './expression.js';
import { parseCreateIndex, parseCreateView, parseIf, parseInsert, parseRoutineHeader } from './schema-statements.js';
import { parseAlterTable, parseCreateTable } from './table.js';

export interface SchemaStatementOutcome {
  /** The statement's node when it is one the schema model is built from. */
  node?: TsqlNode;
  /** The syntax error that stopped the statement, if any. */
  error?: TsqlSyntaxError;
}

/** The SQL Server version a file targets decides a few grammar points (`||` from 2025). */
export function expressionOptionsFor(sqlserverVersion: string | undefined): ExpressionOptions {
  return { allowConcatOperator: sqlserverVersion === '2025' || sqlserverVersion === 'azure' };
}

/**
 * Parses one statement the splitter produced, when it is a schema statement this project's
 * grammar owns (CREATE/ALTER TABLE, CREATE INDEX, CREATE VIEW, routine headers, INSERT, IF).
 * Anything else gives an empty outcome. Never throws.
 */
export function parseSchemaStatement(statement: Statement, options: ExpressionOptions): SchemaStatementOutcome {
  // Several rules and the model builder ask for the same statement in one lint pass: parse it once per option set.
  return options.allowConcatOperator ? parseWithConcat(statement) : parsePlain(statement);
}

// The options hold one switch, so one memo per value of it.
const parsePlain = memoizeLastStatement((statement) => parseUncached(statement, { allowConcatOperator: false }));
const parseWithConcat = memoizeLastStatement((statement) => parseUncached(statement, { allowConcatOperator: true }));

/** An outcome shared by every statement the grammar does not own (most of a script): nothing to allocate for them. */
const NOT_OWNED: SchemaStatementOutcome = Object.freeze({});

function parseUncached(statement: Statement, options: ExpressionOptions): SchemaStatementOutcome {
  // Most statements are not the grammar's: decide that from the kind before making a cursor.
  if (!OWNED_KINDS.has(statement.kind)) return NOT_OWNED;
  const c = statementCursor(statement);
  if (c.end === 0) return {};
  try {
    switch (statement.kind) {
      case 'create table':
        return { node: parseCreateTable(c, options) };
      case 'alter table':
        return { node: parseAlterTable(c, options) };
      case 'create index':
        if (isSpecialIndex(c.tokens)) return {};
        return { node: parseCreateIndex(c, options) };
      case 'create view':
      case 'alter view':
        return { node: parseCreateView(c) };
      case 'create procedure':
      case 'alter procedure':
      case 'create function':
      case 'alter function':
      case 'create trigger':
      case 'alter trigger':
        return { node: parseRoutineHeader(c, options) };
      case 'insert': {
        const node = parseInsert(c, options);
        return node ? { node } : {};
      }
      case 'if':
        return { node: parseIf(c, options) };
      default:
        return {};
    }
  } catch (error) {
    if (error instanceof TsqlSyntaxError) return { error };
    // Nesting deeper than the stack: no node and no error, as for a statement this grammar does
    // not own. A false error is worse than saying nothing. Expressions and queries stop
    // descending at MAX_PARSED_DEPTH, so this is a last guard, not a path any known shape takes.
    if (error instanceof RangeError) return {};
    throw error;
  }
}

/** The statement kinds parseUncached has a grammar function for. */
const OWNED_KINDS: ReadonlySet<string> = new Set([
  'create table', 'alter table', 'create index', 'create view', 'alter view', 'create procedure', 'alter procedure',
  'create function', 'alter function', 'create trigger', 'alter trigger', 'insert', 'if',
]);

/**
 * XML, spatial and full-text indexes: `CREATE [PRIMARY | SELECTIVE] XML INDEX`, `CREATE SPATIAL
 * INDEX`, `CREATE FULLTEXT INDEX`. Their grammar is not this module's, so they give no node. They
 * are told by the words right after CREATE, where SQL Server's grammar puts them: an index or a
 * table named `xml` or `primary` is a plain index.
 */
export function isSpecialIndex(tokens: readonly Token[]): boolean {
  const first = tokens[1];
  if (first?.kind !== 'word') return false;
  if (first.upper === 'XML' || first.upper === 'SPATIAL' || first.upper === 'FULLTEXT') return true;
  const second = tokens[2];
  return (first.upper === 'PRIMARY' || first.upper === 'SELECTIVE') && second?.kind === 'word' && second.upper === 'XML';
}
