import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import type { Statement } from '../../src/sql/statement.js';
import { isPunctuation, isWord } from '../../src/sql/token.js';
import { matchingParen } from '../../src/rules-support/tokens.js';

/** Words after which T-SQL puts TOP. */
const TOP_AFTER = new Set(['SELECT', 'DISTINCT', 'ALL', 'UPDATE', 'DELETE', 'INSERT']);

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { words: ['TOP'] };

/**
 * T-SQL's `SELECT TOP n` / `TOP (n)`; SQLite limits rows with `LIMIT n` at the end. A column
 * named `top` (`SELECT top FROM t`) stays clean: TOP must be followed by a count.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-top',
    description: "Disallow T-SQL's TOP n; SQLite uses LIMIT n.",
    dialects: ['sqlite'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      top: 'SQLite rejects TOP {{count}}: near "{{near}}": syntax error.',
      topCall: 'SQLite rejects TOP (...): no such function: {{word}}.',
    },
    help: {
      top: 'Write LIMIT {{count}} at the end of the query.',
      topCall: 'Write LIMIT {{count}} at the end of the query.',
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        if (!isWord(token, 'TOP') || !isWord(statement.tokens[index - 1], ...TOP_AFTER)) return;
        const tokens = statement.tokens;
        const next = tokens[index + 1];
        if (!next) return;
        // The last token of the TOP clause, by its index: searched for per TOP (tokens.indexOf), a
        // SELECT of 64,000 subqueries with a TOP each took 7.1 s.
        let lastIndex: number;
        let count: string;
        if (isPunctuation(next, '(')) {
          const close = matchingParen(tokens, index + 1);
          if (close < 0) return;
          lastIndex = close;
          count = context.source.text.slice(tokens[index + 2].start, tokens[close - 1].end);
        } else if (next.kind === 'number' || next.kind === 'variable') {
          lastIndex = index + 1;
          count = next.text;
        } else {
          return;
        }
        const messageId = isPunctuation(next, '(') ? 'topCall' : 'top';
        context.report({
          node: token,
          endNode: tokens[lastIndex],
          messageId,
          data: { count, near: next.text, word: token.text },
          suggest: limitSuggestion(statement, index, lastIndex, count, context.source.text),
        });
      },
    };
  },
});

/**
 * `SELECT TOP 5 a FROM t ORDER BY a` → `SELECT a FROM t ORDER BY a LIMIT 5`, for a plain
 * SELECT statement (no PERCENT, WITH TIES, compound query or existing LIMIT).
 */
function limitSuggestion(
  statement: Statement,
  top: number,
  last: number,
  count: string,
  text: string,
): { desc: string; fix: { range: [number, number]; text: string }[] }[] | undefined {
  const tokens = statement.tokens;
  if (!isWord(tokens[0], 'SELECT') || top > 2) return undefined;
  if (isWord(tokens[last + 1], 'PERCENT') || (isWord(tokens[last + 1], 'WITH') && isWord(tokens[last + 2], 'TIES'))) {
    return undefined;
  }
  let depth = 0;
  for (const token of tokens) {
    if (isPunctuation(token, '(')) depth++;
    else if (isPunctuation(token, ')')) depth--;
    else if (depth === 0 && isWord(token, 'UNION', 'INTERSECT', 'EXCEPT', 'LIMIT')) return undefined;
  }
  const endIndex = isPunctuation(tokens[tokens.length - 1], ';') ? tokens.length - 2 : tokens.length - 1;
  if (endIndex <= last) return undefined; // nothing after the count: no select list to keep
  const end = tokens[endIndex];
  let removeEnd = tokens[last].end;
  while (text[removeEnd] === ' ' || text[removeEnd] === '\t') removeEnd++;
  return [
    {
      desc: `Replace TOP with LIMIT ${count}`,
      fix: [
        { range: [tokens[top].start, removeEnd], text: '' },
        { range: [end.end, end.end], text: ` LIMIT ${count}` },
      ],
    },
  ];
}
