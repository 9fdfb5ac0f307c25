import { defineRule } from '../../src/engine/rule.js';
import { isWord } from '../../src/sql/token.js';

/** PRAGMA is how SQLite changes settings; SQL Server has no such statement. */
export default defineRule({
  meta: {
    id: 'tsql/no-pragma',
    description: "Disallow SQLite's PRAGMA statements; SQL Server uses SET options (or nothing).",
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      pragma: "SQL Server has no PRAGMA statement: Incorrect syntax near '{{near}}'.",
    },
    help: {
      pragma:
        'Remove the PRAGMA: SQL Server always enforces foreign keys, and session settings are SET options (SET NOCOUNT ON, ...).',
    },
  },
  create(context) {
    return {
      statement(statement) {
        const [pragma, name] = statement.tokens;
        if (!isWord(pragma, 'PRAGMA')) return;
        context.report({
          node: pragma,
          endNode: statement.tokens[statement.tokens.length - 1],
          messageId: 'pragma',
          data: { near: name && name.kind === 'word' ? name.text : 'PRAGMA' },
          suggest: [{ desc: 'Remove the PRAGMA statement.', fix: { range: [statement.start, statement.end], text: '' } }],
        });
      },
    };
  },
});
