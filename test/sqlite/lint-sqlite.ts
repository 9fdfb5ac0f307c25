import { expect } from 'vitest';
import rule from '../../rules/sqlite/syntax.js';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import { lintSource } from '../../src/engine/linter.js';
import { SourceText } from '../../src/sql/source-text.js';
import { splitStatements } from '../../src/sql/splitter.js';
import { sqliteEngineState } from '../../src/sqlite/engine.js';
import { SqliteFileValidator, type SqliteProblem } from '../../src/sqlite/validator.js';

/** Lints SQLite text with sqlite/syntax alone; call `await rule.prepare()` once before. */
export function lintWithEngine(text: string, filePath = 'test.sqlite.sql'): Diagnostic[] {
  return lintSource(text, {
    filePath,
    dialect: 'sqlite',
    dialectSource: 'test',
    rules: [{ rule, severity: 2, options: [] }],
    settings: { sqlserverVersion: '2019' },
  });
}

/** `line:column message`, the shape the fixtures' `-- expect` lines use. */
export function describe(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
}

/** Every problem the validator finds in the text, as `offset kind: reason`; call `await rule.prepare()` once before. */
export function validatorProblems(text: string, exhaustive: boolean): string[] {
  const state = sqliteEngineState();
  if (state.status !== 'loaded') throw new Error('the SQLite engine is not loaded');
  const validator = new SqliteFileValidator(state.sql, new SourceText(text), { targetVersion: '3.40', exhaustive });
  const found: SqliteProblem[] = [];
  for (const statement of splitStatements(text, 'sqlite')) found.push(...validator.validate(statement));
  found.push(...validator.finish());
  validator.close();
  return found.map((problem) => `${problem.start} ${problem.kind}: ${problem.reason}`);
}

/** The validator's problems with its shortcuts, checked equal to those without them. */
export function judgedBothWays(text: string): string[] {
  const quick = validatorProblems(text, false);
  expect(quick).toEqual(validatorProblems(text, true));
  return quick;
}
