import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { enclosingParen, isExpressionPosition, replaceTokenEdit } from '../../src/rules-support/tokens.js';
import { columnDefinitions, type ColumnDefinition } from '../../src/rules-support/tsql-columns.js';
import { memoizeLast } from '../../src/sql/statement-memo.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { words: ['TRUE', 'FALSE'] };

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
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        if ((token.upper !== 'TRUE' && token.upper !== 'FALSE') || token.kind !== 'word') return;
        if (/^(create|alter) external/.test(statement.kind) || statement.kind === 'exec') return;
        const tokens = statement.tokens;
        if (!isExpressionPosition(tokens, index) || isOptionValue(tokens, index)) return;
        // `CREATE TABLE t (true BIT)`: a column named true (TRUE is no reserved word in T-SQL).
        if (columnNameIndexes(columnDefinitions(statement)).has(index)) return;
        const next = tokens[index + 1];
        if (isPunctuation(next, '.') || isPunctuation(next, '(')) return;
        const value = token.upper === 'TRUE' ? '1' : '0';
        // What the literal follows, past the parentheses around it: `NOT (TRUE)` is `NOT TRUE`.
        let before = index - 1;
        while (isPunctuation(tokens[before], '(')) before--;
        // `x IS TRUE` and `NOT TRUE` have no one-token rewrite (`IS 1` is no T-SQL): no fix.
        const fixable = !isWord(tokens[before], 'IS', 'NOT');
        // Where a condition stands (`WHERE TRUE`), T-SQL needs a comparison, not a value.
        const replacement = isConditionPosition(tokens, index, before) ? `1 = ${value}` : value;
        context.report({
          node: token,
          messageId: 'literal',
          data: { word: token.upper, value },
          fix: fixable ? replaceTokenEdit(token, replacement) : undefined,
        });
      },
    };
  },
});

/**
 * Where the statement's column names stand, once per statement: asked per TRUE, a scan of the
 * columns made a table of a DEFAULT TRUE per column quadratic (64,000 columns: 5.2 s).
 */
const columnNameIndexes = memoizeLast((columns: readonly ColumnDefinition[]) => new Set(columns.map((column) => column.nameIndex)));

/** Option lists whose values may be TRUE / FALSE: `OPENROWSET(..., HEADER_ROW = TRUE)`, `WITH (...)`. */
const OPTION_LISTS = new Set(['WITH', 'OPENROWSET', 'FORMAT_OPTIONS', 'OPTIONS', 'OPENJSON', 'OPENQUERY']);

/** `NAME = TRUE` directly inside an option list: a T-SQL option, not a boolean literal. */
function isOptionValue(tokens: readonly Token[], index: number): boolean {
  const open = enclosingParen(tokens, index);
  if (open < 0) return false;
  const owner = tokens[open - 1];
  return owner !== undefined && owner.kind === 'word' && OPTION_LISTS.has(owner.upper);
}

/** Words after a value that make it one side of a comparison or test (`TRUE IS NULL`, `TRUE IN (...)`). */
const COMPARING_WORDS = new Set(['IS', 'IN', 'NOT', 'LIKE', 'BETWEEN', 'COLLATE', 'ESCAPE', 'GLOB', 'REGEXP', 'MATCH']);

/**
 * True where the literal at `index` is a whole condition: `before` (the token before it and its
 * parentheses) is WHERE, AND, IF ..., or a searched CASE's WHEN, and nothing compares it. `WHERE TRUE = x` compares a
 * value, and `1 = 1` for its TRUE made `WHERE 1 = 1 = x`, which SQL Server rejects.
 */
function isConditionPosition(tokens: readonly Token[], index: number, before: number): boolean {
  const next = tokens[index + 1];
  if (next !== undefined && (next.kind === 'operator' || (next.kind === 'word' && COMPARING_WORDS.has(next.upper)))) return false;
  const previous = tokens[before];
  if (isWord(previous, 'WHERE', 'AND', 'OR', 'IF', 'WHILE', 'HAVING', 'ON')) return true;
  if (!isWord(previous, 'WHEN')) return false;
  return inSearchedCase(tokens, before);
}

/** The answers of inSearchedCase so far, by the WHEN's index, for the token list asked about last. */
const answeredWhens = memoizeLast((_tokens: readonly Token[]) => new Map<number, boolean>());

/**
 * Whether the WHEN at `when` belongs to a searched CASE (`CASE WHEN cond`), which takes
 * conditions, rather than a simple one (`CASE x WHEN v`), which takes values: found by going
 * back to its CASE. Going back stops at an earlier WHEN of the same level already answered,
 * whose CASE is the same: a CASE of 40,000 `WHEN TRUE` went back to its start from each (46 s).
 */
function inSearchedCase(tokens: readonly Token[], when: number): boolean {
  const answered = answeredWhens(tokens);
  let answer = false;
  let depth = 0;
  for (let i = when - 1; i >= 0; i--) {
    const token = tokens[i];
    const earlier = depth === 0 && isWord(token, 'WHEN') ? answered.get(i) : undefined;
    if (earlier !== undefined) {
      answer = earlier;
      break;
    }
    if (isPunctuation(token, ')')) depth++;
    else if (isPunctuation(token, '(')) depth--;
    else if (depth === 0 && isWord(token, 'END')) depth++;
    else if (depth === 0 && isWord(token, 'CASE')) {
      answer = isWord(tokens[i + 1], 'WHEN');
      break;
    } else if (depth > 0 && isWord(token, 'CASE')) depth--;
  }
  answered.set(when, answer);
  return answer;
}
