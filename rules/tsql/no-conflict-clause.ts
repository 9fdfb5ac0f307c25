import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { removeTokensEdit } from '../../src/rules-support/tokens.js';
import { isWord } from '../../src/sql/token.js';

const CONFLICT_ACTIONS = ['ROLLBACK', 'ABORT', 'FAIL', 'IGNORE', 'REPLACE'];

/** The statements this rule acts on: every clause holds the word CONFLICT (the statement kind is checked in the visitor). */
const SELECTED_STATEMENTS: StatementSelector = { words: ['CONFLICT'] };

/**
 * SQLite's `UNIQUE ON CONFLICT REPLACE` and the like inside constraints. (A bare `ON name`
 * after UNIQUE is T-SQL's filegroup clause, so only ON CONFLICT followed by an action counts.)
 */
export default defineRule({
  meta: {
    id: 'tsql/no-conflict-clause',
    description: 'Disallow ON CONFLICT <action> in column and table constraints (SQLite conflict resolution).',
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      conflictClause: "SQL Server rejects ON CONFLICT {{action}} in a constraint: Incorrect syntax near '{{action}}'.",
    },
    help: {
      conflictClause: 'Remove ON CONFLICT {{action}}: SQL Server always fails the statement on a constraint violation.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        if (statement.kind !== 'create table' && statement.kind !== 'alter table') return;
        const tokens = statement.tokens;
        for (let i = 0; i < tokens.length - 2; i++) {
          if (!isWord(tokens[i], 'ON') || !isWord(tokens[i + 1], 'CONFLICT') || !isWord(tokens[i + 2], ...CONFLICT_ACTIONS)) {
            continue;
          }
          context.report({
            node: tokens[i],
            endNode: tokens[i + 2],
            messageId: 'conflictClause',
            data: { action: tokens[i + 2].upper },
            suggest: [
              { desc: `Remove ON CONFLICT ${tokens[i + 2].upper}.`, fix: removeTokensEdit(context.source.text, tokens[i], tokens[i + 2]) },
            ],
          });
        }
      },
    };
  },
});
