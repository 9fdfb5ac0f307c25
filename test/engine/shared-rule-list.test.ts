import { describe, expect, it } from 'vitest';
import { lintSource, type ActiveRule } from '../../src/engine/linter.js';
import { defineRule } from '../../src/engine/rule.js';
import type { Dialect } from '../../src/sql/dialect.js';

/** A rule of one dialect that reports each statement's first token, with its fallback flag as given. */
function statementRule(id: string, dialects: Dialect[], fallback = false): ActiveRule {
  const rule = defineRule({
    meta: { id, description: 'test', dialects, severity: 'warn', fallback, messages: { seen: `${id} saw {{word}}` } },
    create(context) {
      return {
        statement(statement) {
          context.report({ node: statement.tokens[0], messageId: 'seen', data: { word: statement.tokens[0].upper } });
        },
      };
    },
  });
  return { rule, severity: rule.meta.severity === 'error' ? 2 : 1, options: [] };
}

describe('lintSource with one rule list for many files', () => {
  // A run's files share one list (activeRulesByFile); what lintSource works out from it is kept per list and dialect.
  const rules = [statementRule('test/tsql-only', ['tsql']), statementRule('test/both', ['tsql', 'sqlite']), statementRule('test/sqlite-only', ['sqlite'], true)];
  const lint = (dialect: Dialect) =>
    lintSource('SELECT 1;\n', { filePath: `/x/a.${dialect}.sql`, dialect, dialectSource: 'test', rules, settings: { sqlserverVersion: '2019' } }).map(
      (diagnostic) => diagnostic.ruleId,
    ).sort();

  it("runs each file's dialect's rules only, file after file, whichever dialect comes first", () => {
    expect(lint('sqlite')).toEqual(['test/both', 'test/sqlite-only']);
    expect(lint('tsql')).toEqual(['test/both', 'test/tsql-only']);
    expect(lint('sqlite')).toEqual(['test/both', 'test/sqlite-only']);
    expect(lint('tsql')).toEqual(['test/both', 'test/tsql-only']);
  });
});
