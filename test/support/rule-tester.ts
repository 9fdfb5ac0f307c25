import { describe, expect, it } from 'vitest';
import type { SqlServerVersion } from '../../src/config/config.js';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import { fixSource } from '../../src/engine/fixer.js';
import { applyEdits } from '../../src/engine/fixes.js';
import { lintSource, type LintSourceOptions } from '../../src/engine/linter.js';
import type { Rule } from '../../src/engine/rule.js';
import type { Dialect } from '../../src/sql/dialect.js';

/**
 * ESLint's RuleTester, for schema-lint rules: `valid` code must produce no diagnostic of the
 * rule; each `invalid` case lists every diagnostic it must produce, with exact line, column
 * and message, and optionally the text `--fix` must turn it into.
 */
export interface ValidCase {
  code: string;
  name?: string;
  dialect?: Dialect;
  sqlserverVersion?: SqlServerVersion;
  options?: unknown[];
}

export interface ExpectedError {
  line: number;
  column: number;
  message: string;
  endLine?: number;
  endColumn?: number;
  help?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The fixed text; `null` asserts the rule offers no fix for this code. */
  output?: string | null;
}

export interface RuleTests {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

function optionsFor(rule: Rule, testCase: ValidCase): LintSourceOptions {
  const dialect = testCase.dialect ?? rule.meta.dialects[0];
  return {
    filePath: dialect === 'sqlite' ? 'test.sqlite.sql' : 'test.sql',
    dialect,
    dialectSource: 'test',
    rules: [{ rule, severity: rule.meta.severity === 'error' ? 2 : 1, options: testCase.options ?? [] }],
    settings: { sqlserverVersion: testCase.sqlserverVersion ?? '2019' },
  };
}

export function runRuleTests(rule: Rule, tests: RuleTests): void {
  const id = rule.meta.id;
  describe(id, () => {
    describe('valid', () => {
      for (const entry of tests.valid) {
        const testCase = typeof entry === 'string' ? { code: entry } : entry;
        it(testCase.name ?? testCase.code, () => {
          const messages = lintSource(testCase.code, optionsFor(rule, testCase));
          expect(messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of tests.invalid) {
        it(testCase.name ?? testCase.code, () => {
          expect(testCase.errors.length, 'an invalid case must expect at least one error').toBeGreaterThan(0);
          const options = optionsFor(rule, testCase);
          const messages = lintSource(testCase.code, options);
          const actual = messages.map((m) => {
            const shown: Record<string, unknown> = { ruleId: m.ruleId, line: m.line, column: m.column, message: m.message };
            return shown;
          });
          const expected = testCase.errors.map((e) => ({ ruleId: id, line: e.line, column: e.column, message: e.message }));
          expect(actual).toEqual(expected);
          testCase.errors.forEach((e, i) => {
            if (e.endLine !== undefined) expect(messages[i].endLine).toBe(e.endLine);
            if (e.endColumn !== undefined) expect(messages[i].endColumn).toBe(e.endColumn);
            if (e.help !== undefined) expect(messages[i].help).toBe(e.help);
          });
          if (testCase.output !== undefined) {
            const outcome = fixSource(testCase.code, options);
            expect(outcome.output).toBe(testCase.output ?? testCase.code);
          }
        });
      }
    });
  });
}

/** What `rule` alone reports on `code`, linted as the valid and invalid tables lint it. */
export function lintWithRule(rule: Rule, code: string, testCase: Omit<ValidCase, 'code'> = {}): Diagnostic[] {
  return lintSource(code, optionsFor(rule, { ...testCase, code }));
}

/** The text each of a rule's suggestions would produce, for the first diagnostic it reports on `code`. */
export function suggestionOutputs(rule: Rule, code: string, testCase: Omit<ValidCase, 'code'> = {}): string[] {
  const [diagnostic] = lintWithRule(rule, code, testCase);
  return (diagnostic?.suggestions ?? []).map((suggestion) => applyEdits(code, [suggestion.fix]).output);
}
