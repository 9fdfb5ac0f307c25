import type { Formatter } from './formatter.js';
import { displayPath } from './display-path.js';
import { oneLine } from './one-line.js';
import { severityName } from './severity-name.js';

/**
 * One problem per line, `file:line:col: severity: message [rule]`, the shape compilers print
 * and editors' problem matchers read (see editors/vscode/problem-matcher.json). A problem
 * that is not a rule's (an unreadable file) has no `[rule]` part. Prints nothing when
 * there are no problems, so the output can be piped and counted.
 */
const compact: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = displayPath(result.filePath, context.cwd);
    for (const message of result.messages) {
      const rule = message.ruleId === null ? '' : ` [${message.ruleId}]`;
      lines.push(`${file}:${message.line}:${message.column}: ${severityName(message.severity)}: ${oneLine(message.message)}${rule}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};

export default compact;
