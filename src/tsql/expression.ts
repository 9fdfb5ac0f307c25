import type { Token } from '../sql/token.js';
import type { ExpressionNode } from './ast.js';
import { RESERVED, type TokenCursor } from './cursor.js';
import { parseDataType } from './data-type.js';
import { parseCommonTableExpressions, parseQueryExpression } from './query.js';

/**
 * T-SQL expressions, as they appear in DEFAULT, CHECK, computed columns, filtered indexes,
 * IF conditions and VALUES rows. The parser checks structure (operands and operators
 * alternate, parentheses and CASE balance, calls are well formed); it does not separate
 * boolean from scalar expressions, because a false "Incorrect syntax" is worse than a
 * missed type error. Subqueries are parsed with the SELECT grammar of `query.ts`.
 */
export interface ExpressionOptions {
  /** `a || b` is valid from SQL Server 2025 (and in Azure SQL). */
  allowConcatOperator: boolean;
}

/** `<<` and `>>` are SQL Server 2022's bit shifts; accepted for every version (a missed error beats a false one). */
const BINARY_OPERATORS = new Set(['+', '-', '*', '/', '%', '&', '|', '^', '=', '<>', '!=', '<', '>', '<=', '>=', '!<', '!>', '<<', '>>']);

/** Reserved words that are also functions: `COALESCE(a, b)`, `LEFT(s, 2)`, `UPDATE(col)` in a trigger. */
const RESERVED_FUNCTIONS = new Set([
  'COALESCE', 'NULLIF', 'LEFT', 'RIGHT', 'CONVERT', 'TRY_CONVERT', 'UPDATE', 'IDENTITY', 'CONTAINS', 'FREETEXT',
  'USER', 'CURRENT_USER', 'SESSION_USER', 'SYSTEM_USER', 'OPENQUERY', 'OPENROWSET', 'OPENDATASOURCE', 'OPENXML',
  'CONTAINSTABLE', 'FREETEXTTABLE', 'FILE',
]);

/**
 * Functions whose arguments have a grammar of their own (graph MATCH patterns, full-text
 * predicates, JSON key:value pairs, NULL ON NULL clauses): checked for balance only.
 */
const OWN_ARGUMENT_GRAMMAR = new Set([
  'MATCH', 'CONTAINS', 'FREETEXT', 'CONTAINSTABLE', 'FREETEXTTABLE', 'JSON_OBJECT', 'JSON_ARRAY', 'JSON_OBJECTAGG',
  'JSON_ARRAYAGG', 'OPENROWSET', 'OPENQUERY', 'OPENDATASOURCE', 'OPENXML', 'OPENJSON', 'SHORTEST_PATH', 'PREDICT',
]);

/** Reserved words that are values on their own. */
const RESERVED_VALUES = new Set([
  'NULL', 'CURRENT_TIMESTAMP', 'CURRENT_USER', 'SESSION_USER', 'SYSTEM_USER', 'USER', 'CURRENT_DATE', 'DEFAULT',
  'IDENTITYCOL', 'ROWGUIDCOL',
]);

/** The words that can continue a predicate after its first operand: `[NOT] LIKE`, `[NOT] BETWEEN`, `[NOT] IN`, `IS`. */
const PREDICATE_WORDS: ReadonlySet<string> = new Set(['NOT', 'LIKE', 'BETWEEN', 'IN', 'IS']);
const NEGATABLE_PREDICATES: ReadonlySet<string> = new Set(['LIKE', 'BETWEEN', 'IN']);

/**
 * How many groups deep (parentheses, a call's arguments, CAST / CONVERT / PARSE, CASE, a
 * subquery) an expression is parsed; a group deeper than this is skipped as balanced text.
 * Each level is a descent through orExpression, predicate, additive, unary and primary, and
 * about 1,430 parentheses deep (1,257 ISNULLs, 1,531 CASEs) that descent overflowed the stack:
 * the statement then gave no node and the schema model lost the table or index it defines (a
 * false parity warning, an object convert left out). The model keeps expressions as source
 * spans, so a skipped group costs it nothing; only a syntax error that deep goes unreported
 * (and a call that deep is not in builtinCalls).
 * No schema nests 256 deep, and 256 is a fifth of the depth that overflowed.
 * The query grammar (src/tsql/query.ts) counts its groups on the same cursor.
 */
export const MAX_PARSED_DEPTH = 256;

/**
 * One group deeper: true when the group at the cursor is to be parsed (the caller steps back
 * out after it, `c.groupDepth--`), false when it lies past MAX_PARSED_DEPTH and the caller skips
 * it whole. A syntax error leaves the count raised, which is harmless: it ends the statement's parse.
 */
export function enterGroup(c: TokenCursor): boolean {
  if (c.groupDepth >= MAX_PARSED_DEPTH) return false;
  c.groupDepth++;
  return true;
}

export function parseExpression(c: TokenCursor, options: ExpressionOptions): ExpressionNode {
  const first = c.peek();
  if (!first) throw c.error();
  if (isLoneLiteral(c, first)) return loneLiteral(c, first);
  const parser = new ExpressionParser(c, options);
  parser.orExpression();
  return { first, last: c.previous!, builtinCalls: parser.builtinCalls };
}

/**
 * A value expression without predicates: what DEFAULT takes. Stopping before NOT / AND keeps
 * `DEFAULT 0 NOT NULL` from being read as one expression.
 */
export function parseScalarExpression(c: TokenCursor, options: ExpressionOptions): ExpressionNode {
  const first = c.peek();
  if (!first) throw c.error();
  if (isLoneLiteral(c, first)) return loneLiteral(c, first);
  const parser = new ExpressionParser(c, options);
  parser.scalar();
  return { first, last: c.previous!, builtinCalls: parser.builtinCalls };
}

/**
 * A string, number or variable followed by punctuation other than `.` (the `,` or `)` after a
 * VALUES item or a DEFAULT), or by nothing: the whole expression, as the full grammar would
 * also find (no postfix, operator or predicate can start with such punctuation). Most seed
 * values are one, so they skip the descent through every precedence level.
 */
function isLoneLiteral(c: TokenCursor, first: Token): boolean {
  if (first.kind !== 'string' && first.kind !== 'number' && first.kind !== 'variable') return false;
  const next = c.peek(1);
  return next === undefined || (next.kind === 'punctuation' && next.text !== '.');
}

function loneLiteral(c: TokenCursor, first: Token): ExpressionNode {
  c.pos++;
  return { first, last: first, builtinCalls: [] };
}

class ExpressionParser {
  readonly builtinCalls: Token[] = [];

  constructor(
    private readonly c: TokenCursor,
    readonly options: ExpressionOptions,
  ) {}

  /**
   * `[NOT]... predicate { AND | OR } [NOT]... predicate ...`. No tree is built, so AND and OR
   * need no levels of their own: `a (OR b)*` over `c (AND d)*` over `NOT* e` reads exactly the
   * tokens this one loop reads, and fails at the same token, two calls fewer per operand.
   */
  orExpression(): void {
    const c = this.c;
    do {
      while (c.acceptWord('NOT'));
      this.predicate();
    } while (c.acceptWord('AND', 'OR'));
  }

  private predicate(): void {
    const c = this.c;
    if (c.acceptWord('EXISTS')) {
      if (!c.at('(')) throw c.error();
      skipSubqueryOrExpression(c, this);
      return;
    }
    this.additive();
    for (;;) {
      // Most operands end at punctuation, AND, OR or the statement's end: one test skips the five below.
      const token = c.peek();
      if (token === undefined || token.kind !== 'word' || !PREDICATE_WORDS.has(token.upper)) return;
      const not = token.upper === 'NOT' && c.peek(1)?.kind === 'word' && NEGATABLE_PREDICATES.has(c.peek(1)!.upper);
      if (not) c.next();
      if (c.acceptWord('LIKE')) {
        this.additive();
        if (c.acceptWord('ESCAPE')) this.additive();
      } else if (c.acceptWord('BETWEEN')) {
        this.additive();
        c.expectWord('AND');
        this.additive();
      } else if (c.acceptWord('IN')) {
        if (!c.at('(')) throw c.error();
        skipSubqueryOrExpression(c, this); // `IN (SELECT ...)` or `IN (a, b)`: the grammar of a parenthesised group
      } else if (not) {
        throw c.error();
      } else if (c.acceptWord('IS')) {
        c.acceptWord('NOT');
        if (c.acceptWord('DISTINCT')) {
          c.expectWord('FROM');
          this.additive();
        } else c.expectWord('NULL');
      } else {
        return;
      }
    }
  }

  scalar(): void {
    this.additive();
  }

  private additive(): void {
    this.unary();
    for (;;) {
      const token = this.c.peek();
      if (!token || token.kind !== 'operator') return;
      if (BINARY_OPERATORS.has(token.text) || (token.text === '||' && this.options.allowConcatOperator)) {
        this.c.next();
        // `a = ANY (SELECT ...)`, `a > ALL (...)`
        if (this.c.atWord('ANY', 'SOME', 'ALL') && this.c.peek(1)?.text === '(') {
          this.c.next();
          skipSubqueryOrExpression(this.c, this);
          continue;
        }
        this.unary();
        continue;
      }
      return;
    }
  }

  private unary(): void {
    this.signedPrimary();
    this.postfix();
  }

  /** `- + ~ x`: signs in a loop, not a call per sign, so that a long run of them takes no stack. */
  private signedPrimary(): void {
    const c = this.c;
    for (;;) {
      const token = c.peek();
      if (!(token && token.kind === 'operator' && (token.text === '-' || token.text === '+' || token.text === '~'))) break;
      c.next();
    }
    this.primary();
  }

  /** `x COLLATE Latin1_General_CI_AS`, `d AT TIME ZONE 'UTC'`, `.method()` chains, `::Static()`. */
  private postfix(): void {
    const c = this.c;
    for (;;) {
      if (c.acceptWord('COLLATE')) {
        c.expectIdentifier();
      } else if (c.atWords('AT', 'TIME', 'ZONE')) {
        c.pos += 3;
        // The zone's own postfixes are this loop's next turns: the same tokens, without a frame per AT TIME ZONE.
        this.signedPrimary();
      } else if (c.at('.') && c.peek(1) && c.peek(1)!.kind !== 'punctuation') {
        c.next();
        c.next();
        if (c.at('(')) this.callArguments();
      } else return;
    }
  }

  private primary(): void {
    const c = this.c;
    const token = c.peek();
    if (!token) throw c.error();
    switch (token.kind) {
      case 'number':
        c.next();
        // A money literal with cents: the lexer reads `$0.00` as `$0` and `.00`.
        if (token.text.startsWith('$') && c.peek()?.kind === 'number' && c.peek()!.start === token.end && c.peek()!.text.startsWith('.')) c.next();
        return;
      case 'variable':
        c.next();
        return;
      case 'string':
        c.next();
        return;
      case 'punctuation':
        if (token.text === '(') {
          skipSubqueryOrExpression(c, this);
          return;
        }
        throw c.error();
      case 'unknown':
        if (token.text === '{') {
          // ODBC escape: {fn UCASE(x)}, {d '2020-01-01'}; SQL Server accepts them.
          let depth = 0;
          while (!c.done) {
            const t = c.next();
            if (t.text === '{') depth++;
            else if (t.text === '}' && --depth === 0) return;
          }
        }
        throw c.error();
      case 'quoted-identifier':
        this.nameOrCall();
        return;
      case 'word':
        break;
      default:
        throw c.error();
    }
    switch (token.upper) {
      case 'CASE':
        if (!enterGroup(c)) {
          skipCase(c);
          return;
        }
        this.caseExpression();
        c.groupDepth--;
        return;
      case 'CAST':
      case 'TRY_CAST':
        if (c.peek(1)?.text !== '(') break;
        c.next();
        if (!enterGroup(c)) {
          c.skipParenthesized();
          return;
        }
        c.next();
        this.orExpression();
        c.expectWord('AS');
        parseDataType(c);
        c.expect(')');
        c.groupDepth--;
        return;
      case 'CONVERT':
      case 'TRY_CONVERT':
        c.next();
        if (!enterGroup(c)) {
          c.skipParenthesized();
          return;
        }
        c.expect('(');
        parseDataType(c);
        c.expect(',');
        this.orExpression();
        if (c.accept(',')) this.orExpression();
        c.expect(')');
        c.groupDepth--;
        return;
      case 'PARSE':
      case 'TRY_PARSE':
        if (c.peek(1)?.text !== '(') break;
        c.next();
        if (!enterGroup(c)) {
          c.skipParenthesized();
          return;
        }
        c.next();
        this.orExpression();
        c.expectWord('AS');
        parseDataType(c);
        if (c.acceptWord('USING')) this.unary();
        c.expect(')');
        c.groupDepth--;
        return;
      case 'NEXT':
        if (!c.atWords('NEXT', 'VALUE', 'FOR')) break;
        c.pos += 3;
        qualifiedName(c);
        if (c.acceptWord('OVER')) c.skipParenthesized();
        return;
      case 'NOT':
        throw c.error();
    }
    if (RESERVED.has(token.upper)) {
      if (RESERVED_FUNCTIONS.has(token.upper) && c.peek(1)?.text === '(') {
        c.next();
        this.builtinCalls.push(token);
        if (OWN_ARGUMENT_GRAMMAR.has(token.upper)) c.skipParenthesized();
        else this.callArguments();
        return;
      }
      if (RESERVED_VALUES.has(token.upper)) {
        c.next();
        return;
      }
      throw c.error();
    }
    this.nameOrCall();
  }

  /** `col`, `t.col`, `dbo.f(x)`, `GETDATE()`, `COUNT(*) OVER (...)`, `STRING_AGG(x, ',') WITHIN GROUP (...)`. */
  private nameOrCall(): void {
    const c = this.c;
    const first = c.next();
    let parts = 1;
    while (c.at('.')) {
      c.next();
      if (c.at('.')) continue; // db..table
      const part = c.peek();
      if (part && part.kind === 'operator' && part.text === '*') {
        c.next();
        return;
      }
      c.expectIdentifierOrKeyword();
      parts++;
    }
    if (c.at('::')) {
      c.next();
      c.expectIdentifierOrKeyword();
      if (c.at('(')) this.callArguments();
      return;
    }
    if (!c.at('(')) return;
    if (parts === 1 && first.kind === 'word') this.builtinCalls.push(first);
    if (parts === 1 && first.kind === 'word' && OWN_ARGUMENT_GRAMMAR.has(first.upper)) {
      c.skipParenthesized();
      return;
    }
    this.callArguments();
    if (c.atWords('IGNORE', 'NULLS') || c.atWords('RESPECT', 'NULLS')) c.pos += 2; // FIRST_VALUE(x) IGNORE NULLS OVER (...)
    if (c.atWords('WITHIN', 'GROUP')) {
      c.pos += 2;
      c.skipParenthesized();
    }
    if (c.atWord('OVER') && c.peek(1)?.text === '(') {
      c.next();
      c.skipParenthesized();
    } else if (c.atWord('OVER') && isWindowName(c.peek(1))) {
      c.pos += 2; // OVER w, a window the query's WINDOW clause names (SQL Server 2022)
    }
  }

  private callArguments(): void {
    const c = this.c;
    if (!enterGroup(c)) {
      c.skipParenthesized();
      return;
    }
    this.argumentList();
    c.groupDepth--;
  }

  private argumentList(): void {
    const c = this.c;
    c.expect('(');
    if (c.accept(')')) return;
    if (c.at('*') && c.peek(1)?.text === ')') {
      c.next();
      c.next();
      return;
    }
    if (isSubqueryStart(c.peek())) {
      c.pos--;
      skipSubquery(c, this.options);
      return;
    }
    c.acceptWord('DISTINCT', 'ALL');
    this.argument();
    while (c.accept(',')) this.argument();
    c.expect(')');
  }

  /** Function arguments also hold keywords some built-ins take: `DATEADD(day, ...)`, `TRIM(BOTH ' ' FROM x)`. */
  private argument(): void {
    const c = this.c;
    // TRIM(LEADING ' ' FROM x) (SQL Server 2022)
    if (c.atWord('LEADING', 'TRAILING', 'BOTH') && c.peek(1) && c.peek(1)!.text !== ',' && c.peek(1)!.text !== ')') c.next();
    this.orExpression();
    // TRIM(chars FROM string), CAST-like `x AS type` in a few built-ins, JSON `... RETURNING`: accept a tail.
    if (c.acceptWord('FROM')) this.orExpression();
    else if (c.atWord('AS') && c.peek(1)) {
      c.next();
      parseDataType(c);
    }
  }

  private caseExpression(): void {
    const c = this.c;
    c.expectWord('CASE');
    if (!c.atWord('WHEN')) this.orExpression();
    if (!c.atWord('WHEN')) throw c.error();
    while (c.acceptWord('WHEN')) {
      this.orExpression();
      c.expectWord('THEN');
      this.orExpression();
    }
    if (c.acceptWord('ELSE')) this.orExpression();
    c.expectWord('END');
  }
}

function isSubqueryStart(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && (token.upper === 'SELECT' || token.upper === 'WITH');
}

/** `(SELECT ...)` is parsed with the query grammar, `(expr)` with this one; past MAX_PARSED_DEPTH either is skipped as a balanced group. */
function skipSubqueryOrExpression(c: TokenCursor, parser: ExpressionParser): void {
  if (!enterGroup(c)) {
    c.skipParenthesized();
    return;
  }
  if (isSubqueryStart(c.peek(1))) {
    skipSubquery(c, parser.options);
  } else {
    c.expect('(');
    parser.orExpression();
    // A parenthesised list such as `(a, b)` appears in row constructors; accept it.
    while (c.accept(',')) parser.orExpression();
    c.expect(')');
  }
  c.groupDepth--;
}

/** `CASE ... END` past MAX_PARSED_DEPTH, skipped as balanced text: each CASE has its END, as each `(` has its `)`. */
function skipCase(c: TokenCursor): void {
  let depth = 0;
  while (!c.done) {
    const token = c.next();
    if (token.kind !== 'word') continue;
    if (token.upper === 'CASE') depth++;
    else if (token.upper === 'END' && --depth === 0) return;
  }
  throw c.error();
}

/** A subquery in parentheses: `(SELECT ...)`, `(WITH c AS (...) SELECT ...)`. */
export function skipSubquery(c: TokenCursor, options: ExpressionOptions): void {
  c.expect('(');
  if (c.atWord('WITH')) parseCommonTableExpressions(c, options);
  parseQueryExpression(c, options);
  c.expect(')');
}

function qualifiedName(c: TokenCursor): void {
  c.expectIdentifier();
  while (c.accept('.')) c.expectIdentifier();
}

/** A name after OVER: a window defined in the WINDOW clause. OVER is reserved, so no alias reading competes. */
function isWindowName(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'quoted-identifier') return token.quote !== '`';
  return token.kind === 'word' && !RESERVED.has(token.upper);
}
