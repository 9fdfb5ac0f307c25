import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { qualifiedNameEnd } from '../../src/rules-support/tokens.js';
import { isWord } from '../../src/sql/token.js';

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['create table'] };

/** SQLite's virtual tables (`CREATE VIRTUAL TABLE t USING fts5(...)`) have no SQL Server form. */
export default defineRule({
  meta: {
    id: 'tsql/no-virtual-table',
    description: 'Disallow CREATE VIRTUAL TABLE ... USING module(...): SQLite extension tables.',
    dialects: ['tsql'],
    severity: 'error',
    messages: {
      virtualTable: "SQL Server has no virtual tables: CREATE VIRTUAL TABLE ... USING {{module}} is rejected (Incorrect syntax near 'VIRTUAL').",
    },
    help: {
      virtualTable: 'Create an ordinary table; for full-text search (fts3/fts4/fts5) add a FULLTEXT INDEX on it.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        if (!isWord(tokens[0], 'CREATE') || !isWord(tokens[1], 'VIRTUAL') || !isWord(tokens[2], 'TABLE')) return;
        let at = 3;
        if (isWord(tokens[at], 'IF') && isWord(tokens[at + 1], 'NOT') && isWord(tokens[at + 2], 'EXISTS')) at += 3;
        const using = qualifiedNameEnd(tokens, at);
        const module = isWord(tokens[using], 'USING') && tokens[using + 1] ? tokens[using + 1].text : 'a module';
        context.report({ node: tokens[1], messageId: 'virtualTable', data: { module } });
      },
    };
  },
});
