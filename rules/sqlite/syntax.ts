import { defineRule, type ReportTarget, type RuleContext, type RuleVisitor } from '../../src/engine/rule.js';
import { describeError, loadSqliteEngine, markSqliteEngineBroken, sqliteEngineState } from '../../src/sqlite/engine.js';
import { EngineBrokenError } from '../../src/sqlite/sandbox-database.js';
import { SqliteFileValidator, type SqliteProblem, type SqliteProblemKind } from '../../src/sqlite/validator.js';
import { DEFAULT_TARGET_SQLITE_VERSION, LATEST_SQLITE, parseSqliteVersion } from '../../src/sqlite/version-features.js';

const MESSAGE_IDS: Record<SqliteProblemKind, string> = {
  syntax: 'syntax',
  incomplete: 'incomplete',
  'unrecognized-token': 'unrecognizedToken',
  'no-such-object': 'noSuchObject',
  'no-such-column': 'noSuchColumn',
  'no-such-function': 'noSuchFunction',
  'no-such-module': 'noSuchModule',
  rejected: 'rejected',
  'shell-command': 'shellCommand',
  'newer-feature': 'needsNewerSqlite',
};

/**
 * Everything the SQLite library itself rejects, found by the library itself: each statement
 * is compiled by SQLite (sql.js, in memory), schema statements run so later ones resolve, and
 * each error is reported on the token SQLite names, in SQLite's words. It is a fallback: a
 * catalog rule that explains the same line (sqlite/no-max-length for `NVARCHAR(MAX)`) wins.
 */
export default defineRule({
  meta: {
    id: 'sqlite/syntax',
    description: 'Report every statement the SQLite library rejects, as SQLite reports it.',
    dialects: ['sqlite'],
    severity: 'error',
    fallback: true,
    messages: {
      syntax: 'SQLite rejects this: {{reason}}.',
      incomplete: 'SQLite rejects this: incomplete input.',
      unrecognizedToken: 'SQLite rejects this: {{reason}}.',
      noSuchObject: 'SQLite rejects this: {{reason}}.',
      noSuchColumn: 'SQLite rejects this: {{reason}}.',
      noSuchFunction: 'SQLite rejects this: {{reason}}.',
      noSuchModule: 'SQLite rejects this: {{reason}}.',
      rejected: 'SQLite rejects this: {{reason}}.',
      shellCommand: 'SQLite rejects this: {{command}} is a command of the sqlite3 shell, not SQL (near ".": syntax error).',
      needsNewerSqlite: 'SQLite before {{since}} rejects this: {{reason}}.',
      engineUnavailable: 'SQLite syntax was not checked: the SQLite engine could not run ({{reason}}).',
    },
    help: {
      syntax:
        'SQLite stopped reading at this token: look for a missing comma or parenthesis just before it, a misspelt keyword, or a construct of another dialect.',
      incomplete: 'The statement ends before it is complete: close every parenthesis, quote and BEGIN ... END.',
      unrecognizedToken: 'Close the quote, or remove the character SQLite cannot read.',
      noSuchObject: 'Create it earlier in this file (SQLite runs the statements in order), or correct the name.',
      noSuchColumn: 'Use a column the table has, or add the column before this statement.',
      noSuchFunction: 'Use a function SQLite has (its core, date and math functions), or compute the value in the application.',
      noSuchModule: 'SQLite builds do not ship this virtual table module: the application must load the extension that provides it.',
      rejected: 'Change the statement so that SQLite accepts it.',
      shellCommand: 'Remove the line, or keep it in a script that only the sqlite3 shell reads.',
      needsNewerSqlite:
        '{{feature}} needs SQLite {{since}} or later and the target is SQLite {{target}}: rewrite it, or raise the sqliteVersion option of sqlite/syntax.',
      engineUnavailable: 'Reinstall schema-lint so that sql.js and its sql-wasm.wasm file are present.',
    },
  },
  async prepare() {
    await loadSqliteEngine();
  },
  create(context) {
    const state = sqliteEngineState();
    if (state.status === 'unloaded') return {}; // prepare() was not awaited: nothing to judge with.
    if (state.status === 'unavailable') return reportUnavailableOnce(context, state.reason);
    const validator = new SqliteFileValidator(state.sql, context.source, { targetVersion: targetVersion(context) });
    let stopped = false;
    const check = (problems: () => readonly SqliteProblem[], at: ReportTarget): void => {
      if (stopped) return;
      try {
        for (const problem of problems()) report(context, problem);
      } catch (error) {
        // A trap of the WebAssembly instance, or a bug here: one clear line, never a stack trace.
        stopped = true;
        const reason = describeError(error);
        if (error instanceof EngineBrokenError) markSqliteEngineBroken(reason);
        validator.close();
        context.report({ node: at, messageId: 'engineUnavailable', data: { reason } });
      }
    };
    return {
      statement(statement) {
        check(() => validator.validate(statement), statement.tokens[0]);
      },
      oversized(statement) {
        validator.skip(statement);
      },
      end() {
        const endOfFile = context.source.text.length;
        check(() => validator.finish(), { start: endOfFile, end: endOfFile });
        validator.close();
      },
    };
  },
});

function report(context: RuleContext, problem: SqliteProblem): void {
  context.report({
    node: { start: problem.start, end: problem.end },
    messageId: MESSAGE_IDS[problem.kind],
    data: {
      reason: problem.reason,
      command: problem.command ?? '',
      since: problem.since ?? '',
      feature: problem.feature ?? '',
      target: targetVersion(context),
    },
  });
}

/** The rule's option `{ "sqliteVersion": "3.40" }`: the oldest SQLite the files must run on, or `latest`. */
function targetVersion(context: RuleContext): string {
  const options = context.options[0];
  if (options && typeof options === 'object' && 'sqliteVersion' in options) {
    const version = String((options as { sqliteVersion: unknown }).sqliteVersion);
    if (version === LATEST_SQLITE || parseSqliteVersion(version) !== undefined) return version;
  }
  return DEFAULT_TARGET_SQLITE_VERSION;
}

function reportUnavailableOnce(context: RuleContext, reason: string): RuleVisitor {
  let reported = false;
  return {
    statement(statement) {
      if (reported) return;
      reported = true;
      context.report({ node: statement.tokens[0], messageId: 'engineUnavailable', data: { reason } });
    },
  };
}
