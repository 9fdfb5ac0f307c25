import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import type { TextEdit } from '../../src/engine/diagnostic.js';
import { parenDepths, removeTokensEdit } from '../../src/rules-support/tokens.js';
import { memoizeLast } from '../../src/sql/statement-memo.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';

/** Tokens after which LIMIT is a name (a column `limit`), not SQLite's clause. */
const NAME_CONTEXT = new Set(['SELECT', 'SET', 'AS', 'BY', 'TABLE', 'INTO', 'FROM', 'JOIN', 'UPDATE', 'DISTINCT']);

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { words: ['LIMIT'] };

/** SQLite's `LIMIT n [OFFSET m]` / `LIMIT m, n`. LIMIT is no reserved word in T-SQL, so `limit` may name a column. */
export default defineRule({
  meta: {
    id: 'tsql/no-limit',
    description: 'Disallow LIMIT n [OFFSET m]: SQL Server writes TOP (n) or OFFSET ... FETCH NEXT.',
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      limit: "SQL Server rejects LIMIT: Incorrect syntax near 'LIMIT'.",
    },
    help: {
      limit: 'Write SELECT TOP ({{count}}) ..., or ORDER BY ... OFFSET {{offset}} ROWS FETCH NEXT {{count}} ROWS ONLY.',
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        const tokens = statement.tokens;
        if (!isLimitClause(tokens, index)) return;
        const countAt = isOperator(tokens[index + 1], '-') ? index + 2 : index + 1;
        const count = tokens[countAt];
        let end = countAt;
        let offset = '0';
        const next = tokens[countAt + 1];
        if ((isWord(next, 'OFFSET') || isPunctuation(next, ',')) && isValue(tokens[countAt + 2])) {
          end = countAt + 2;
          // `LIMIT m, n` puts the offset first.
          offset = isPunctuation(next, ',') ? count.text : tokens[countAt + 2].text;
        }
        const limitText = isPunctuation(next, ',') && isValue(tokens[countAt + 2]) ? tokens[countAt + 2].text : count.text;
        const negative = countAt !== index + 1; // LIMIT -1: SQLite's "no limit"
        context.report({
          node: token,
          endNode: tokens[end],
          messageId: 'limit',
          data: { count: limitText, offset },
          suggest: negative ? undefined : rewrites(context.source.text, tokens, index, tokens[end], limitText, end > countAt ? offset : undefined),
        });
      },
    };
  },
});

/** Whether the word LIMIT at `index` is SQLite's clause, followed by its count, not a name. */
function isLimitClause(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (token.upper !== 'LIMIT' || token.kind !== 'word') return false;
  const previous = tokens[index - 1];
  if (!previous || isPunctuation(previous, ',') || isPunctuation(previous, '(') || isPunctuation(previous, '.')) return false;
  if (previous.kind === 'word' && NAME_CONTEXT.has(previous.upper)) return false;
  if (previous.kind === 'operator') return false;
  const count = tokens[isOperator(tokens[index + 1], '-') ? index + 2 : index + 1];
  // Only a count may follow: `REFERENCES limit (id)` names a table called limit.
  return count !== undefined && (count.kind === 'number' || count.kind === 'variable');
}

function isOperator(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'operator' && token.text === text;
}

function isValue(token: Token | undefined): boolean {
  return token !== undefined && (token.kind === 'number' || token.kind === 'variable');
}

/**
 * Rewrites of `LIMIT n [OFFSET m]` for the query it ends: `TOP (n)` after its SELECT when
 * there is no offset, and `OFFSET m ROWS FETCH NEXT n ROWS ONLY` when it has an ORDER BY.
 * Offered only when the query is one SELECT (a LIMIT after UNION limits the whole union).
 */
function rewrites(
  text: string,
  tokens: readonly Token[],
  limitIndex: number,
  last: Token,
  count: string,
  offset: string | undefined,
): { desc: string; fix: TextEdit[] }[] | undefined {
  const query = limitQueries(tokens).get(limitIndex);
  if (!query) return undefined;
  const { select, orderBy } = query;
  const removeLimit = removeTokensEdit(text, tokens[limitIndex], last);
  const suggestions: { desc: string; fix: TextEdit[] }[] = [];
  if (offset === undefined) {
    const after = isWord(tokens[select + 1], 'DISTINCT', 'ALL') ? tokens[select + 1] : tokens[select];
    suggestions.push({
      desc: `Write SELECT TOP (${count}).`,
      fix: [{ range: [after.end, after.end], text: ` TOP (${count})` }, removeLimit],
    });
  }
  if (orderBy) {
    suggestions.push({
      desc: `Write OFFSET ${offset ?? '0'} ROWS FETCH NEXT ${count} ROWS ONLY.`,
      fix: [{ range: [tokens[limitIndex].start, last.end], text: `OFFSET ${offset ?? '0'} ROWS FETCH NEXT ${count} ROWS ONLY` }],
    });
  }
  return suggestions.length > 0 ? suggestions : undefined;
}

/** The plain SELECT a LIMIT ends, and whether an ORDER BY stands between them. */
interface LimitQuery {
  select: number;
  orderBy: boolean;
}

/** What one run of tokens at one depth (inside one pair of parentheses) has shown so far. */
interface DepthRun {
  /** The last SELECT at this depth, or -1. */
  select: number;
  /** A set operator at this depth before that SELECT: it is one branch of a union. */
  setOperatorBefore: boolean;
  /** A set operator at this depth so far. */
  setOperator: boolean;
  /**
   * A set operator, TOP or LIMIT clause at this depth since that SELECT: a LIMIT after it has no
   * plain rewrite. (A second LIMIT's rewrite would span the first: 32,000 LIMITs after one
   * SELECT gave suggestions of 5 GB, and the run ran out of memory.)
   */
  blocked: boolean;
  orderBy: boolean;
}

/**
 * For each LIMIT clause of a token list, the plain SELECT it ends (the last SELECT at its depth,
 * with no UNION, EXCEPT, INTERSECT, TOP or other LIMIT at that depth since, and no set operator
 * before it), or none.
 * One pass per token list: looking back from each LIMIT to its SELECT made a statement of many
 * LIMITs at one depth quadratic (16,000: 5.5 s).
 */
export const limitQueries = memoizeLast((tokens: readonly Token[]): Map<number, LimitQuery | undefined> => {
  const depths = parenDepths(tokens);
  const runs: (DepthRun | undefined)[] = [];
  const queries = new Map<number, LimitQuery | undefined>();
  for (let i = 0; i < tokens.length; i++) {
    const depth = depths[i];
    // A token at this depth ends the runs deeper than it.
    if (runs.length > depth + 1) runs.length = depth + 1;
    const token = tokens[i];
    if (token.kind !== 'word') continue;
    const run = (runs[depth] ??= { select: -1, setOperatorBefore: false, setOperator: false, blocked: false, orderBy: false });
    switch (token.upper) {
      case 'UNION':
      case 'EXCEPT':
      case 'INTERSECT':
        run.setOperator = true;
        run.blocked = true;
        break;
      case 'TOP':
        run.blocked = true;
        break;
      case 'ORDER':
        if (isWord(tokens[i + 1], 'BY')) run.orderBy = true;
        break;
      case 'SELECT':
        run.select = i;
        run.setOperatorBefore = run.setOperator;
        run.blocked = false;
        run.orderBy = false;
        break;
      case 'LIMIT':
        if (!isLimitClause(tokens, i)) break;
        queries.set(i, run.select >= 0 && !run.blocked && !run.setOperatorBefore ? { select: run.select, orderBy: run.orderBy } : undefined);
        run.blocked = true;
        break;
    }
  }
  return queries;
});
