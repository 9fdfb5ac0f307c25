import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';
import { removeRangeEdit } from '../../src/rules-support/sqlite-edits.js';
import { qualifiedNameEnd } from '../../src/rules-support/tokens.js';

/** SQL Server's SET session options (https://learn.microsoft.com/sql/t-sql/statements/set-statements-transact-sql). */
const SET_OPTIONS = new Set([
  'ANSI_DEFAULTS', 'ANSI_NULL_DFLT_OFF', 'ANSI_NULL_DFLT_ON', 'ANSI_NULLS', 'ANSI_PADDING', 'ANSI_WARNINGS',
  'ARITHABORT', 'ARITHIGNORE', 'CONCAT_NULL_YIELDS_NULL', 'CONTEXT_INFO', 'CURSOR_CLOSE_ON_COMMIT', 'DATEFIRST',
  'DATEFORMAT', 'DEADLOCK_PRIORITY', 'FIPS_FLAGGER', 'FMTONLY', 'FORCEPLAN', 'IDENTITY_INSERT',
  'IMPLICIT_TRANSACTIONS', 'LANGUAGE', 'LOCK_TIMEOUT', 'NOCOUNT', 'NOEXEC', 'NO_BROWSETABLE', 'NUMERIC_ROUNDABORT',
  'OFFSETS', 'PARSEONLY', 'QUERY_GOVERNOR_COST_LIMIT', 'QUOTED_IDENTIFIER', 'REMOTE_PROC_TRANSACTIONS', 'ROWCOUNT',
  'SHOWPLAN_ALL', 'SHOWPLAN_TEXT', 'SHOWPLAN_XML', 'STATISTICS', 'TEXTSIZE', 'TRANSACTION', 'XACT_ABORT',
]);

/** Options whose value is one word or number: `SET DATEFORMAT dmy`, `SET ROWCOUNT 0`. */
const VALUE_OPTIONS = new Set([
  'DATEFIRST', 'DATEFORMAT', 'DEADLOCK_PRIORITY', 'LANGUAGE', 'LOCK_TIMEOUT', 'QUERY_GOVERNOR_COST_LIMIT', 'ROWCOUNT',
  'TEXTSIZE', 'CONTEXT_INFO',
]);

/** The statements this rule acts on: a report is always at the word SET. */
const SELECTED_STATEMENTS: StatementSelector = { words: ['SET'] };

/**
 * `SET ANSI_NULLS ON`, `SET NOCOUNT ON`, `SET IDENTITY_INSERT t ON`...: SQLite has no SET
 * statement at all. A statement that starts with SET is reported whatever follows (except a
 * @variable, which is no-tsql-control-flow's); inside a longer statement only a known option
 * not followed by `=` counts, so `UPDATE t SET language = 'en'` stays clean.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-set-options',
    description: "Disallow SQL Server's SET session options (ANSI_NULLS, QUOTED_IDENTIFIER, NOCOUNT, IDENTITY_INSERT...) in SQLite files.",
    dialects: ['sqlite'],
    severity: 'error',
    fixable: true,
    messages: {
      option: 'SQLite rejects SET {{option}}: near "SET": syntax error.',
      identityInsert: 'SQLite rejects SET IDENTITY_INSERT: near "SET": syntax error.',
    },
    help: {
      option: 'Delete the statement: SQLite has no SET options (its own settings are PRAGMAs).',
      identityInsert: 'Delete the statement: SQLite accepts explicit values for an INTEGER PRIMARY KEY column anyway.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        let depth = 0;
        for (let i = 0; i < tokens.length; i++) {
          const token = tokens[i];
          if (isPunctuation(token, '(')) depth++;
          else if (isPunctuation(token, ')')) depth--;
          if (token.kind !== 'word' || token.upper !== 'SET' || depth !== 0) continue;
          const option = tokens[i + 1];
          if (!option || option.kind !== 'word') continue;
          if (i > 0 && (!SET_OPTIONS.has(option.upper) || tokens[i + 2]?.text === '=')) {
            continue;
          }
          const last = optionStatementEnd(tokens, i);
          const end = last >= 0 && isPunctuation(tokens[last + 1], ';') ? tokens[last + 1] : tokens[last];
          const identityInsert = option.upper === 'IDENTITY_INSERT';
          context.report({
            node: token,
            endNode: last >= 0 ? tokens[last] : option,
            messageId: identityInsert ? 'identityInsert' : 'option',
            data: { option: option.upper },
            fix: end ? removeRangeEdit(context.source.text, token.start, end.end) : undefined,
          });
        }
      },
    };
  },
});

/**
 * Index of the last token of the SET statement starting at `set`, or -1 when its shape is not
 * one of the known forms (then it is reported without a fix).
 */
function optionStatementEnd(tokens: readonly Token[], set: number): number {
  const option = tokens[set + 1];
  if (option.upper === 'IDENTITY_INSERT') {
    const nameEnd = qualifiedNameEnd(tokens, set + 2);
    return nameEnd > set + 2 && isWord(tokens[nameEnd], 'ON', 'OFF') ? nameEnd : -1;
  }
  if (option.upper === 'TRANSACTION') {
    if (!isWord(tokens[set + 2], 'ISOLATION') || !isWord(tokens[set + 3], 'LEVEL')) return -1;
    const level = tokens[set + 4];
    if (isWord(level, 'READ') && isWord(tokens[set + 5], 'COMMITTED', 'UNCOMMITTED')) return set + 5;
    if (isWord(level, 'REPEATABLE') && isWord(tokens[set + 5], 'READ')) return set + 5;
    return isWord(level, 'SERIALIZABLE', 'SNAPSHOT') ? set + 4 : -1;
  }
  if (VALUE_OPTIONS.has(option.upper)) {
    let value = set + 2;
    if (tokens[value]?.text === '-') value++;
    const token = tokens[value];
    return token && (token.kind === 'word' || token.kind === 'number' || token.kind === 'string') ? value : -1;
  }
  // SET A, B, C ON|OFF
  let i = set + 1;
  while (tokens[i]?.kind === 'word' && SET_OPTIONS.has(tokens[i].upper) && isPunctuation(tokens[i + 1], ',')) i += 2;
  if (tokens[i]?.kind !== 'word') return -1;
  return isWord(tokens[i + 1], 'ON', 'OFF') ? i + 1 : -1;
}
