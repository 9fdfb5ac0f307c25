import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { isPunctuation } from '../../src/sql/token.js';

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { kinds: ['punctuation'] };

/**
 * A comma right before `)`: SQL Server tolerates it at the end of a CREATE TABLE list,
 * SQLite rejects it there and everywhere else.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-trailing-comma',
    description: 'Disallow a trailing comma before ")" (SQL Server accepts one in CREATE TABLE; SQLite does not).',
    dialects: ['sqlite'],
    severity: 'error',
    fixable: true,
    messages: {
      comma: 'SQLite rejects a comma before ")": near ")": syntax error.',
    },
    help: {
      comma: 'Delete the trailing comma.',
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        if (!isPunctuation(token, ',') || !isPunctuation(statement.tokens[index + 1], ')')) return;
        // The span runs to the `)`, where SQLite reports the error, so the engine check's
        // report there is recognised as explained by this one.
        const close = statement.tokens[index + 1];
        context.report({ node: token, endNode: close, messageId: 'comma', fix: { range: [token.start, token.end], text: '' } });
      },
    };
  },
});
