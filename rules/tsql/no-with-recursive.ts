import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { isNameToken, removeTokensEdit } from '../../src/rules-support/tokens.js';
import { isWord } from '../../src/sql/token.js';

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { words: ['WITH'] };

/** `WITH RECURSIVE cte AS (...)`: SQL Server's CTEs recurse without the keyword. */
export default defineRule({
  meta: {
    id: 'tsql/no-with-recursive',
    description: 'Disallow WITH RECURSIVE: SQL Server common table expressions are recursive without the keyword.',
    dialects: ['tsql'],
    severity: 'error',
    fixable: true,
    messages: {
      recursive: "SQL Server rejects WITH RECURSIVE: Incorrect syntax near 'RECURSIVE'.",
    },
    help: {
      recursive: 'Write WITH {{name}} AS (...) without RECURSIVE.',
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        if (token.upper !== 'WITH') return;
        const tokens = statement.tokens;
        const keyword = tokens[index + 1];
        // `WITH recursive AS (...)` names a CTE `recursive`: only a name after RECURSIVE makes it the keyword.
        if (!isWord(token, 'WITH') || !isWord(keyword, 'RECURSIVE') || !isNameToken(tokens[index + 2])) return;
        if (isWord(tokens[index + 2], 'AS')) return;
        context.report({
          node: keyword,
          messageId: 'recursive',
          data: { name: tokens[index + 2].text },
          fix: removeTokensEdit(context.source.text, keyword, keyword),
        });
      },
    };
  },
});
