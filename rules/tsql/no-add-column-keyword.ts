import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { removeTokensEdit } from '../../src/rules-support/tokens.js';
import { isPunctuation, isWord } from '../../src/sql/token.js';

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['alter table'] };

/** SQLite (and the SQL standard) write `ALTER TABLE t ADD COLUMN c`; SQL Server has no COLUMN there. */
export default defineRule({
  meta: {
    id: 'tsql/no-add-column-keyword',
    description: 'Disallow ALTER TABLE ... ADD COLUMN: SQL Server writes ADD without the keyword COLUMN.',
    dialects: ['tsql'],
    severity: 'error',
    fixable: true,
    messages: {
      addColumn: "SQL Server rejects ADD COLUMN: Incorrect syntax near 'COLUMN'.",
    },
    help: {
      addColumn: 'Write ALTER TABLE ... ADD {{column}} ... without the keyword COLUMN.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        if (statement.kind !== 'alter table') return;
        const tokens = statement.tokens;
        let depth = 0;
        for (let i = 0; i < tokens.length - 1; i++) {
          if (isPunctuation(tokens[i], '(')) depth++;
          else if (isPunctuation(tokens[i], ')')) depth--;
          if (depth !== 0 || !isWord(tokens[i], 'ADD') || !isWord(tokens[i + 1], 'COLUMN')) continue;
          const keyword = tokens[i + 1];
          context.report({
            node: keyword,
            messageId: 'addColumn',
            data: { column: tokens[i + 2]?.text ?? 'name' },
            fix: removeTokensEdit(context.source.text, keyword, keyword),
          });
        }
      },
    };
  },
});
