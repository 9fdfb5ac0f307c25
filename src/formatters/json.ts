import type { LintResult } from '../engine/diagnostic.js';
import type { Formatter } from './formatter.js';

/**
 * ESLint's JSON formatter shape, plus each file's dialect and the reason for it, and
 * schema-lint's help line and suggestions per message. The source text is not included.
 */
const json: Formatter = (results) => JSON.stringify(results.map(toJson));

function toJson(result: LintResult) {
  return {
    filePath: result.filePath,
    dialect: result.dialect,
    dialectSource: result.dialectSource,
    messages: result.messages.map((message) => ({
      ruleId: message.ruleId,
      severity: message.severity,
      message: message.message,
      line: message.line,
      column: message.column,
      endLine: message.endLine,
      endColumn: message.endColumn,
      ...(message.help !== undefined ? { help: message.help } : {}),
      ...(message.fatal ? { fatal: true } : {}),
      ...(message.fix ? { fix: message.fix } : {}),
      ...(message.suggestions ? { suggestions: message.suggestions } : {}),
    })),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    ...(result.output !== undefined ? { output: result.output } : {}),
  };
}

export default json;
