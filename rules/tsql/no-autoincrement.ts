import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { isWord, type Token } from '../../src/sql/token.js';

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { words: ['AUTOINCREMENT'] };

/** SQLite's `INTEGER PRIMARY KEY AUTOINCREMENT` has no meaning to SQL Server. */
export default defineRule({
  meta: {
    id: 'tsql/no-autoincrement',
    description: "Disallow SQLite's AUTOINCREMENT; SQL Server uses IDENTITY(1,1).",
    dialects: ['tsql'],
    severity: 'error',
    fixable: true,
    messages: {
      autoincrement: "SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.",
    },
    help: {
      autoincrement: 'Write the column as INT IDENTITY(1,1) PRIMARY KEY.',
    },
  },
  create(context) {
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        if (!isWord(token, 'AUTOINCREMENT')) return;
        const fix = identityFix(statement.tokens, index, context.source.text);
        context.report({ node: token, messageId: 'autoincrement', fix });
      },
    };
  },
});

/**
 * `x INTEGER PRIMARY KEY AUTOINCREMENT` → `x INT IDENTITY(1,1) PRIMARY KEY`: the identity
 * property goes after the type, AUTOINCREMENT goes away with the space before it.
 */
function identityFix(
  tokens: readonly Token[],
  index: number,
  text: string,
): { range: [number, number]; text: string }[] | undefined {
  const primary = tokens[index - 2];
  const key = tokens[index - 1];
  const type = tokens[index - 3];
  if (!isWord(primary, 'PRIMARY') || !isWord(key, 'KEY') || !type || type.kind !== 'word') return undefined;
  let removeFrom = tokens[index].start;
  while (removeFrom > key.end && /\s/.test(text[removeFrom - 1])) removeFrom--;
  const typeText = type.upper === 'INTEGER' ? 'INT' : type.text;
  return [
    { range: [type.start, type.end], text: `${typeText} IDENTITY(1,1)` },
    { range: [removeFrom, tokens[index].end], text: '' },
  ];
}
