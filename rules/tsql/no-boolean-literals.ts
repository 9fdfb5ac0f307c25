import { defineRule } from '../../src/engine/rule.js';
import { enclosingParen, isExpressionPosition, replaceTokenEdit } from '../../src/rules-support/tokens.js';
import { columnDefinitions } from '../../src/rules-support/tsql-columns.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';

/**
 * SQLite reads TRUE and FALSE as 1 and 0; SQL Server has no boolean literals and reads the
 * words as column names. PolyBase's `CREATE EXTERNAL ...` options do take TRUE/FALSE, so
 * those statements are left alone.
 */
export default defineRule({
  meta: {
    id: 'tsql/no-boolean-literals',
    description: 'Disallow TRUE and FALSE literals: SQL Server has none; write 1 and 0.',
    dialects: ['tsql'],
    severity: 'error',
    fixable: true,
    messages: {
      literal: 'SQL Server has no boolean literals: it reads {{word}} as a column name and rejects it here.',
    },
    help: {
      literal: 'Write {{value}} (a BIT value) instead of {{word}}.',
    },
  },
  create(context) {
    return {
      token(token, statement, index) {
        if (!isWord(token, 'TRUE', 'FALSE')) return;
        if (/^(create|alter) external/.test(statement.kind) || statement.kind === 'exec') return;
        const tokens = statement.tokens;
        if (!isExpressionPosition(tokens, index) || isOptionValue(tokens, index)) return;
        // `CREATE TABLE t (true BIT)`: a column named true (TRUE is no reserved word in T-SQL).
        if (columnDefinitions(statement).some((column) => column.nameIndex === index)) return;
        const next = tokens[index + 1];
        if (isPunctuation(next, '.') || isPunctuation(next, '(')) return;
        const value = token.upper === 'TRUE' ? '1' : '0';
        // `x IS TRUE` has no one-token rewrite (`IS 1` is no T-SQL): report without a fix.
        const previous = tokens[index - 1];
        const fixable = !isWord(previous, 'IS', 'NOT');
        context.report({
          node: token,
          messageId: 'literal',
          data: { word: token.upper, value },
          fix: fixable ? replaceTokenEdit(token, value) : undefined,
        });
      },
    };
  },
});

/** Option lists whose values may be TRUE / FALSE: `OPENROWSET(..., HEADER_ROW = TRUE)`, `WITH (...)`. */
const OPTION_LISTS = new Set(['WITH', 'OPENROWSET', 'FORMAT_OPTIONS', 'OPTIONS', 'OPENJSON', 'OPENQUERY']);

/** `NAME = TRUE` directly inside an option list: a T-SQL option, not a boolean literal. */
function isOptionValue(tokens: readonly Token[], index: number): boolean {
  const open = enclosingParen(tokens, index);
  if (open < 0) return false;
  const owner = tokens[open - 1];
  return owner !== undefined && owner.kind === 'word' && OPTION_LISTS.has(owner.upper);
}
