import { defineRule } from '../../src/engine/rule.js';

/**
 * T-SQL's `#temp` and `##global` temporary tables. SQLite's tokenizer reads `#name` as a
 * bind parameter, which cannot stand where a table name does. Reported once per statement.
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
      token(token, statement) {
        if (token.kind !== 'word' || !token.text.startsWith('#') || reportedIn === statement.index) return;
        const bare = token.text.replace(/^#+/, '');
        if (bare === '') return;
        reportedIn = statement.index;
        context.report({ node: token, messageId: 'temp', data: { name: token.text, bare } });
      },
    };
  },
});
