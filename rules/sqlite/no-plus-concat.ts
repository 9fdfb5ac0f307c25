import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import type { Token } from '../../src/sql/token.js';

/** Words that end an operand, so a `+` after them is binary: keywords would make it unary. */
const NOT_OPERANDS = new Set([
  'SELECT', 'WHERE', 'AND', 'OR', 'NOT', 'THEN', 'ELSE', 'WHEN', 'CASE', 'DEFAULT', 'SET', 'ON', 'BY', 'HAVING',
  'VALUES', 'RETURN', 'IN', 'IS', 'LIKE', 'BETWEEN', 'AS', 'DISTINCT', 'ALL',
]);

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { kinds: ['operator'] };

/**
 * `'a' + 'b'`: T-SQL joins strings with +, SQLite adds numbers with it. A string that does
 * not look like a number counts as 0, so the statement runs and yields a number. Flagged when
 * a text literal stands on either side of a binary +; `'1' + 1` stays clean.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-plus-concat',
    description: "Warn about T-SQL's + string concatenation, which SQLite evaluates as numeric addition.",
    dialects: ['sqlite'],
    severity: 'warn',
    hasSuggestions: true,
    messages: {
      plus: "SQLite reads + as numeric addition, not concatenation: {{literal}} counts as 0 and the result is a number.",
    },
    help: {
      plus: "Join strings with ||: 'a' || 'b'.",
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        if (token.kind !== 'operator' || token.text !== '+') return;
        const before = statement.tokens[index - 1];
        const after = statement.tokens[index + 1];
        if (!before || !isOperand(before)) return;
        const literal = isTextLiteral(before) ? before : isTextLiteral(after) ? after : undefined;
        if (!literal) return;
        context.report({
          node: token,
          messageId: 'plus',
          data: { literal: literal.text },
          suggest: [{ desc: 'Replace + with ||', fix: { range: [token.start, token.end], text: '||' } }],
        });
      },
    };
  },
});

function isOperand(token: Token): boolean {
  if (token.kind === 'word') return !NOT_OPERANDS.has(token.upper);
  if (token.kind === 'punctuation') return token.text === ')';
  return token.kind === 'string' || token.kind === 'number' || token.kind === 'quoted-identifier' || token.kind === 'variable';
}

/** A string literal whose text SQLite would not read as a number. */
function isTextLiteral(token: Token | undefined): token is Token {
  if (!token || token.kind !== 'string') return false;
  const value = (token.value ?? '').trim();
  return value === '' || !Number.isFinite(Number(value));
}
