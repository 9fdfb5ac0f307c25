import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { qualifiedNameEnd, splitTopLevel } from '../../src/rules-support/tokens.js';
import { isPunctuation, isWord } from '../../src/sql/token.js';

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['drop index'] };

/** SQLite's `DROP INDEX i`: SQL Server needs the table, as `DROP INDEX i ON t` (or `t.i`). */
export default defineRule({
  meta: {
    id: 'tsql/no-bare-drop-index',
    description: 'Disallow DROP INDEX without its table: SQL Server needs DROP INDEX name ON table.',
    dialects: ['tsql'],
    severity: 'error',
    messages: {
      bareDropIndex:
        'SQL Server rejects DROP INDEX {{index}} without its table: Exactly two part names are required in a DROP INDEX statement.',
    },
    help: {
      bareDropIndex: 'Write DROP INDEX {{index}} ON table_name.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        if (statement.kind !== 'drop index') return;
        const tokens = statement.tokens;
        let start = 2;
        if (isWord(tokens[start], 'IF') && isWord(tokens[start + 1], 'EXISTS')) start += 2;
        const end = tokens.length - (isPunctuation(tokens[tokens.length - 1], ';') ? 1 : 0);
        for (const [from, to] of splitTopLevel(tokens, start, end)) {
          const nameEnd = qualifiedNameEnd(tokens, from);
          if (nameEnd !== from + 1) continue; // t.i (two parts) or no name at all
          if (nameEnd < to && isWord(tokens[nameEnd], 'ON')) continue;
          context.report({ node: tokens[from], messageId: 'bareDropIndex', data: { index: tokens[from].text } });
        }
      },
    };
  },
});
