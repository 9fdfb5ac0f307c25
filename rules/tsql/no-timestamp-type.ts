import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { replaceTokenEdit } from '../../src/rules-support/tokens.js';
import { timestampColumns } from '../../src/rules-support/tsql-timestamp.js';

/** A TIMESTAMP column needs the word; other statements are skipped. */
const SELECTED_STATEMENTS: StatementSelector = { words: ['TIMESTAMP'] };

/** A TIMESTAMP column in T-SQL is a ROWVERSION, not a point in time as in SQLite. */
export default defineRule({
  meta: {
    id: 'tsql/no-timestamp-type',
    description: 'Warn on TIMESTAMP columns: in SQL Server TIMESTAMP means ROWVERSION, not a date and time.',
    dialects: ['tsql'],
    severity: 'warn',
    hasSuggestions: true,
    messages: {
      rowversion:
        'In SQL Server TIMESTAMP is ROWVERSION: an automatically changing binary row version, not a date and time.',
    },
    help: {
      rowversion: 'Write DATETIME2 for a date and time; write ROWVERSION if a row version is intended.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        for (const { type, defaultToken } of timestampColumns(statement)) {
          if (defaultToken) continue; // tsql/no-timestamp-default reports these: SQL Server rejects them.
          context.report({
            node: type,
            messageId: 'rowversion',
            suggest: [{ desc: 'Replace TIMESTAMP with DATETIME2.', fix: replaceTokenEdit(type, 'DATETIME2') }],
          });
        }
      },
    };
  },
});
