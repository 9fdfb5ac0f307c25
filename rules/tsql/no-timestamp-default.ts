import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { replaceTokenEdit } from '../../src/rules-support/tokens.js';
import { timestampColumns } from '../../src/rules-support/tsql-timestamp.js';

/** A TIMESTAMP column needs the word; other statements are skipped. */
const SELECTED_STATEMENTS: StatementSelector = { words: ['TIMESTAMP'] };

/** `created TIMESTAMP DEFAULT CURRENT_TIMESTAMP` is SQLite's habit; SQL Server refuses the DEFAULT. */
export default defineRule({
  meta: {
    id: 'tsql/no-timestamp-default',
    description: 'Disallow a DEFAULT on a TIMESTAMP column: SQL Server reads TIMESTAMP as ROWVERSION and rejects it.',
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      timestampDefault:
        'SQL Server rejects this: Defaults cannot be created on columns of data type timestamp (TIMESTAMP is ROWVERSION there).',
    },
    help: {
      timestampDefault: 'Write DATETIME2 for a date and time with a DEFAULT, e.g. DATETIME2 DEFAULT SYSUTCDATETIME().',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        for (const { type, defaultToken } of timestampColumns(statement)) {
          if (!defaultToken) continue;
          context.report({
            node: type,
            messageId: 'timestampDefault',
            suggest: [{ desc: 'Replace TIMESTAMP with DATETIME2.', fix: replaceTokenEdit(type, 'DATETIME2') }],
          });
        }
      },
    };
  },
});
