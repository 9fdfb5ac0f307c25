import type { TextEdit } from '../../src/engine/diagnostic.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Statement } from '../../src/sql/statement.js';
import { isPunctuation } from '../../src/sql/token.js';
import { removeRangeEdit } from '../../src/rules-support/sqlite-edits.js';

/**
 * `GO` lines end batches in SQL Server's tools (sqlcmd, SSMS); they are not SQL. The sqlite3
 * shell happens to skip them, but the SQLite library, which applications use, rejects them.
 * The lexer marks a GO alone on its line; a `go` inside an unclosed parenthesis is a column
 * name (`CREATE TABLE t (a INT,\ngo\n)`) and stays clean.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-batch-separator',
    description: "Disallow SQL Server's GO batch separator lines in SQLite files.",
    dialects: ['sqlite'],
    severity: 'error',
    fixable: true,
    messages: {
      go: 'SQLite rejects the batch separator {{text}}: near "{{word}}": syntax error.',
    },
    help: {
      go: 'Delete the GO line and end the statement before it with ";".',
    },
  },
  create(context) {
    let previous: Statement | undefined;
    return {
      statement(statement) {
        const before = previous;
        previous = statement;
        if (statement.kind !== 'go') return;
        if (before && opensMoreThanItCloses(before)) return;
        const token = statement.tokens[0];
        const text = context.source.text;
        const edits: TextEdit[] = [removeRangeEdit(text, token.start, token.end)];
        // Without the GO the statement before it would run into the next one.
        if (before && before.kind !== 'go' && !before.terminated) {
          edits.push({ range: [before.end, before.end], text: ';' });
        }
        context.report({
          node: token,
          messageId: 'go',
          data: { text: token.text, word: token.text.slice(0, 2) },
          fix: edits,
        });
      },
    };
  },
});

function opensMoreThanItCloses(statement: Statement): boolean {
  let depth = 0;
  for (const token of statement.tokens) {
    if (isPunctuation(token, '(')) depth++;
    else if (isPunctuation(token, ')')) depth--;
  }
  return depth > 0;
}
