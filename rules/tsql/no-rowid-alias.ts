import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { columnDefinitions, simpleTypeName } from '../../src/rules-support/tsql-columns.js';
import { isWord } from '../../src/sql/token.js';

/** Column definitions stand only where the word TABLE does: CREATE/ALTER TABLE, table types and table variables. */
const SELECTED_STATEMENTS: StatementSelector = { words: ['TABLE'] };

/**
 * In SQLite `id INTEGER PRIMARY KEY` aliases the rowid and numbers new rows by itself. SQL
 * Server runs the same text as a plain key: an INSERT without `id` fails on NULL.
 */
export default defineRule({
  meta: {
    id: 'tsql/no-rowid-alias',
    description: 'Warn on INTEGER PRIMARY KEY without IDENTITY: SQLite numbers such rows itself, SQL Server does not.',
    dialects: ['tsql'],
    severity: 'warn',
    hasSuggestions: true,
    messages: {
      rowidAlias:
        'INTEGER PRIMARY KEY generates no values in SQL Server (in SQLite it is the auto-numbered rowid): inserts without {{column}} fail.',
    },
    help: {
      rowidAlias: 'Write {{column}} INT IDENTITY(1,1) PRIMARY KEY if the database should number the rows.',
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
          if (simpleTypeName(type) !== 'INTEGER') continue;
          let keyEnd = -1;
          let numbered = false;
          for (let i = column.typeEnd; i < column.end; i++) {
            if (isWord(tokens[i], 'PRIMARY') && isWord(tokens[i + 1], 'KEY')) keyEnd = i + 1;
            // AUTOINCREMENT is tsql/no-autoincrement's to report.
            if (isWord(tokens[i], 'IDENTITY', 'AUTOINCREMENT')) numbered = true;
          }
          if (keyEnd < 0 || numbered) continue;
          const columnName = column.name.text;
          context.report({
            node: type,
            endNode: tokens[keyEnd],
            messageId: 'rowidAlias',
            data: { column: columnName },
            suggest: [
              {
                desc: 'Make it INT IDENTITY(1,1).',
                fix: { range: [type.start, type.end], text: 'INT IDENTITY(1,1)' },
              },
            ],
          });
        }
      },
    };
  },
});
