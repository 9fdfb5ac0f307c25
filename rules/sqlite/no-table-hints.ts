import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';
import { removeRangeEdit } from '../../src/rules-support/sqlite-edits.js';
import { isNameToken, matchingParen } from '../../src/rules-support/tokens.js';

/** SQL Server's table hints (https://learn.microsoft.com/sql/t-sql/queries/hints-transact-sql-table). */
const TABLE_HINTS = new Set([
  'NOLOCK', 'READUNCOMMITTED', 'READCOMMITTED', 'READCOMMITTEDLOCK', 'REPEATABLEREAD', 'SERIALIZABLE', 'HOLDLOCK',
  'UPDLOCK', 'XLOCK', 'ROWLOCK', 'PAGLOCK', 'TABLOCK', 'TABLOCKX', 'READPAST', 'NOWAIT', 'SNAPSHOT', 'FORCESEEK',
  'FORCESCAN', 'NOEXPAND', 'INDEX', 'KEEPIDENTITY', 'KEEPDEFAULTS', 'IGNORE_CONSTRAINTS', 'IGNORE_TRIGGERS',
]);

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { words: ['WITH'], kinds: ['punctuation'] };

/**
 * Table hints such as `WITH (NOLOCK)` and the older `(NOLOCK)`: SQLite locks the whole
 * database file and takes no hints; after a table name it reads `(` as the start of a
 * table-valued function's arguments.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-table-hints',
    description: "Disallow SQL Server table hints such as WITH (NOLOCK) in SQLite files.",
    dialects: ['sqlite'],
    severity: 'error',
    fixable: true,
    messages: {
      hint: 'SQLite rejects the table hint {{hint}}: near "(": syntax error.',
    },
    help: {
      hint: 'Delete {{hint}}: SQLite has no locking hints (readers never block in WAL mode).',
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        const tokens = statement.tokens;
        let start: Token;
        let open: number;
        if (isWord(token, 'WITH') && isPunctuation(tokens[index + 1], '(')) {
          if (!isNameToken(tokens[index - 1])) return;
          start = token;
          open = index + 1;
        } else if (isPunctuation(token, '(') && isOldStyleHintPosition(tokens, index)) {
          start = token;
          open = index;
        } else {
          return;
        }
        const first = tokens[open + 1];
        if (!first || first.kind !== 'word' || !TABLE_HINTS.has(first.upper)) return;
        const close = matchingParen(tokens, open);
        if (close < 0) return;
        const hint = context.source.text.slice(start.start, tokens[close].end);
        context.report({
          node: start,
          endNode: tokens[close],
          messageId: 'hint',
          data: { hint },
          fix: removeRangeEdit(context.source.text, start.start, tokens[close].end),
        });
      },
    };
  },
});

/** `FROM t (NOLOCK)` or `JOIN t x (NOLOCK)`: a parenthesis right after a table in FROM/JOIN. */
function isOldStyleHintPosition(tokens: readonly Token[], open: number): boolean {
  if (!isPunctuation(tokens[open + 2], ')')) return false;
  const before = tokens[open - 1];
  if (!isNameToken(before) || isWord(before, 'WITH')) return false;
  if (isWord(tokens[open - 2], 'FROM', 'JOIN')) return true;
  return isNameToken(tokens[open - 2]) && isWord(tokens[open - 3], 'FROM', 'JOIN');
}
