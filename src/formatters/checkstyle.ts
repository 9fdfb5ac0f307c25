import type { Formatter } from './formatter.js';
import { displayPath } from './display-path.js';
import { severityName } from './severity-name.js';
import { escapeXmlAttribute } from './xml.js';

/**
 * Checkstyle XML, read by Jenkins' Warnings plugin, reviewdog, SonarQube and others. Every
 * linted file appears (a clean one as an empty `<file>`), so consumers can tell "checked
 * and clean" from "not checked". `source` names the rule the way ESLint's formatter does.
 */
const checkstyle: Formatter = (results, context) => {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const result of results) {
    const file = escapeXmlAttribute(displayPath(result.filePath, context.cwd));
    if (result.messages.length === 0) {
      out.push(`  <file name="${file}"/>`);
      continue;
    }
    out.push(`  <file name="${file}">`);
    for (const message of result.messages) {
      const attributes = [
        `line="${message.line}"`,
        `column="${message.column}"`,
        `severity="${severityName(message.severity)}"`,
        `message="${escapeXmlAttribute(message.message)}"`,
        `source="${escapeXmlAttribute(message.ruleId === null ? 'schema-lint' : `schema-lint.${message.ruleId}`)}"`,
      ];
      out.push(`    <error ${attributes.join(' ')}/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
};

export default checkstyle;
