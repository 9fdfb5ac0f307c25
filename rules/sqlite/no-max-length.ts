import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { isExpressionPosition } from '../../src/rules-support/tokens.js';
import { isPunctuation, isWord, upperIdentifierName } from '../../src/sql/token.js';

/** T-SQL types that take MAX as their length, and what SQLite stores the same values as. */
const MAX_TYPES: Record<string, 'TEXT' | 'BLOB'> = {
  VARCHAR: 'TEXT',
  NVARCHAR: 'TEXT',
  VARBINARY: 'BLOB',
};

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { words: ['MAX'] };

/**
 * `NVARCHAR(MAX)` and friends: SQLite's type arguments must be numbers, so it stops at MAX.
 * The type name is matched bare or bracketed (`[nvarchar](max)`), wherever a type stands
 * (column definitions, CAST), and only when the argument is the word MAX alone.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-max-length',
    description: 'Disallow T-SQL (N)VARCHAR(MAX) and VARBINARY(MAX); SQLite uses TEXT and BLOB.',
    dialects: ['sqlite'],
    severity: 'error',
    fixable: true,
    messages: {
      maxLength: 'SQLite rejects {{type}}: near "{{max}}": syntax error.',
    },
    help: {
      maxLength: 'Write {{replacement}}: SQLite types have no length limit.',
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        if (!isWord(token, 'MAX')) return;
        const tokens = statement.tokens;
        const open = tokens[index - 1];
        const type = tokens[index - 2];
        const close = tokens[index + 1];
        if (!isPunctuation(open, '(') || !isPunctuation(close, ')') || !type) return;
        if (type.kind !== 'word' && type.kind !== 'quoted-identifier') return;
        const replacement = MAX_TYPES[upperIdentifierName(type)];
        if (!replacement) return;
        if (isPunctuation(tokens[index - 3], '.')) return; // a schema-qualified user type
        if (isExpressionPosition(tokens, index - 2)) return; // a call such as varchar(max), not a type
        context.report({
          node: type,
          endNode: close,
          messageId: 'maxLength',
          data: { type: context.source.text.slice(type.start, close.end), max: token.text, replacement },
          fix: { range: [type.start, close.end], text: replacement },
        });
      },
    };
  },
});
