import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { isWord } from '../../src/sql/token.js';
import { qualifiedNameEnd } from '../../src/rules-support/tokens.js';

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['truncate'] };

/**
 * `TRUNCATE TABLE t`: SQLite has no TRUNCATE; an unconditional `DELETE FROM t` is its
 * equivalent (and SQLite runs it as a fast truncate when no trigger needs the rows).
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-truncate',
    description: "Disallow T-SQL's TRUNCATE TABLE; SQLite uses DELETE FROM.",
    dialects: ['sqlite'],
    severity: 'error',
    fixable: true,
    messages: {
      truncate: 'SQLite rejects TRUNCATE TABLE: near "{{word}}": syntax error.',
    },
    help: {
      truncate: 'Write DELETE FROM {{table}}.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        if (!isWord(tokens[0], 'TRUNCATE') || !isWord(tokens[1], 'TABLE')) return;
        const nameEnd = qualifiedNameEnd(tokens, 2);
        const table = nameEnd > 2 ? context.source.text.slice(tokens[2].start, tokens[nameEnd - 1].end) : 'the table';
        context.report({
          node: tokens[0],
          endNode: tokens[1],
          messageId: 'truncate',
          data: { word: tokens[0].text, table },
          fix: { range: [tokens[0].start, tokens[1].end], text: 'DELETE FROM' },
        });
      },
    };
  },
});
