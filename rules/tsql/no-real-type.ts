import { defineRule } from '../../src/engine/rule.js';
import { replaceTokenEdit } from '../../src/rules-support/tokens.js';
import { typeWordVisitor } from '../../src/rules-support/tsql-types.js';

/** REAL is an 8-byte float in SQLite but a 4-byte one in SQL Server: values lose precision. */
export default defineRule({
  meta: {
    id: 'tsql/no-real-type',
    description: "Warn on REAL: SQL Server's REAL is a 4-byte float (about 7 digits), SQLite's is 8 bytes.",
    dialects: ['tsql'],
    severity: 'warn',
    hasSuggestions: true,
    messages: {
      real: "SQL Server's REAL is a 4-byte float (about 7 significant digits); SQLite's REAL is 8 bytes, so values lose precision.",
    },
    help: {
      real: 'Write FLOAT (8 bytes, as SQLite) unless 4-byte precision is intended.',
    },
  },
  create(context) {
    return typeWordVisitor(
      (token, name) => {
        if (name !== 'REAL') return;
        context.report({
          node: token,
          messageId: 'real',
          suggest: [{ desc: 'Replace REAL with FLOAT.', fix: replaceTokenEdit(token, 'FLOAT') }],
        });
      },
      { quoted: true },
    );
  },
});
