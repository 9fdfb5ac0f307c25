import type { Token } from '../sql/token.js';
import { RESERVED, TsqlSyntaxError, type TokenCursor } from './cursor.js';
import { enterGroup, parseExpression, type ExpressionOptions } from './expression.js';
import { parseName } from './names.js';

/**
 * SELECT, as views, subqueries, `INSERT ... SELECT` and CTEs use it: the clause structure
 * (select list, FROM with joins and APPLY, WHERE, GROUP BY, HAVING, ORDER BY with
 * OFFSET/FETCH, set operators) is parsed; clauses whose grammar is wide and
 * version-dependent (FOR XML/JSON, OPTION, PIVOT, table hints, FOR SYSTEM_TIME,
 * OPENJSON ... WITH) are checked for balance only, so that valid T-SQL is never rejected.
 */
export function parseQueryExpression(c: TokenCursor, options: ExpressionOptions): void {
  parseQueryTerm(c, options);
  for (;;) {
    if (c.acceptWord('UNION')) c.acceptWord('ALL');
    else if (!c.acceptWord('EXCEPT', 'INTERSECT')) break;
    parseQueryTerm(c, options);
  }
  if (c.atWords('ORDER', 'BY')) {
    c.pos += 2;
    parseOrderList(c, options);
    if (c.acceptWord('OFFSET')) {
      parseExpression(c, options);
      c.expectWord('ROW', 'ROWS');
      if (c.acceptWord('FETCH')) {
        c.expectWord('FIRST', 'NEXT');
        parseExpression(c, options);
        c.expectWord('ROW', 'ROWS');
        c.expectWord('ONLY');
      }
    }
  }
  if (c.atWord('FOR') && c.peek(1)?.kind === 'word' && ['XML', 'JSON', 'BROWSE'].includes(c.peek(1)!.upper)) skipClause(c);
  if (c.atWord('OPTION') && c.peek(1)?.text === '(') {
    c.next();
    c.skipParenthesized();
  }
}

/** `WITH a AS (...), b (x, y) AS (...)` before a SELECT, INSERT, UPDATE, DELETE or MERGE. */
export function parseCommonTableExpressions(c: TokenCursor, options: ExpressionOptions): void {
  c.expectWord('WITH');
  if (c.atWord('XMLNAMESPACES')) {
    c.next();
    c.skipParenthesized();
    if (!c.accept(',')) return;
  }
  do {
    c.expectIdentifier();
    if (c.at('(')) {
      c.next();
      c.expectIdentifier();
      while (c.accept(',')) c.expectIdentifier();
      c.expect(')');
    }
    c.expectWord('AS');
    parseParenthesizedQuery(c, options, false);
  } while (c.accept(','));
}

function parseQueryTerm(c: TokenCursor, options: ExpressionOptions): void {
  if (c.at('(')) parseParenthesizedQuery(c, options, false);
  else parseQuerySpecification(c, options);
}

/**
 * `( query )`: a CTE's body, a bracketed query term, a derived table (`withCtes`: which may open
 * with its own WITH). Each is a descent through parseQueryExpression, parseQueryTerm,
 * parseQuerySpecification, parseTableSource and parseTablePrimary, and about 2,000 derived
 * tables deep (1,500 in an IF NOT EXISTS) that descent overflowed the stack: the statement gave
 * no node (the IF lost its creation guard) and the validator judged nothing. Past
 * MAX_PARSED_DEPTH, counted with the expression grammar's groups, the group is skipped as
 * balanced text, as a deep expression is.
 */
function parseParenthesizedQuery(c: TokenCursor, options: ExpressionOptions, withCtes: boolean): void {
  if (!enterGroup(c)) {
    c.skipParenthesized();
    return;
  }
  c.expect('(');
  if (withCtes && c.atWord('WITH')) parseCommonTableExpressions(c, options);
  parseQueryExpression(c, options);
  c.expect(')');
  c.groupDepth--;
}

function parseQuerySpecification(c: TokenCursor, options: ExpressionOptions): void {
  c.expectWord('SELECT');
  c.acceptWord('ALL', 'DISTINCT');
  if (c.acceptWord('TOP')) {
    if (c.at('(')) {
      c.next();
      parseExpression(c, options);
      c.expect(')');
    } else {
      const count = c.next();
      if (count.kind !== 'number' && count.kind !== 'variable') throw new TsqlSyntaxError(count);
    }
    c.acceptWord('PERCENT');
    if (c.atWords('WITH', 'TIES')) c.pos += 2;
  }
  do parseSelectItem(c, options);
  while (c.accept(','));
  if (c.acceptWord('INTO')) parseName(c);
  if (c.acceptWord('FROM')) {
    do parseTableSource(c, options);
    while (c.accept(','));
  }
  if (c.acceptWord('WHERE')) parseExpression(c, options);
  if (c.atWords('GROUP', 'BY')) {
    c.pos += 2;
    c.acceptWord('ALL');
    do {
      if (c.atWords('GROUPING', 'SETS')) {
        c.pos += 2;
        c.skipParenthesized();
      } else if (c.atWord('ROLLUP', 'CUBE') && c.peek(1)?.text === '(') {
        c.next();
        c.skipParenthesized();
      } else if (c.at('(') && c.peek(1)?.text === ')') {
        c.pos += 2; // the grand total: ()
      } else parseExpression(c, options);
    } while (c.accept(','));
    if (c.atWord('WITH') && c.peek(1)?.kind === 'word' && ['ROLLUP', 'CUBE'].includes(c.peek(1)!.upper)) c.pos += 2;
  }
  if (c.acceptWord('HAVING')) parseExpression(c, options);
  if (c.atWord('WINDOW') && c.peek(2)?.upper === 'AS') {
    c.next();
    do {
      c.expectIdentifier();
      c.expectWord('AS');
      c.skipParenthesized();
    } while (c.accept(','));
  }
}

function parseSelectItem(c: TokenCursor, options: ExpressionOptions): void {
  const token = c.peek();
  if (!token) throw c.error();
  if (token.kind === 'operator' && token.text === '*') {
    c.next();
    return;
  }
  const next = c.peek(1);
  // @v = expr, @v += expr
  if (token.kind === 'variable' && next?.kind === 'operator' && /^[-+*/%&|^]?=$/.test(next.text)) {
    c.pos += 2;
    parseExpression(c, options);
    return;
  }
  // alias = expr, 'alias' = expr
  if ((isAliasToken(token) || token.kind === 'string') && next?.kind === 'operator' && next.text === '=') {
    c.pos += 2;
    parseExpression(c, options);
    return;
  }
  parseExpression(c, options);
  if (c.acceptWord('AS')) {
    const alias = c.next();
    if (!isAliasToken(alias) && alias.kind !== 'string') throw new TsqlSyntaxError(alias);
  } else if (isAliasToken(c.peek()) || c.peek()?.kind === 'string') c.next();
}

function isAliasToken(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'quoted-identifier') return token.quote !== '`';
  return token.kind === 'word' && !RESERVED.has(token.upper);
}

/** Words that end a table source where an alias could stand. */
const NOT_AN_ALIAS = new Set(['APPLY', 'WINDOW', 'OFFSET', 'FETCH', 'TABLESAMPLE']);

/**
 * A table source and its joins. `a JOIN b JOIN c ON x ON y` nests (b JOIN c is a's right side),
 * so each JOIN whose ON is still to come is counted, not a call deeper: a call per JOIN
 * overflowed the stack about 8,000 such JOINs deep and the statement gave no node. The ONs
 * close the innermost join first, and after each one more joins may follow, as before.
 */
function parseTableSource(c: TokenCursor, options: ExpressionOptions): void {
  parseTablePrimary(c, options);
  let joinsAwaitingOn = 0;
  for (;;) {
    if (c.atWords('CROSS', 'JOIN')) {
      c.pos += 2;
      parseTablePrimary(c, options);
    } else if (c.atWords('CROSS', 'APPLY') || c.atWords('OUTER', 'APPLY')) {
      c.pos += 2;
      parseTablePrimary(c, options);
    } else if (atJoin(c)) {
      if (c.acceptWord('LEFT', 'RIGHT', 'FULL')) c.acceptWord('OUTER');
      else c.acceptWord('INNER');
      c.acceptWord('LOOP', 'HASH', 'MERGE', 'REMOTE');
      c.expectWord('JOIN');
      parseTablePrimary(c, options);
      joinsAwaitingOn++;
    } else if (joinsAwaitingOn > 0) {
      c.expectWord('ON');
      parseExpression(c, options);
      joinsAwaitingOn--;
    } else return;
  }
}

function atJoin(c: TokenCursor): boolean {
  const token = c.peek();
  if (!token || token.kind !== 'word') return false;
  const upper = token.upper;
  return upper === 'JOIN' || upper === 'INNER' || upper === 'LEFT' || upper === 'RIGHT' || upper === 'FULL';
}

/** Table sources that are built-in rowset functions (a Set: tested for every table source). */
const ROWSET_FUNCTIONS: ReadonlySet<string> = new Set([
  'OPENJSON', 'OPENROWSET', 'OPENQUERY', 'OPENDATASOURCE', 'OPENXML', 'CONTAINSTABLE', 'FREETEXTTABLE', 'STRING_SPLIT', 'GENERATE_SERIES',
]);

function parseTablePrimary(c: TokenCursor, options: ExpressionOptions): void {
  const token = c.peek();
  if (!token) throw c.error();
  if (token.kind === 'punctuation' && token.text === '(') {
    const inner = c.peek(1);
    if (inner?.kind === 'word' && (inner.upper === 'SELECT' || inner.upper === 'WITH')) {
      parseParenthesizedQuery(c, options, true);
    } else if (inner?.kind === 'word' && inner.upper === 'VALUES') {
      c.skipParenthesized();
    } else if (!enterGroup(c)) {
      c.skipParenthesized(); // (a JOIN b ON ...) past MAX_PARSED_DEPTH, as parseParenthesizedQuery skips a query
    } else {
      c.next();
      parseTableSource(c, options); // (a JOIN b ON ...)
      c.expect(')');
      c.groupDepth--;
    }
  } else if (token.kind === 'variable') {
    c.next();
    if (c.at('.')) skipClauseTokens(c); // @xml.nodes('/a') AS t(c)
  } else if (token.kind === 'word' && ROWSET_FUNCTIONS.has(token.upper)) {
    c.next();
    c.skipParenthesized();
    if (c.at('.')) parseName(c); // OPENDATASOURCE(...).db.schema.table
    if (c.atWord('WITH') && c.peek(1)?.text === '(') {
      c.next();
      c.skipParenthesized();
    }
  } else {
    if (token.kind === 'operator' && token.text === '::' && c.peek(1)?.kind === 'word') c.next(); // FROM ::fn_virtualfilestats(...), the pre-2005 call form SQL Server still reads
    parseName(c);
    if (c.at('(')) c.skipParenthesized(); // a table-valued function's arguments, or old-style hints: t (NOLOCK)
    if (c.at('.')) skipClauseTokens(c); // dbo.f(x).method(...)
  }
  if (c.atWords('FOR', 'SYSTEM_TIME')) {
    c.pos += 2;
    if (c.acceptWords('AS', 'OF')) parseExpression(c, options);
    else if (c.acceptWord('FROM')) {
      parseExpression(c, options);
      c.expectWord('TO');
      parseExpression(c, options);
    } else if (c.acceptWord('BETWEEN')) {
      parseExpression(c, options);
    } else if (c.acceptWords('CONTAINED', 'IN')) c.skipParenthesized();
    else c.expectWord('ALL');
  }
  if (c.acceptWord('TABLESAMPLE')) {
    c.acceptWord('SYSTEM');
    c.skipParenthesized();
    if (c.acceptWord('REPEATABLE')) c.skipParenthesized();
  }
  parseAlias(c);
  if (c.atWord('WITH') && c.peek(1)?.text === '(') {
    c.next();
    c.skipParenthesized();
  }
  while (c.atWord('PIVOT', 'UNPIVOT')) {
    c.next();
    c.skipParenthesized();
    parseAlias(c);
  }
}

/** `[AS] alias [(column, ...)]`. */
function parseAlias(c: TokenCursor): void {
  if (c.acceptWord('AS')) {
    const alias = c.next();
    if (!isAliasToken(alias) && alias.kind !== 'string') throw new TsqlSyntaxError(alias);
  } else {
    const next = c.peek();
    if (!isAliasToken(next) || (next!.kind === 'word' && NOT_AN_ALIAS.has(next!.upper))) return;
    c.next();
  }
  if (c.at('(') && isAliasToken(c.peek(1)) && (c.peek(2)?.text === ',' || c.peek(2)?.text === ')')) c.skipParenthesized();
}

function parseOrderList(c: TokenCursor, options: ExpressionOptions): void {
  do {
    parseExpression(c, options);
    c.acceptWord('ASC', 'DESC');
  } while (c.accept(','));
}

/** A clause checked for balance only: runs to the end of the statement or to a `)` that closes an enclosing group. */
function skipClause(c: TokenCursor): void {
  let depth = 0;
  while (!c.done) {
    const token = c.peek()!;
    if (token.kind === 'punctuation' && token.text === '(') depth++;
    else if (token.kind === 'punctuation' && token.text === ')') {
      if (depth === 0) return;
      depth--;
    } else if (depth === 0 && token.kind === 'word' && token.upper === 'OPTION' && c.peek(1)?.text === '(') return;
    c.next();
  }
}

/** Method calls on a table source (`.nodes('/a')`), then its alias is parsed by the caller. */
function skipClauseTokens(c: TokenCursor): void {
  while (c.at('.')) {
    c.next();
    c.expectIdentifierOrKeyword();
    if (c.at('(')) c.skipParenthesized();
  }
}
