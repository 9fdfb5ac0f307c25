/**
 * schema-lint's library API: what the CLI calls, for tools that embed it.
 *
 *   const results = await lintFiles(['src/Database']);
 *   const result = await lintText(text, { filePath: 'db/schema.sql' });
 *   await prepareConvert(); const { output } = convertSchema(text, { ... });
 */
export { lintFiles, lintText, type LintOptions } from './api/lint.js';
export { fileDialects, type FileDialect } from './api/dialects.js';
export { convertSchema, prepareConvert, type ConvertOptions, type ConvertResult } from './convert/convert.js';
export type { Diagnostic, LintResult, Severity, TextEdit, Suggestion } from './engine/diagnostic.js';
export type { Rule, RuleMeta, RuleContext } from './engine/rule.js';
export type { SchemaLintConfig } from './config/config.js';
export type { Dialect } from './sql/dialect.js';
export { allRules } from '../rules/index.js';
