import type { Dialect } from '../sql/dialect.js';
import { Lexer } from '../sql/lexer.js';
import { identifierName, isTrivia, type Token } from '../sql/token.js';
import { buildTree, isSignificant, sourceOf, splitArguments, type TreeNode } from './token-tree.js';

/**
 * The names of a view's columns. The schema model keeps a view's query, not the optional
 * column list after its name (`CREATE VIEW v (a, b) AS ...`), so it is read from the source
 * here; and SQL Server, unlike SQLite, refuses a view whose columns have no name or the
 * same name (Msg 4511, 4506), so the names SQLite gives them are worked out too.
 */

/** The `(a, b)` after a view's name in the CREATE VIEW statement that starts at `offset`. */
export function readViewColumnList(text: string, offset: number, dialect: Dialect): string[] | undefined {
  const tokens: Token[] = [];
  // Read token by token up to AS: tokenizing the whole window first cost 8,000 views 1.3 s.
  const lexer = new Lexer(text.slice(offset, offset + 8192), dialect, { skipWhitespace: true });
  for (let token = lexer.next(); token; token = lexer.next()) {
    if (isTrivia(token)) continue;
    if (token.kind === 'word' && token.upper === 'AS') break;
    tokens.push(token);
  }
  const open = tokens.findIndex((token) => token.kind === 'punctuation' && token.text === '(');
  if (open < 0) return undefined;
  const names: string[] = [];
  for (const token of tokens.slice(open + 1)) {
    if (token.kind === 'punctuation' && token.text === ')') return names;
    if (token.kind === 'word' || token.kind === 'quoted-identifier') names.push(identifierName(token));
  }
  return undefined;
}

/** Words that end a SELECT's column list at its top level. */
const LIST_ENDS = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'UNION', 'EXCEPT', 'INTERSECT', 'WINDOW']);

/**
 * The column names SQLite gives a view's query: the alias, else the column's own name, else
 * the expression as written; a repeated name gets `:1`, `:2`, as SQLite does. Undefined when
 * the list holds `*` (its columns cannot be counted from the text) or is not a plain SELECT.
 */
export function sqliteResultNames(query: string): { names: string[]; needsList: boolean } | undefined {
  const items = buildTree(query, 'sqlite').filter(isSignificant);
  const first = items[0];
  if (!(first?.kind === 'token' && first.token.kind === 'word' && first.token.upper === 'SELECT')) return undefined;
  let start = 1;
  const second = items[1];
  if (second?.kind === 'token' && second.token.kind === 'word' && (second.token.upper === 'DISTINCT' || second.token.upper === 'ALL')) start = 2;
  let end = start;
  while (end < items.length) {
    const node = items[end];
    if (node.kind === 'token' && node.token.kind === 'word' && LIST_ENDS.has(node.token.upper)) break;
    end++;
  }
  const names: string[] = [];
  let needsList = false;
  for (const column of splitArguments(items.slice(start, end))) {
    const significant = column.filter(isSignificant);
    const last = significant[significant.length - 1];
    if (!last) return undefined;
    if (last.kind === 'token' && last.token.text === '*') return undefined;
    const name = columnName(significant);
    if (name === undefined) needsList = true;
    names.push(name ?? sourceOf(column).trim());
  }
  const seen = new Map<string, number>();
  const unique = names.map((name) => {
    const key = name.toLowerCase();
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    if (count === 0) return name;
    needsList = true;
    return `${name}:${count}`;
  });
  return { names: unique, needsList };
}

function columnName(nodes: readonly TreeNode[]): string | undefined {
  const last = nodes[nodes.length - 1];
  if (last.kind !== 'token' || (last.token.kind !== 'word' && last.token.kind !== 'quoted-identifier')) return undefined;
  if (nodes.length === 1) return identifierName(last.token);
  const before = nodes[nodes.length - 2];
  if (before.kind === 'token' && before.token.kind === 'word' && before.token.upper === 'AS') return identifierName(last.token);
  if (before.kind === 'token' && before.token.kind === 'punctuation' && before.token.text === '.') {
    // t.col: a qualified column reference is named after its column.
    return nodes.length === 3 ? identifierName(last.token) : undefined;
  }
  // `expr alias`: an alias without AS follows a complete operand, never an operator.
  if (before.kind === 'token' && (before.token.kind === 'operator' || before.token.kind === 'punctuation')) return undefined;
  if (before.kind === 'token' && before.token.kind === 'word' && ['CASE', 'WHEN', 'THEN', 'ELSE', 'AND', 'OR', 'NOT', 'IS', 'IN', 'LIKE', 'BETWEEN', 'COLLATE'].includes(before.token.upper)) {
    return undefined;
  }
  if (last.token.kind === 'word' && ['END', 'NULL'].includes(last.token.upper)) return undefined;
  return identifierName(last.token);
}
