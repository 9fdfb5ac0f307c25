import { defineRule } from '../../src/engine/rule.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';

/** Tokens after which LIMIT is a name (a column `limit`), not SQLite's clause. */
const NAME_CONTEXT = new Set(['SELECT', 'SET', 'AS', 'BY', 'TABLE', 'INTO', 'FROM', 'JOIN', 'UPDATE', 'DISTINCT']);

/** SQLite's `LIMIT n [OFFSET m]` / `LIMIT m, n`. LIMIT is no reserved word in T-SQL, so `limit` may name a column. */
export default defineRule({
  meta: {
    id: 'tsql/no-limit',
    description: 'Disallow LIMIT n [OFFSET m]: SQL Server writes TOP (n) or OFFSET ... FETCH NEXT.',
    dialects: ['tsql'],
    severity: 'error',
    messages: {
      limit: "SQL Server rejects LIMIT: Incorrect syntax near 'LIMIT'.",
    },
    help: {
      limit: 'Write SELECT TOP ({{count}}) ..., or ORDER BY ... OFFSET {{offset}} ROWS FETCH NEXT {{count}} ROWS ONLY.',
    },
  },
  create(context) {
    return {
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
        context.report({
          node: token,
          endNode: tokens[end],
          messageId: 'limit',
          data: { count: limitText, offset },
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
