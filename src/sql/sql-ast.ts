import { createRequire } from 'node:module';
import type { QualifiedName } from '../model/schema.js';
import type { Dialect } from './dialect.js';

/**
 * node-sql-parser (the user's choice of parser), used only where it is right: reading the
 * shape of a SELECT body — which tables it reads, which columns it returns. It is never a
 * judge of validity (it rejects valid T-SQL and accepts invalid T-SQL, see DESIGN.md), so a
 * parse failure here means "no opinion": every function returns undefined, never throws.
 *
 * Loading: the parser is ~55 ms to load for T-SQL and ~10 ms for SQLite, so it is loaded on
 * the first body that needs it, not at startup. It is loaded with `require` rather than a
 * dynamic `import()` because its callers (parity comparison, rules) are synchronous; the
 * package is CommonJS, so `require` is the synchronous form of the same lazy load. Only the
 * one-dialect builds are loaded (`build/transactsql`, `build/sqlite`), not the 2.4 MB bundle
 * of every dialect.
 */

/** Bodies longer than this are not handed to the parser: its cost grows with size, and no view needs more. */
export const MAX_BODY_LENGTH = 64 * 1024;
/** Deeper parenthesis nesting than this is refused before its recursive-descent parser can overflow the stack. */
export const MAX_NESTING = 64;

/** What a SELECT body reads and returns, as far as the parser could tell. */
export interface SelectShape {
  /** Tables and views read anywhere in the body (joins, subqueries, CTE bodies), CTE names excluded, each once; undefined when the body reads from something that is not a named table (a table-valued function, VALUES). */
  tables?: QualifiedName[];
  /** Output column names of the (first) SELECT, in order; undefined when one is `*` or has no name the parser can give. */
  columns?: string[];
}

interface SqlParser {
  astify(sql: string, options: { database: string }): unknown;
}

const DATABASE: Record<Dialect, string> = { tsql: 'TransactSQL', sqlite: 'SQLite' };
const BUILD: Record<Dialect, string> = { tsql: 'node-sql-parser/build/transactsql', sqlite: 'node-sql-parser/build/sqlite' };
/** A loaded parser per dialect; `null` once loading failed, so a missing package is tried only once. */
const parsers = new Map<Dialect, SqlParser | null>();

function parserFor(dialect: Dialect): SqlParser | undefined {
  let parser = parsers.get(dialect);
  if (parser === undefined) {
    try {
      const loaded = createRequire(import.meta.url)(BUILD[dialect]) as { Parser: new () => SqlParser };
      parser = new loaded.Parser();
    } catch {
      parser = null;
    }
    parsers.set(dialect, parser);
  }
  return parser ?? undefined;
}

/** True once a dialect's parser has been loaded in this process (for tests of the lazy load). */
export function isParserLoaded(dialect: Dialect): boolean {
  return Boolean(parsers.get(dialect));
}

/** Parenthesis depth, counted outside strings and quoted names; enough to refuse pathological nesting. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote: string | undefined;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '[') quote = ']';
    else if (char === '(') max = Math.max(max, ++depth);
    else if (char === ')') depth--;
  }
  return max;
}

/**
 * A view body as the parser takes it: without a final `;` and without T-SQL's trailing
 * `WITH CHECK OPTION`, which belongs to CREATE VIEW rather than to the SELECT.
 *
 * Read backwards from the end, word by word. Replacing the expression
 * `\s+WITH\s+CHECK\s+OPTION\s*$` gave the same text, but tried every position of every run of
 * whitespace and read the run to its end from each: a view with 64,000 spaces in its body took
 * 3 s to compare.
 */
export function selectText(body: string, dialect: Dialect): string {
  const text = body.trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === ';') end--;
  if (dialect === 'tsql') {
    let at = skipSpaceBack(text, end);
    for (const word of ['OPTION', 'CHECK', 'WITH']) {
      const start = at - word.length;
      if (start < 0 || !isWordAt(text, start, word)) return text.slice(0, end);
      at = skipSpaceBack(text, start);
      // Each word needs whitespace before it.
      if (at === start) return text.slice(0, end);
    }
    end = at;
  }
  return text.slice(0, end);
}

/**
 * `word` (upper-case ASCII letters) at `start`, in any case of ASCII letters only: as the
 * expression's `i` flag compares, so `OPTıON` (a dotless ı, which upper-cases to I) is no match.
 */
function isWordAt(text: string, start: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = text.charCodeAt(start + i);
    const upper = word.charCodeAt(i);
    if (code !== upper && code !== upper + 32) return false;
  }
  return true;
}

/** Where the run of whitespace that ends at `end` starts. */
function skipSpaceBack(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at;
}

/** The parser's AST for one SELECT statement, or undefined (too big, too deep, several statements, not a SELECT, any failure). */
export function parseSelect(body: string, dialect: Dialect): Record<string, unknown> | undefined {
  if (body.length > MAX_BODY_LENGTH || nestingDepth(body) > MAX_NESTING) return undefined;
  const parser = parserFor(dialect);
  if (!parser) return undefined;
  try {
    const ast = parser.astify(selectText(body, dialect), { database: DATABASE[dialect] });
    const root = Array.isArray(ast) ? (ast.length === 1 ? (ast[0] as unknown) : undefined) : ast;
    return isObject(root) && root.type === 'select' ? root : undefined;
  } catch {
    // Syntax errors, and RangeError from its recursion on input the depth check let through.
    return undefined;
  }
}

/** The tables a SELECT body reads and the columns it returns; undefined when the parser cannot read it. */
export function selectShape(body: string, dialect: Dialect): SelectShape | undefined {
  const root = parseSelect(body, dialect);
  if (!root) return undefined;
  try {
    const shape: SelectShape = {};
    const tables = tablesRead(root);
    if (tables) shape.tables = tables;
    const columns = outputColumns(root, dialect);
    if (columns) shape.columns = columns;
    return shape;
  } catch {
    return undefined; // an AST shape this reader does not expect: no opinion rather than a wrong one
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An identifier as the parser gives it: a string, or `{ value }` / `{ expr: { value } }` in some positions. */
function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value)) {
    if (typeof value.value === 'string') return value.value;
    if (isObject(value.expr)) return nameOf(value.expr);
  }
  return undefined;
}

/**
 * Every `from` list in the tree (the statement's, subqueries', CTE bodies', set operations'):
 * named tables are collected, CTE names left out. Walked with an explicit stack, because a
 * long `a + b + c ...` chain nests as deep as it is long.
 */
function tablesRead(root: Record<string, unknown>): QualifiedName[] | undefined {
  const cteNames = new Set<string>();
  const found: QualifiedName[] = [];
  let unnamedSource = false;
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      // Not spread: a list of 100,000s of items (an IN list) would pass them all as arguments, past the stack's limit.
      for (const item of node as unknown[]) stack.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.with)) {
      for (const cte of record.with) {
        const name = isObject(cte) ? nameOf(cte.name) : undefined;
        if (name) cteNames.add(name.toLowerCase());
      }
    }
    if (Array.isArray(record.from)) {
      for (const item of record.from) {
        if (!isObject(item)) continue;
        const table = nameOf(item.table);
        if (table) {
          const schema = nameOf(item.schema) ?? nameOf(item.db);
          found.push(schema ? { schema, name: table } : { name: table });
        } else if (!isObject(item.expr) || !('ast' in item.expr)) {
          unnamedSource = true; // a table-valued function, VALUES, ...: what it reads is not a table name
        }
      }
    }
    for (const value of Object.values(record)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
  if (unnamedSource) return undefined;
  const tables: QualifiedName[] = [];
  for (const table of found) {
    if (!table.schema && cteNames.has(table.name.toLowerCase())) continue;
    const key = `${table.schema?.toLowerCase() ?? ''}.${table.name.toLowerCase()}`;
    if (!tables.some((seenTable) => `${seenTable.schema?.toLowerCase() ?? ''}.${seenTable.name.toLowerCase()}` === key)) tables.push(table);
  }
  return tables;
}

/**
 * T-SQL's `name = expression` alias. A comparison is no select-list value in T-SQL, so a
 * select-list `=` with a bare name (or a string) on its left always names the column.
 */
function equalsAlias(expr: Record<string, unknown>): string | undefined {
  if (expr.type !== 'binary_expr' || expr.operator !== '=' || !isObject(expr.left)) return undefined;
  const left = expr.left;
  if (left.type === 'column_ref' && !left.table) return nameOf(left.column);
  if (typeof left.type === 'string' && left.type.endsWith('quote_string')) return nameOf(left);
  return undefined;
}

/** Names of the first SELECT's output columns: the alias, else the column's own name. */
function outputColumns(root: Record<string, unknown>, dialect: Dialect): string[] | undefined {
  if (!Array.isArray(root.columns)) return undefined; // `SELECT *` comes as the string '*'
  const names: string[] = [];
  for (const column of root.columns) {
    if (!isObject(column)) return undefined;
    const alias = nameOf(column.as);
    if (alias) {
      names.push(alias);
      continue;
    }
    const expr = column.expr;
    if (!isObject(expr)) return undefined;
    const assigned = dialect === 'tsql' ? equalsAlias(expr) : undefined;
    if (assigned) {
      names.push(assigned);
      continue;
    }
    if (expr.type !== 'column_ref') return undefined;
    const name = nameOf(expr.column);
    if (!name || name === '*') return undefined;
    names.push(name);
  }
  return names;
}
