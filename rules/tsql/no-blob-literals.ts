import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { replaceTokenEdit } from '../../src/rules-support/tokens.js';
import { isPunctuation } from '../../src/sql/token.js';

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { kinds: ['blob'] };

/** SQLite's X'ABCD' blob literal; SQL Server's binary constant is 0xABCD. */
export default defineRule({
  meta: {
    id: 'tsql/no-blob-literals',
    description: "Disallow X'ABCD' blob literals: SQL Server writes binary constants as 0xABCD.",
    dialects: ['tsql'],
    severity: 'error',
    fixable: true,
    messages: {
      blob: "SQL Server rejects the blob literal {{literal}}: it reads X as a name followed by the string '{{hex}}'.",
    },
    help: {
      blob: 'Write 0x{{hex}}.',
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        if (token.kind !== 'blob' || token.error) return;
        // `t.x'...'` is a column x followed by an alias string, not a blob.
        if (isPunctuation(statement.tokens[index - 1], '.')) return;
        const hex = token.value ?? '';
        if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) return;
        context.report({
          node: token,
          messageId: 'blob',
          data: { literal: token.text, hex },
          fix: replaceTokenEdit(token, `0x${hex}`),
        });
      },
    };
  },
});
