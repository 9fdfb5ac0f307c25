import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { allRuleMetas } from '../../rules/index.js';
import { lintFiles } from '../../src/api/lint.js';
import type { LintResult } from '../../src/engine/diagnostic.js';
import type { FormatterContext } from '../../src/formatters/formatter.js';
import checkstyle from '../../src/formatters/checkstyle.js';
import compact from '../../src/formatters/compact.js';
import github from '../../src/formatters/github.js';
import junit from '../../src/formatters/junit.js';
import sarif from '../../src/formatters/sarif.js';
import { loadSarifValidator, REPO_ROOT } from './sarif-schema.js';
import { parseXml, pythonAvailable } from './xml-parse.js';

/**
 * Every format over a real run on fixtures/ (every rule that fires there, all shipped rules'
 * metadata): valid SARIF, parseable XML, well-formed lines, and the same problem count in each.
 */
let results: LintResult[];
let context: FormatterContext;
let problemCount: number;

beforeAll(async () => {
  results = await lintFiles(['fixtures'], { cwd: REPO_ROOT });
  context = { cwd: REPO_ROOT, rulesMeta: allRuleMetas(), color: false, env: {} };
  problemCount = results.reduce((sum, result) => sum + result.messages.length, 0);
}, 120_000);

describe('formats over a real run on fixtures/', () => {
  it('has problems to format', () => {
    expect(problemCount).toBeGreaterThan(5);
  });

  it('sarif: valid against the OASIS schema, one result or notification per problem, every shipped rule described', () => {
    const log = JSON.parse(sarif(results, context)) as Sarif.Log;
    expect(loadSarifValidator()(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.results!.length + run.invocations![0].toolExecutionNotifications!.length).toBe(problemCount);
    expect(run.tool.driver.rules!.map((rule) => rule.id)).toEqual([...allRuleMetas().keys()].sort());
    for (const result of run.results!) expect(run.tool.driver.rules![result.ruleIndex!].id).toBe(result.ruleId);
    for (const artifact of run.artifacts!) expect(artifact.location!.uri).toMatch(/^fixtures\//);
  });

  it('compact and github: one well-formed line per problem', () => {
    const compactLines = compact(results, context).trimEnd().split('\n');
    expect(compactLines).toHaveLength(problemCount);
    for (const line of compactLines) expect(line).toMatch(/^fixtures\/[^:]+:\d+:\d+: (error|warning): .+$/);
    const githubLines = github(results, context).trimEnd().split('\n');
    expect(githubLines).toHaveLength(problemCount);
    for (const line of githubLines) {
      expect(line).toMatch(/^::(error|warning) file=fixtures\/[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::[^\r\n]+$/);
    }
  });

  it.skipIf(!pythonAvailable && !process.env.CI)('junit and checkstyle: parseable XML counting every problem', () => {
    const suites = parseXml(junit(results, context));
    expect(Number(suites.attrib.failures) + Number(suites.attrib.errors)).toBe(problemCount);
    expect(suites.children).toHaveLength(results.length);
    const report = parseXml(checkstyle(results, context));
    expect(report.children.flatMap((file) => file.children)).toHaveLength(problemCount);
    expect(report.children.map((file) => file.attrib.name)).toEqual(
      results.map((result) => path.relative(REPO_ROOT, result.filePath).split(path.sep).join('/')),
    );
  });
});
