import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { replaceTokenEdit } from '../../src/rules-support/tokens.js';
import { bracketQuoted } from '../../src/rules-support/tsql-bracket-names.js';

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { kinds: ['quoted-identifier'] };

/** MySQL/SQLite backtick quoting; SQL Server quotes names with [brackets] (or "double quotes"). */
export default defineRule({
  meta: {
    id: 'tsql/no-backtick-identifiers',
    description: 'Disallow `backtick` quoted names: SQL Server quotes names with [brackets].',
    dialects: ['tsql'],
    severity: 'error',
    fixable: true,
    messages: {
      backtick: "SQL Server rejects backtick-quoted names: Incorrect syntax near '`'.",
    },
    help: {
      backtick: 'Write [{{name}}] instead of `{{name}}`.',
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token) {
        if (token.kind !== 'quoted-identifier' || token.quote !== '`') return;
        const name = token.value ?? token.text.slice(1);
        context.report({
          node: token,
          messageId: 'backtick',
          data: { name },
          // An unterminated name has no one right rewrite.
          fix: token.error ? undefined : replaceTokenEdit(token, bracketQuoted(name)),
        });
      },
    };
  },
});
