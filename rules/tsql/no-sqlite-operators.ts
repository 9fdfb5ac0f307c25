import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { replaceTokenEdit } from '../../src/rules-support/tokens.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';

const WORD_OPERATORS = new Map<string, string>(Object.entries({
  GLOB: "LIKE with % and _ (GLOB's * and ? are case-sensitive wildcards)",
  REGEXP: 'LIKE, or REGEXP_LIKE() on SQL Server 2025',
  MATCH: 'CONTAINS() over a full-text index',
}));

/** What may follow IS in T-SQL: NULL, and 2022's DISTINCT FROM. TRUE/FALSE are tsql/no-boolean-literals'. */
const AFTER_IS = new Set(['NULL', 'DISTINCT', 'TRUE', 'FALSE', 'JSON']);

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { kinds: ['operator'], words: [...WORD_OPERATORS.keys(), 'IS'] };

/** SQLite operators SQL Server does not have: ==, GLOB, REGEXP, MATCH, and IS / IS NOT between values. */
export default defineRule({
  meta: {
    id: 'tsql/no-sqlite-operators',
    description: 'Disallow SQLite operators: ==, GLOB, REGEXP, MATCH, and IS / IS NOT between two values.',
    dialects: ['tsql'],
    severity: 'error',
    fixable: true,
    messages: {
      doubleEquals: "SQL Server rejects ==: Incorrect syntax near '='.",
      wordOperator: "SQL Server has no {{operator}} operator: Incorrect syntax near '{{operator}}'.",
      isValue: "SQL Server allows IS only before NULL: Incorrect syntax near '{{value}}'.",
    },
    help: {
      doubleEquals: 'Write = for equality.',
      wordOperator: 'Write {{rewrite}}.',
      isValue: 'Write = or <> to compare values (IS [NOT] DISTINCT FROM on SQL Server 2022 and later).',
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        const tokens = statement.tokens;
        if (token.kind === 'operator' && token.text === '==') {
          context.report({ node: token, messageId: 'doubleEquals', fix: replaceTokenEdit(token, '=') });
          return;
        }
        if (token.kind !== 'word') return;
        const rewrite = WORD_OPERATORS.get(token.upper);
        if (rewrite && isBetweenOperands(tokens, index)) {
          context.report({ node: token, messageId: 'wordOperator', data: { operator: token.upper, rewrite } });
          return;
        }
        if (token.upper === 'IS') {
          const at = isWord(tokens[index + 1], 'NOT') ? index + 2 : index + 1;
          const value = tokens[at];
          if (!value || (value.kind === 'word' && AFTER_IS.has(value.upper))) return;
          context.report({ node: token, endNode: value, messageId: 'isValue', data: { value: value.text } });
        }
      },
    };
  },
});

/**
 * GLOB/REGEXP/MATCH used as an operator: a value before it and a value after it. `SELECT glob
 * FROM t` (a column) and T-SQL graph `MATCH(...)` stay clean.
 */
function isBetweenOperands(tokens: readonly Token[], index: number): boolean {
  let before = tokens[index - 1];
  if (isWord(before, 'NOT')) before = tokens[index - 2];
  const after = tokens[index + 1];
  const valueBefore =
    before !== undefined &&
    (before.kind === 'quoted-identifier' || before.kind === 'string' || before.kind === 'number' ||
      before.kind === 'variable' || isPunctuation(before, ')') ||
      (before.kind === 'word' && !['SELECT', 'WHERE', 'AND', 'OR', 'ON', 'BY', 'DISTINCT', 'FROM'].includes(before.upper)));
  const valueAfter = after !== undefined && (after.kind === 'string' || after.kind === 'variable');
  return valueBefore && valueAfter;
}
