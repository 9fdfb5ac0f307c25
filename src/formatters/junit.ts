import type { Diagnostic, LintResult } from '../engine/diagnostic.js';
import type { Formatter } from './formatter.js';
import { displayPath } from './display-path.js';
import { severityName } from './severity-name.js';
import { escapeXmlAttribute, escapeXmlText } from './xml.js';

/**
 * JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines). Each
 * linted file is a test suite; each problem is a failing test case named after its rule and
 * position; a clean file has one passing case so that it still counts as checked. A problem
 * that is not a rule's (the file could not be read) is an `<error>`, as JUnit marks a test
 * that could not run, rather than a `<failure>`.
 */
const junit: Formatter = (results, context) => {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const suites: string[] = [];
  for (const result of results) {
    const suite = formatSuite(result, displayPath(result.filePath, context.cwd));
    tests += suite.tests;
    failures += suite.failures;
    errors += suite.errors;
    // One push per line: a spread passes every line as an argument, past the stack's limit from ~50,000 problems.
    for (const line of suite.lines) suites.push(line);
  }
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<testsuites name="schema-lint" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

interface FormattedSuite {
  lines: string[];
  tests: number;
  failures: number;
  errors: number;
}

function formatSuite(result: LintResult, file: string): FormattedSuite {
  const name = escapeXmlAttribute(file);
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  if (result.messages.length === 0) {
    cases.push(`    <testcase classname="${name}" name="schema-lint" time="0"/>`);
  }
  for (const message of result.messages) {
    const isError = message.ruleId === null;
    if (isError) errors++;
    else failures++;
    const caseName = escapeXmlAttribute(`${message.ruleId ?? 'schema-lint'} at ${message.line}:${message.column}`);
    const element = isError ? 'error' : 'failure';
    cases.push(
      `    <testcase classname="${name}" name="${caseName}" time="0">`,
      `      <${element} message="${escapeXmlAttribute(message.message)}" type="${severityName(message.severity)}">${escapeXmlText(failureBody(message, file))}</${element}>`,
      '    </testcase>',
    );
  }
  const tests = Math.max(result.messages.length, 1);
  return {
    lines: [
      `  <testsuite name="${name}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="0" time="0">`,
      ...cases,
      '  </testsuite>',
    ],
    tests,
    failures,
    errors,
  };
}

/** The body a CI report shows when the case is opened: where, what, and the rewrite. */
function failureBody(message: Diagnostic, file: string): string {
  const lines = [`${file}:${message.line}:${message.column}: ${severityName(message.severity)}: ${message.message}`];
  if (message.help) lines.push(`help: ${message.help}`);
  return lines.join('\n');
}

export default junit;
