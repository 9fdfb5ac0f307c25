import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { isPunctuation, isWord } from '../../src/sql/token.js';
import { removeRangeEdit } from '../../src/rules-support/sqlite-edits.js';
import { isNameToken } from '../../src/rules-support/tokens.js';

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['use'] };

/**
 * `USE database`: a SQLite connection has one main database (plus ATTACHed ones); which
 * file it is, the application decides when it opens it. Only a statement that starts with
 * USE is judged, so a column named `use` stays clean.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-use-database',
    description: "Disallow T-SQL's USE <database> in SQLite files.",
    dialects: ['sqlite'],
    severity: 'error',
    fixable: true,
    messages: {
      use: 'SQLite rejects USE {{database}}: near "{{word}}": syntax error.',
    },
    help: {
      use: 'Delete the statement: the application chooses the database file when it opens it (or ATTACH it).',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const [use, name, after] = statement.tokens;
        if (!isWord(use, 'USE') || !isNameToken(name)) return;
        const last = isPunctuation(after, ';') ? after : name;
        context.report({
          node: use,
          endNode: name,
          messageId: 'use',
          data: { database: name.text, word: use.text },
          fix: removeRangeEdit(context.source.text, use.start, last.end),
        });
      },
    };
  },
});
