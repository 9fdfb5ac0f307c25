import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import type { TextEdit } from '../../src/engine/diagnostic.js';
import { parenDepths, removeTokensEdit } from '../../src/rules-support/tokens.js';
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
        if (token.upper !== 'LIMIT' || token.kind !== 'word') return;
        const tokens = statement.tokens;
        const previous = tokens[index - 1];
        if (!previous || isPunctuation(previous, ',') || isPunctuation(previous, '(') || isPunctuation(previous, '.')) return;
        if (previous.kind === 'word' && NAME_CONTEXT.has(previous.upper)) return;
        if (previous.kind === 'operator') return;
        const countAt = isOperator(tokens[index + 1], '-') ? index + 2 : index + 1;
        const count = tokens[countAt];
        // Only a count may follow: `REFERENCES limit (id)` names a table called limit.
        if (!count || (count.kind !== 'number' && count.kind !== 'variable')) return;
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
  const depths = parenDepths(tokens);
  const depth = depths[limitIndex];
  let select = -1;
  let orderBy = false;
  for (let i = limitIndex - 1; i >= 0; i--) {
    if (depths[i] < depth) break;
    if (depths[i] !== depth || tokens[i].kind !== 'word') continue;
    const word = tokens[i].upper;
    if (word === 'UNION' || word === 'EXCEPT' || word === 'INTERSECT' || word === 'TOP') return undefined;
    if (word === 'ORDER' && isWord(tokens[i + 1], 'BY')) orderBy = true;
    if (word === 'SELECT') {
      select = i;
      break;
    }
  }
  if (select < 0) return undefined;
  // A set operator before that SELECT makes it one branch of a union the LIMIT applies to.
  for (let i = select - 1; i >= 0 && depths[i] >= depth; i--) {
    if (depths[i] === depth && isWord(tokens[i], 'UNION', 'EXCEPT', 'INTERSECT')) return undefined;
  }
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
