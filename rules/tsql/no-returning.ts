import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { isPunctuation, isWord } from '../../src/sql/token.js';
import { parenDepths } from '../../src/rules-support/tokens.js';

const DML = new Set(['insert', 'update', 'delete', 'replace', 'with']);
/** After these, `returning` is a column name or value, not SQLite's clause. */
const NAME_CONTEXT = new Set([
  'SET', 'WHERE', 'AND', 'OR', 'SELECT', 'BY', 'ON', 'NOT', 'INTO', 'FROM', 'AS', 'INSERT', 'UPDATE', 'DELETE', 'MERGE',
  'JOIN', 'TABLE', 'WHEN', 'THEN', 'ELSE', 'CASE', 'IS', 'IN', 'LIKE', 'BETWEEN', 'EXISTS', 'DISTINCT', 'TOP', 'RETURN',
  'PRINT', 'USING', 'APPLY',
]);

/** The statements this rule acts on: a report is always at the word RETURNING. */
const SELECTED_STATEMENTS: StatementSelector = { words: ['RETURNING'] };

/** SQLite's `INSERT/UPDATE/DELETE ... RETURNING`; SQL Server has the OUTPUT clause. */
export default defineRule({
  meta: {
    id: 'tsql/no-returning',
    description: 'Disallow RETURNING on INSERT, UPDATE and DELETE: SQL Server uses the OUTPUT clause.',
    dialects: ['tsql'],
    severity: 'error',
    messages: {
      returning: "SQL Server rejects RETURNING: Incorrect syntax near 'RETURNING'.",
    },
    help: {
      returning:
        'Use OUTPUT inserted.col (INSERT/UPDATE) or OUTPUT deleted.col (DELETE), written before VALUES / FROM / WHERE.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        // By its words, not its kind: `SET IDENTITY_INSERT t ON` may arrive glued to the INSERT.
        if (!DML.has(statement.kind) && !tokens.some((token) => isWord(token, 'INSERT', 'UPDATE', 'DELETE'))) return;
        let depths: readonly number[] | undefined;
        for (let i = 1; i < tokens.length; i++) {
          const token = tokens[i];
          if (!isWord(token, 'RETURNING')) continue;
          depths ??= parenDepths(tokens);
          if (depths[i] !== 0) continue;
          const previous = tokens[i - 1];
          if (previous.kind === 'operator' || isPunctuation(previous, ',') || isPunctuation(previous, '.')) continue;
          if (previous.kind === 'word' && NAME_CONTEXT.has(previous.upper)) continue;
          const next = tokens[i + 1];
          // The returned columns follow: `*` or a name. `INSERT returning (a)` names a table.
          const startsList = next !== undefined && (next.kind === 'word' || next.kind === 'quoted-identifier' || next.text === '*');
          if (!startsList) continue;
          context.report({ node: token, messageId: 'returning' });
          return;
        }
      },
    };
  },
});
