import type { TextEdit } from '../../src/engine/diagnostic.js';
import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import type { Statement } from '../../src/sql/statement.js';
import { CURRENT_TIME_FUNCTIONS, TSQL_ONLY_FUNCTIONS, tsqlFunctionCalls, type TsqlFunctionCall } from '../../src/rules-support/sqlite-tsql-functions.js';

/** The statements this rule acts on: those calling a function of TSQL_ONLY_FUNCTIONS. */
const SELECTED_STATEMENTS: StatementSelector = { words: Object.keys(TSQL_ONLY_FUNCTIONS) };

/**
 * SQL Server functions in expressions SQLite stores without evaluating: `DEFAULT (GETDATE())`,
 * view bodies, trigger bodies. The script runs; the failure ("no such function") comes later,
 * on the insert, the query or the write that fires the trigger. A warning, because the
 * statement itself is accepted (an application may even register a function of that name).
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-tsql-functions-in-schema',
    description: 'Warn about SQL Server functions in DEFAULT (...) expressions, views and triggers, which SQLite stores but cannot evaluate.',
    dialects: ['sqlite'],
    severity: 'warn',
    fixable: true,
    messages: {
      default: 'SQLite accepts this DEFAULT but every insert that needs it fails: no such function: {{name}}.',
      view: 'SQLite creates this view but every query of it fails: no such function: {{name}}.',
      trigger: 'SQLite creates this trigger but it fails whenever it fires: no such function: {{name}}.',
    },
    help: {
      default: 'Use {{rewrite}}.',
      view: 'Use {{rewrite}}.',
      trigger: 'Use {{rewrite}}.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        for (const call of tsqlFunctionCalls(statement)) {
          if (call.context !== 'default' && call.context !== 'view' && call.context !== 'trigger') continue;
          const close = call.close >= 0 ? statement.tokens[call.close] : call.name;
          context.report({
            node: call.name,
            endNode: close,
            messageId: call.context,
            data: { name: call.name.text, rewrite: TSQL_ONLY_FUNCTIONS[call.name.upper] },
            fix: call.context === 'default' ? currentTimestampFix(statement, call) : undefined,
          });
        }
      },
    };
  },
});

/**
 * `DEFAULT (GETDATE())`, `DEFAULT ((getdate()))` → `DEFAULT CURRENT_TIMESTAMP`: only when the
 * parentheses hold nothing but the call, so no expression around it is lost.
 */
function currentTimestampFix(statement: Statement, call: TsqlFunctionCall): TextEdit | undefined {
  if (!CURRENT_TIME_FUNCTIONS.has(call.name.upper) || !call.defaultGroup || call.close !== call.index + 2) return undefined;
  const [open, close] = call.defaultGroup;
  const tokens = statement.tokens;
  // Everything between the DEFAULT group's parentheses must be ( ... ( name ( ) ) ... ).
  const inner = tokens.slice(open, close + 1);
  const withoutCall = inner.filter((_, k) => k + open < call.index || k + open > call.close);
  const opens = withoutCall.filter((token) => token.text === '(').length;
  const closes = withoutCall.filter((token) => token.text === ')').length;
  if (opens + closes !== withoutCall.length || opens !== closes) return undefined;
  return { range: [tokens[open].start, tokens[close].end], text: 'CURRENT_TIMESTAMP' };
}
