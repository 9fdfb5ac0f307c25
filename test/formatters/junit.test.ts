import { describe, expect, it } from 'vitest';
import junit from '../../src/formatters/junit.js';
import { expectGolden } from './golden.js';
import { parseXml, pythonAvailable } from './xml-parse.js';
import { sampleContext, sampleResults, TRICKY_MESSAGE } from './sample-results.js';

describe('junit formatter', () => {
  it('matches the golden file', () => {
    expectGolden('sample.junit.xml', junit(sampleResults(), sampleContext()));
  });

  it.skipIf(!pythonAvailable && !process.env.CI)('counts tests, failures and errors the way CI report readers add them up', () => {
    const root = parseXml(junit(sampleResults(), sampleContext()));
    expect(root.attrib).toEqual({ name: 'schema-lint', tests: '5', failures: '3', errors: '1' });
    expect(root.children.map((suite) => [suite.attrib.name, suite.attrib.tests, suite.attrib.failures, suite.attrib.errors])).toEqual([
      ['db/clean.sqlite.sql', '1', '0', '0'],
      ['db/missing.sql', '1', '0', '1'],
      ['db/odd:name, 100%.sql', '1', '1', '0'],
      ['db/schema.sql', '2', '2', '0'],
    ]);
    // The clean file's one case passes: no failure element inside.
    expect(root.children[0].children[0].children).toEqual([]);
    expect(root.children[1].children[0].children[0].tag).toBe('error');
    const [autoincrement, tricky] = root.children[3].children;
    expect(autoincrement.attrib.name).toBe('tsql/no-autoincrement at 3:26');
    expect(autoincrement.children[0].text).toBe(
      "db/schema.sql:3:26: error: SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.\nhelp: Write the column as INT IDENTITY(1,1) PRIMARY KEY.",
    );
    expect(tricky.children[0].attrib).toEqual({ message: TRICKY_MESSAGE, type: 'warning' });
  });

  it('writes a file of 100,000 problems (more lines than a call takes as arguments)', () => {
    const result = sampleResults().find((each) => each.messages.length > 0)!;
    const problems = Array.from({ length: 100_000 }, () => result.messages[0]);
    const xml = junit([{ ...result, messages: problems }], sampleContext());
    expect(xml).toMatch(/^<testsuites name="schema-lint" tests="100000" /m);
    expect(xml.split('<testcase ')).toHaveLength(100_001);
  });

  it('writes an empty report for a run with no files', () => {
    expect(junit([], sampleContext())).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="schema-lint" tests="0" failures="0" errors="0">\n</testsuites>\n',
    );
  });
});
