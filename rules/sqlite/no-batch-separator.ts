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
    /** A GO line waits for the statement after it: `FROM\ngo\n;` names a table called go. */
    let pending: { go: Statement; before: Statement | undefined } | undefined;

    const decide = (after: Statement | undefined): void => {
      if (!pending) return;
      const { go, before } = pending;
      pending = undefined;
      if (readsAsName(before, after)) return;
      const token = go.tokens[0];
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
    };

    return {
      statement(statement) {
        decide(statement);
        if (statement.kind === 'go') pending = { go: statement, before: previous };
        previous = statement;
      },
      /**
       * Not judged (only its leading and latest tokens are kept), but it is the statement before a
       * GO after it, which the fix must end with a `;`, and the statement after a GO before it.
       */
      oversized(statement) {
        decide(statement);
        previous = statement;
      },
      end() {
        decide(undefined);
      },
    };
  },
});

/** Words after which a statement must go on: a `go` right after them is a name. */
const CONTINUING_WORDS = new Set([
  'FROM', 'JOIN', 'INTO', 'TABLE', 'UPDATE', 'WHERE', 'AND', 'OR', 'SELECT', 'BY', 'SET', 'VALUES', 'AS', 'IN', 'NOT',
  'IS', 'LIKE', 'CASE', 'WHEN', 'THEN', 'ELSE', 'DISTINCT', 'ALL', 'UNION', 'INTERSECT', 'EXCEPT', 'HAVING', 'LIMIT',
  'OFFSET', 'REFERENCES', 'INDEX', 'VIEW', 'TRIGGER', 'USING', 'NATURAL', 'INNER', 'CROSS', 'OUTER', 'LEFT', 'DELETE',
  'INSERT', 'REPLACE', 'DROP', 'EXISTS',
]);

/** Words that continue a statement, so a `go` line before them is a name. */
const CONTINUATION_STARTS = new Set([
  'FROM', 'WHERE', 'AS', 'ON', 'JOIN', 'GROUP', 'ORDER', 'LIMIT', 'AND', 'OR', 'INNER', 'LEFT',
  'CROSS', 'NATURAL', 'UNION', 'INTERSECT', 'EXCEPT', 'HAVING', 'WINDOW', 'USING', 'DEFAULT', 'INDEXED', 'NOT',
]);

/**
 * True when a line holding only `go` is a name in the middle of a statement: inside an open
 * parenthesis, after a word or symbol that needs more (`FROM`, `,`), or before one that
 * continues (`;`, `WHERE`, `,`).
 */
function readsAsName(before: Statement | undefined, after: Statement | undefined): boolean {
  if (before && before.kind !== 'go') {
    // Counted in the kept tokens of a statement past the token limit, its parentheses would
    // balance or not by where the cut fell: its last token is all there is to go by.
    if (!before.oversized && opensMoreThanItCloses(before)) return true;
    const last = before.tokens[before.tokens.length - 1];
    if (!before.terminated) {
      if (last.kind === 'operator' || (last.kind === 'punctuation' && last.text !== ')')) return true;
      if (last.kind === 'word' && CONTINUING_WORDS.has(last.upper)) return true;
    }
  }
  const next = after?.tokens[0];
  if (!next || after?.kind === 'go') return false;
  if (next.kind === 'operator' || (next.kind === 'punctuation' && next.text !== '(')) return true;
  return next.kind === 'word' && CONTINUATION_STARTS.has(next.upper);
}

function opensMoreThanItCloses(statement: Statement): boolean {
  let depth = 0;
  for (const token of statement.tokens) {
    if (isPunctuation(token, '(')) depth++;
    else if (isPunctuation(token, ')')) depth--;
  }
  return depth > 0;
}
