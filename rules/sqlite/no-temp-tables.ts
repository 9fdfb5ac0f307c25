import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { isWord } from '../../src/sql/token.js';

/** Words after which a table name stands. */
const TABLE_POSITIONS = ['TABLE', 'INTO', 'FROM', 'JOIN', 'UPDATE', 'EXISTS', 'REFERENCES'];

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { kinds: ['word'] };

/**
 * T-SQL's `#temp` and `##global` temporary tables. SQLite's tokenizer reads `#name` as a
 * bind parameter, which cannot stand where a table name does. Reported once per statement,
 * where a table name stands (after TABLE, INTO, FROM, JOIN, UPDATE, EXISTS, REFERENCES).
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-temp-tables',
    description: "Disallow T-SQL's #temp and ##global temporary table names; SQLite uses CREATE TEMP TABLE.",
    dialects: ['sqlite'],
    severity: 'error',
    messages: {
      temp: 'SQLite rejects the temporary table name {{name}}: near "{{name}}": syntax error.',
    },
    help: {
      temp: 'Create it with CREATE TEMP TABLE {{bare}} and refer to it as {{bare}} (or temp.{{bare}}).',
    },
  },
  create(context) {
    let reportedIn = -1;
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        if (token.kind !== 'word' || !token.text.startsWith('#') || reportedIn === statement.index) return;
        // Elsewhere SQLite's tokenizer reads #name as a bind parameter; only a table position is T-SQL's.
        if (!isWord(statement.tokens[index - 1], ...TABLE_POSITIONS)) return;
        const bare = token.text.replace(/^#+/, '');
        if (bare === '') return;
        reportedIn = statement.index;
        context.report({ node: token, messageId: 'temp', data: { name: token.text, bare } });
      },
    };
  },
});
