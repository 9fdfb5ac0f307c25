import { defineRule, type StatementSelector, type TokenSelector } from '../../src/engine/rule.js';
import type { Token } from '../../src/sql/token.js';
import { CURRENT_TIME_FUNCTIONS, TSQL_ONLY_FUNCTIONS, tsqlFunctionCalls } from '../../src/rules-support/sqlite-tsql-functions.js';

/** Plain renames with the same arguments and meaning, offered as suggestions. */
const RENAMES: Record<string, string> = {
  ISNULL: 'ifnull',
  GREATEST: 'max',
  LEAST: 'min',
  COUNT_BIG: 'count',
  SCOPE_IDENTITY: 'last_insert_rowid',
};

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { kinds: ['variable'] };

/** The statements this rule acts on: those calling a function of TSQL_ONLY_FUNCTIONS. */
const SELECTED_STATEMENTS: StatementSelector = { words: Object.keys(TSQL_ONLY_FUNCTIONS) };

/**
 * SQL Server functions SQLite does not have, where SQLite notices at once: in queries and
 * DML ("no such function" when the statement is prepared), in CHECK constraints, generated
 * columns and index expressions (checked when the table or index is created), and
 * `DEFAULT GETDATE()` without parentheses (a syntax error). `@@IDENTITY`-style globals are
 * rejected by SQLite's tokenizer anywhere. Calls SQLite only meets later (`DEFAULT (GETDATE())`,
 * view and trigger bodies) are sqlite/no-tsql-functions-in-schema's, a warning.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-tsql-functions',
    description: "Disallow SQL Server functions SQLite does not have (GETDATE, NEWID, ISNULL, LEN, CHARINDEX, DATEADD, CONVERT, SCOPE_IDENTITY...) and @@ globals.",
    dialects: ['sqlite'],
    severity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      call: 'SQLite rejects {{name}}(): no such function: {{name}}.',
      bareDefault: 'SQLite rejects DEFAULT {{name}}() without parentheses: near "(": syntax error.',
      global: 'SQLite rejects {{name}}: unrecognized token: "@".',
    },
    help: {
      call: 'Use {{rewrite}}.',
      bareDefault: 'Write DEFAULT {{rewrite}}.',
      global: 'Use {{rewrite}}.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        for (const call of tsqlFunctionCalls(statement)) {
          if (call.context !== 'immediate' && call.context !== 'bare-default') continue;
          const name = call.name.upper;
          const close = call.close >= 0 ? statement.tokens[call.close] : call.name;
          if (call.context === 'bare-default') {
            const currentTime = CURRENT_TIME_FUNCTIONS.has(name) && call.close === call.index + 2;
            context.report({
              node: call.name,
              endNode: close,
              messageId: 'bareDefault',
              data: { name: call.name.text, rewrite: currentTime ? 'CURRENT_TIMESTAMP' : `(${TSQL_ONLY_FUNCTIONS[name]})` },
              fix: currentTime ? { range: [call.name.start, close.end], text: 'CURRENT_TIMESTAMP' } : undefined,
            });
            continue;
          }
          context.report({
            node: call.name,
            endNode: close,
            messageId: 'call',
            data: { name: call.name.text, rewrite: TSQL_ONLY_FUNCTIONS[name] },
            suggest: renameSuggestion(call.name),
          });
        }
      },
      tokenSelector: SELECTED_TOKENS,
      token(token) {
        if (token.kind !== 'variable' || !token.text.startsWith('@@')) return;
        context.report({ node: token, messageId: 'global', data: { name: token.text, rewrite: globalRewrite(token.text) } });
      },
    };
  },
});

function renameSuggestion(name: Token): { desc: string; fix: { range: [number, number]; text: string } }[] | undefined {
  const replacement = RENAMES[name.upper];
  if (!replacement) return undefined;
  return [{ desc: `Call ${replacement}() instead`, fix: { range: [name.start, name.end], text: replacement } }];
}

/** SQLite's counterparts of the @@ globals people use in scripts. */
function globalRewrite(name: string): string {
  switch (name.toUpperCase()) {
    case '@@IDENTITY':
      return 'last_insert_rowid()';
    case '@@ROWCOUNT':
      return 'changes()';
    case '@@VERSION':
      return 'sqlite_version()';
    case '@@TRANCOUNT':
      return 'application code: SQLite transactions do not nest (use SAVEPOINT)';
    default:
      return 'a value from application code: SQLite has no @@ globals';
  }
}
