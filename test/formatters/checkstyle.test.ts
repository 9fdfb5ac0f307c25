import { describe, expect, it } from 'vitest';
import checkstyle from '../../src/formatters/checkstyle.js';
import { expectGolden } from './golden.js';
import { parseXml, pythonAvailable } from './xml-parse.js';
import { sampleContext, sampleResults, TRICKY_MESSAGE } from './sample-results.js';

describe('checkstyle formatter', () => {
  it('matches the golden file', () => {
    expectGolden('sample.checkstyle.xml', checkstyle(sampleResults(), sampleContext()));
  });

  it.skipIf(!pythonAvailable && !process.env.CI)('is XML a parser reads back to the same files, positions and messages', () => {
    const root = parseXml(checkstyle(sampleResults(), sampleContext()));
    expect(root.tag).toBe('checkstyle');
    expect(root.children.map((file) => file.attrib.name)).toEqual([
      'db/clean.sqlite.sql',
      'db/missing.sql',
      'db/odd:name, 100%.sql',
      'db/schema.sql',
    ]);
    const schema = root.children[3];
    expect(schema.children.map((error) => error.attrib)).toEqual([
      {
        line: '3',
        column: '26',
        severity: 'error',
        message: "SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.",
        source: 'schema-lint.tsql/no-autoincrement',
      },
      { line: '4', column: '3', severity: 'warning', message: TRICKY_MESSAGE, source: 'schema-lint.tsql/example-warning' },
    ]);
    expect(root.children[1].children[0].attrib.source).toBe('schema-lint');
  });

  it('lists a run with no files as an empty report', () => {
    expect(checkstyle([], sampleContext())).toBe('<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n</checkstyle>\n');
  });
});
