import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { isWord } from '../../src/sql/token.js';
import { qualifiedNameEnd } from '../../src/rules-support/tokens.js';

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['alter table'] };

/**
 * `ALTER TABLE t ALTER COLUMN c BIGINT NOT NULL`: SQL Server changes a column's type or
 * nullability in place; SQLite cannot change a column's type at all. SQLite 3.53's own
 * `ALTER COLUMN c SET NOT NULL` / `DROP NOT NULL` stays clean.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-alter-column',
    description: "Disallow T-SQL's ALTER TABLE ... ALTER COLUMN c <type>; SQLite cannot change a column's type.",
    dialects: ['sqlite'],
    severity: 'error',
    messages: {
      alterColumn: "SQLite rejects ALTER COLUMN {{column}} {{type}}: SQLite cannot change a column's type (syntax error).",
    },
    help: {
      alterColumn: 'Rebuild the table with the new column type (create the new table, copy the rows, drop the old one, rename).',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        if (statement.kind !== 'alter table') return;
        const tokens = statement.tokens;
        const alter = qualifiedNameEnd(tokens, 2);
        if (!isWord(tokens[alter], 'ALTER')) return;
        const columnIndex = isWord(tokens[alter + 1], 'COLUMN') ? alter + 2 : alter + 1;
        const column = tokens[columnIndex];
        const type = tokens[columnIndex + 1];
        if (!column || !type) return;
        if (isWord(type, 'SET', 'DROP') && isWord(tokens[columnIndex + 2], 'NOT')) return; // SQLite 3.53+
        context.report({
          node: tokens[alter],
          endNode: type,
          messageId: 'alterColumn',
          data: { column: column.text, type: type.text },
        });
      },
    };
  },
});
