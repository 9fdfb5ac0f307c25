import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { columnDefinitions, simpleTypeName } from '../../src/rules-support/tsql-columns.js';

/** Column definitions stand only where the word TABLE does: CREATE/ALTER TABLE, table types and table variables. */
const SELECTED_STATEMENTS: StatementSelector = { words: ['TABLE'] };

/**
 * SQLite ignores lengths, so SQLite habits write `name VARCHAR`. SQL Server gives such a
 * column length 1: every longer value fails with "String or binary data would be truncated".
 */
export default defineRule({
  meta: {
    id: 'tsql/no-unsized-varchar',
    description: 'Warn on VARCHAR / NVARCHAR columns without a length: SQL Server makes them 1 character long.',
    dialects: ['tsql'],
    severity: 'warn',
    hasSuggestions: true,
    messages: {
      unsized:
        'SQL Server gives {{type}} without a length a length of 1: longer values fail with "String or binary data would be truncated".',
    },
    help: {
      unsized: 'Give the column a length: {{type}}(100), or {{type}}(MAX) for unbounded text.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        const columns = columnDefinitions(statement);
        // An indexed loop, not for...of: see no-generated-columns.
        for (let c = 0; c < columns.length; c++) {
          const column = columns[c];
          if (column.typeStart < 0 || column.typeEnd !== column.typeStart + 1) continue;
          const type = tokens[column.typeStart];
          const name = simpleTypeName(type);
          if (name !== 'VARCHAR' && name !== 'NVARCHAR') continue;
          context.report({
            node: type,
            messageId: 'unsized',
            data: { type: name },
            suggest: [
              {
                desc: `Make it ${name}(MAX).`,
                fix: { range: [type.end, type.end], text: '(MAX)' },
              },
            ],
          });
        }
      },
    };
  },
});
