import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { removeTokensEdit } from '../../src/rules-support/tokens.js';
import { isWord } from '../../src/sql/token.js';

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { words: ['NULLS'] };

/** `ORDER BY x NULLS FIRST/LAST`: SQL Server always sorts NULL lowest and has no such clause. */
export default defineRule({
  meta: {
    id: 'tsql/no-nulls-ordering',
    description: 'Disallow NULLS FIRST / NULLS LAST in ORDER BY: SQL Server sorts NULL as the lowest value.',
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      nullsOrdering: "SQL Server rejects NULLS {{position}}: Incorrect syntax near 'NULLS'.",
    },
    help: {
      nullsOrdering:
        'SQL Server puts NULLs first in ascending order and last in descending order; otherwise sort on CASE WHEN x IS NULL THEN 1 ELSE 0 END first.',
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        if (token.upper !== 'NULLS' || token.kind !== 'word') return;
        const tokens = statement.tokens;
        const position = tokens[index + 1];
        if (!isWord(position, 'FIRST', 'LAST')) return;
        const descending = isWord(tokens[index - 1], 'DESC');
        // Where SQL Server's own order already matches, dropping the clause is the exact rewrite.
        const redundant = descending ? position.upper === 'LAST' : position.upper === 'FIRST';
        context.report({
          node: token,
          endNode: position,
          messageId: 'nullsOrdering',
          data: { position: position.upper },
          suggest: redundant
            ? [{ desc: `Remove NULLS ${position.upper}: SQL Server already sorts that way.`, fix: removeTokensEdit(context.source.text, token, position) }]
            : undefined,
        });
      },
    };
  },
});
