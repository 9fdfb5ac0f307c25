import type { TextEdit } from '../../src/engine/diagnostic.js';
import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import type { Statement } from '../../src/sql/statement.js';
import type { Token } from '../../src/sql/token.js';
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
  if (!holdsOneCallInParentheses(statement.tokens, call.defaultGroup)) return undefined;
  const [open, close] = call.defaultGroup;
  return { range: [statement.tokens[open].start, statement.tokens[close].end], text: 'CURRENT_TIMESTAMP' };
}

/** Each DEFAULT group's answer: the calls of one group share its array. */
const groupAnswers = new WeakMap<readonly [number, number], boolean>();

/**
 * True when a DEFAULT group is `( ... ( name ( ) ) ... )`: one word, the call's name, and as many
 * `(` as `)` besides. Worked out once per group: asked for each call, a group of N calls
 * (`DEFAULT (GETDATE() || GETDATE() || ...)`) was read N times (8,000 calls: 11.5 s).
 */
function holdsOneCallInParentheses(tokens: readonly Token[], group: readonly [number, number]): boolean {
  let answer = groupAnswers.get(group);
  if (answer === undefined) {
    let opens = 0;
    let closes = 0;
    let others = 0;
    for (let i = group[0]; i <= group[1]; i++) {
      if (tokens[i].text === '(') opens++;
      else if (tokens[i].text === ')') closes++;
      else others++;
    }
    answer = others === 1 && opens === closes;
    groupAnswers.set(group, answer);
  }
  return answer;
}
