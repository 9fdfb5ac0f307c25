import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { qualifiedNameEnd } from '../../src/rules-support/tokens.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['pragma'] };

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
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const [pragma, name] = statement.tokens;
        if (!isWord(pragma, 'PRAGMA') || !isPragmaShape(statement.tokens)) return;
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

/**
 * `PRAGMA name`, `PRAGMA schema.name = value`, `PRAGMA name(value)`. T-SQL's splitter starts a
 * statement at every PRAGMA, so `SELECT pragma FROM t` arrives as `pragma FROM t`: the shape
 * check keeps a column named pragma clean.
 */
function isPragmaShape(tokens: readonly Token[]): boolean {
  const end = tokens.length - (isPunctuation(tokens[tokens.length - 1], ';') ? 1 : 0);
  if (end === 1) return true;
  if (tokens[1].kind === 'string') return end === 2;
  const nameEnd = qualifiedNameEnd(tokens, 1);
  if (nameEnd === 1) return false;
  const after = tokens[nameEnd];
  return nameEnd === end || (after.kind === 'operator' && after.text === '=') || isPunctuation(after, '(');
}
