import rule from '../../rules/sqlite/syntax.js';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import { lintSource } from '../../src/engine/linter.js';

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
