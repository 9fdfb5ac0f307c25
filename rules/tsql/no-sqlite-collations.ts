import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { removeTokensEdit } from '../../src/rules-support/tokens.js';

/** SQLite's built-in collations and the SQL Server collation that behaves alike. */
const EQUIVALENTS: Record<string, string> = {
  NOCASE: 'a case-insensitive collation such as SQL_Latin1_General_CP1_CI_AS (or leave the database default)',
  BINARY: 'a binary collation such as Latin1_General_BIN2',
  RTRIM: 'nothing: SQL Server already ignores trailing spaces when comparing strings with =',
};

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { words: ['COLLATE'] };

/** `COLLATE NOCASE / BINARY / RTRIM`: collation names SQL Server does not have. */
export default defineRule({
  meta: {
    id: 'tsql/no-sqlite-collations',
    description: "Disallow SQLite's collations NOCASE, BINARY and RTRIM: SQL Server has its own collation names.",
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      collation: "SQL Server rejects COLLATE {{name}}: Invalid collation '{{name}}'.",
    },
    help: {
      collation: 'Write {{rewrite}}.',
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        if (token.upper !== 'COLLATE' || token.kind !== 'word') return;
        const name = statement.tokens[index + 1];
        if (!name || name.kind !== 'word' || !EQUIVALENTS[name.upper]) return;
        const suggest =
          name.upper === 'RTRIM'
            ? [{ desc: 'Remove COLLATE RTRIM.', fix: removeTokensEdit(context.source.text, token, name) }]
            : [
                {
                  desc: name.upper === 'NOCASE' ? 'Use SQL_Latin1_General_CP1_CI_AS.' : 'Use Latin1_General_BIN2.',
                  fix: { range: [name.start, name.end] as [number, number], text: name.upper === 'NOCASE' ? 'SQL_Latin1_General_CP1_CI_AS' : 'Latin1_General_BIN2' },
                },
              ];
        context.report({
          node: token,
          endNode: name,
          messageId: 'collation',
          data: { name: name.text, rewrite: EQUIVALENTS[name.upper] },
          suggest,
        });
      },
    };
  },
});
