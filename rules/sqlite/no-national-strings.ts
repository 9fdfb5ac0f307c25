import { defineRule, type TokenSelector } from '../../src/engine/rule.js';

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { kinds: ['string'] };

/**
 * T-SQL's Unicode string literal `N'text'`. SQLite strings are always Unicode and it has no
 * such prefix: it reads `N` as a name followed by a string, a syntax error in most places
 * (`DEFAULT N'x'`, `VALUES (N'x')`) and a column reference in a SELECT list.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-national-strings',
    description: "Disallow T-SQL's N'...' Unicode string prefix in SQLite files.",
    dialects: ['sqlite'],
    severity: 'error',
    fixable: true,
    messages: {
      national: 'SQLite rejects the N prefix of {{text}}: near "{{string}}": syntax error.',
    },
    help: {
      national: "Drop the N: write {{string}} (SQLite strings are always Unicode).",
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token) {
        if (token.kind !== 'string' || token.quote !== 'N') return;
        const string = token.text.slice(1);
        context.report({
          node: token,
          messageId: 'national',
          data: { text: token.text, string },
          fix: { range: [token.start, token.start + 1], text: '' },
        });
      },
    };
  },
});
