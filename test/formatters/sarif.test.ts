import { describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import sarif from '../../src/formatters/sarif.js';
import { packageVersion } from '../../src/package-info.js';
import { expectGolden } from './golden.js';
import { loadSarifValidator } from './sarif-schema.js';
import { EXAMPLE_WARNING_META, sampleContext, sampleResults, TRICKY_MESSAGE } from './sample-results.js';

function sampleLog(): Sarif.Log {
  return JSON.parse(sarif(sampleResults(), sampleContext())) as Sarif.Log;
}

describe('sarif formatter', () => {
  it('matches the golden file (the tool version stands as <version>)', () => {
    const output = sarif(sampleResults(), sampleContext());
    expectGolden('sample.sarif.json', output.replaceAll(`"${packageVersion()}"`, '"<version>"'));
  });

  it('is valid against the OASIS SARIF 2.1.0 schema', () => {
    const validate = loadSarifValidator();
    expect(validate(sampleLog())).toEqual([]);
    expect(validate(JSON.parse(sarif([], sampleContext())))).toEqual([]);
  });

  it('rejects what the schema rejects, so the validity check can fail', () => {
    const validate = loadSarifValidator();
    const broken = sampleLog();
    (broken.runs[0].results![0].locations![0].physicalLocation!.region as { startLine: number }).startLine = 0;
    expect(validate(broken).join('\n')).toMatch(/startLine/);
    expect(validate({ ...sampleLog(), version: '2.0.0' })).not.toEqual([]);
  });

  it('describes every rule with descriptions, help URI and default level', () => {
    const { driver } = sampleLog().runs[0].tool;
    expect(driver.name).toBe('schema-lint');
    expect(driver.version).toBe(packageVersion());
    expect(driver.rules?.map((rule) => rule.id)).toEqual([EXAMPLE_WARNING_META.id, 'tsql/no-autoincrement']);
    const autoincrement = driver.rules![1];
    expect(autoincrement.shortDescription?.text).toBe("Disallow SQLite's AUTOINCREMENT; SQL Server uses IDENTITY(1,1).");
    expect(autoincrement.fullDescription?.text).toBe(
      "Disallow SQLite's AUTOINCREMENT; SQL Server uses IDENTITY(1,1). Checked in T-SQL (SQL Server) files. Fixable with --fix.",
    );
    expect(autoincrement.helpUri).toMatch(/^https:\/\/.*\/docs\/rules\/tsql\/no-autoincrement\.md$/);
    expect(autoincrement.defaultConfiguration?.level).toBe('error');
    expect(driver.rules![0].defaultConfiguration?.level).toBe('warning');
  });

  it('gives results exact regions in artifacts relative to %SRCROOT%', () => {
    const run = sampleLog().runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds?.['%SRCROOT%'].uri).toBe('file:///projects/shop/');
    expect(run.artifacts?.map((artifact) => artifact.location?.uri)).toEqual([
      'db/clean.sqlite.sql',
      'db/missing.sql',
      'db/odd%3Aname%2C%20100%25.sql',
      'db/schema.sql',
    ]);
    const [oddName, autoincrement, tricky] = run.results!;
    expect(oddName.locations![0].physicalLocation).toEqual({
      artifactLocation: { uri: 'db/odd%3Aname%2C%20100%25.sql', uriBaseId: '%SRCROOT%', index: 2 },
      region: { startLine: 2, startColumn: 5, endLine: 3, endColumn: 2 },
    });
    expect(autoincrement.ruleId).toBe('tsql/no-autoincrement');
    expect(autoincrement.ruleIndex).toBe(1);
    expect(autoincrement.level).toBe('error');
    expect(autoincrement.locations![0].physicalLocation?.region).toEqual({ startLine: 3, startColumn: 26, endLine: 3, endColumn: 39 });
    expect(tricky.level).toBe('warning');
    expect(tricky.message.text).toBe(TRICKY_MESSAGE);
  });

  it('carries the fix as replacements by line and column', () => {
    const autoincrement = sampleLog().runs[0].results![1];
    expect(autoincrement.fixes).toEqual([
      {
        description: { text: 'Write the column as INT IDENTITY(1,1) PRIMARY KEY.' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'db/schema.sql', uriBaseId: '%SRCROOT%', index: 3 },
            replacements: [
              {
                deletedRegion: { startLine: 3, startColumn: 6, endLine: 3, endColumn: 39 },
                insertedContent: { text: 'INT IDENTITY(1,1) PRIMARY KEY' },
              },
            ],
          },
        ],
      },
    ]);
  });

  it('reports a problem with no rule as a tool notification and marks the run unsuccessful', () => {
    const run = sampleLog().runs[0];
    expect(run.results!.every((result) => result.ruleId !== undefined)).toBe(true);
    expect(run.invocations![0].executionSuccessful).toBe(false);
    expect(run.invocations![0].toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'Cannot read the file: permission denied.' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'db/missing.sql', uriBaseId: '%SRCROOT%', index: 1 },
              region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
            },
          },
        ],
      },
    ]);
  });

  it('points at a file outside the scanned root by an absolute file URI', () => {
    const [result] = sampleResults().slice(3);
    const outside = { ...result, filePath: '/elsewhere/x y.sql' };
    const log = JSON.parse(sarif([outside], sampleContext())) as Sarif.Log;
    expect(log.runs[0].artifacts![0].location).toEqual({ uri: 'file:///elsewhere/x%20y.sql' });
    expect(loadSarifValidator()(log)).toEqual([]);
  });
});
