import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import github from '../../src/formatters/github.js';
import { FILES_SHOWN, stepSummary, WORST_FINDINGS_SHOWN } from '../../src/formatters/step-summary.js';
import { countDiagnostics, type Diagnostic } from '../../src/engine/diagnostic.js';
import { expectGolden } from './golden.js';
import { SAMPLE_CWD, sampleContext, sampleResults } from './sample-results.js';

describe('github formatter', () => {
  let workDir: string;
  beforeEach(() => {
    workDir = mkdtempSync(path.join(tmpdir(), 'schema-lint-github-'));
  });
  afterEach(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it('matches the golden annotations', () => {
    expectGolden('sample.github.txt', github(sampleResults(), sampleContext()));
  });

  it('writes one workflow command per problem with exact ranges, and warning for severity 1', () => {
    const lines = github(sampleResults(), sampleContext()).trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=db/missing.sql,line=1,col=1,endLine=1,endColumn=1,title=schema-lint::Cannot read the file: permission denied.',
      '::warning file=db/odd%3Aname%2C 100%25.sql,line=2,col=5,endLine=3,endColumn=2,title=tsql/example-warning::A file name with a colon, a comma and a percent sign.',
      "::error file=db/schema.sql,line=3,col=26,endLine=3,endColumn=39,title=tsql/no-autoincrement::SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.%0Ahelp: Write the column as INT IDENTITY(1,1) PRIMARY KEY.",
      '::warning file=db/schema.sql,line=4,col=3,endLine=4,endColumn=7,title=tsql/example-warning::Value 100%25 of "a:b, c" <x> & \'y\' | *z*%0Asecond line%0D%0Athird',
    ]);
  });

  it('prints nothing and writes no summary file when there is no problem and no GITHUB_STEP_SUMMARY', () => {
    const clean = sampleResults().filter((result) => result.messages.length === 0);
    expect(github(clean, sampleContext())).toBe('');
  });

  it('appends the step summary to GITHUB_STEP_SUMMARY, keeping what earlier steps wrote', () => {
    const summaryFile = path.join(workDir, 'step_summary.md');
    writeFileSync(summaryFile, '# Earlier step\nkept');
    const output = github(sampleResults(), sampleContext({ GITHUB_STEP_SUMMARY: summaryFile }));
    expect(output.trimEnd().split('\n')).toHaveLength(4);
    const written = readFileSync(summaryFile, 'utf8');
    expect(written).toBe(`# Earlier step\nkept\n${stepSummary(sampleResults(), SAMPLE_CWD)}`);
    expectGolden('sample.step-summary.md', stepSummary(sampleResults(), SAMPLE_CWD));

    // A second run (another step) appends again rather than replacing.
    github(sampleResults(), sampleContext({ GITHUB_STEP_SUMMARY: summaryFile }));
    expect(readFileSync(summaryFile, 'utf8').split('## schema-lint')).toHaveLength(3);
  });

  it('says so in a warning annotation, instead of throwing, when the summary cannot be written', () => {
    const unwritable = path.join(workDir, 'no-such-folder', 'summary.md');
    const lines = github(sampleResults(), sampleContext({ GITHUB_STEP_SUMMARY: unwritable })).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/^::warning title=schema-lint::Could not append the step summary to .*summary\.md: ENOENT/);
  });
});

describe('step summary', () => {
  it('says the run was clean when it was', () => {
    const clean = sampleResults().filter((result) => result.messages.length === 0);
    expect(stepSummary(clean, SAMPLE_CWD)).toBe('## schema-lint\n\nNo problems in 1 file.\n');
  });

  it('lists errors before warnings and caps the list, while the tables count everything', () => {
    const messages: Diagnostic[] = [];
    for (let line = 1; line <= WORST_FINDINGS_SHOWN + 5; line++) {
      messages.push({
        ruleId: line % 2 === 0 ? 'tsql/a' : 'tsql/b',
        severity: line <= 10 ? 1 : 2,
        message: `problem ${line}`,
        line,
        column: 1,
        endLine: line,
        endColumn: 2,
        startOffset: 0,
        endOffset: 1,
      });
    }
    const summary = stepSummary(
      [{ filePath: path.join(SAMPLE_CWD, 'big.sql'), dialect: 'tsql', dialectSource: 'x', messages, ...countDiagnostics(messages) }],
      SAMPLE_CWD,
    );
    expect(summary).toContain('**25 problems** (15 errors, 10 warnings) in 1 of 1 file.');
    expect(summary).toContain('| `big.sql` | 15 | 10 |');
    expect(summary).toContain(`### Worst findings (first ${WORST_FINDINGS_SHOWN} of 25)`);
    const rows = summary.split('\n').filter((row) => row.startsWith('| error') || row.startsWith('| warning'));
    expect(rows).toHaveLength(WORST_FINDINGS_SHOWN);
    expect(rows[0]).toBe('| error | `big.sql:11:1` | problem 11 | `tsql/b` |');
    expect(rows.slice(0, 15).every((row) => row.startsWith('| error'))).toBe(true);
    expect(rows[15]).toBe('| warning | `big.sql:1:1` | problem 1 | `tsql/b` |');
  });

  it('lists at most FILES_SHOWN files and adds up the rest in one row', () => {
    const results = Array.from({ length: FILES_SHOWN + 3 }, (_, index) => {
      const messages: Diagnostic[] = [
        { ruleId: 'tsql/a', severity: index < 2 ? 2 : 1, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, startOffset: 0, endOffset: 1 },
      ];
      const name = `f${String(index).padStart(3, '0')}.sql`;
      return { filePath: path.join(SAMPLE_CWD, name), dialect: 'tsql' as const, dialectSource: 'x', messages, ...countDiagnostics(messages) };
    });
    const rows = stepSummary(results, SAMPLE_CWD).split('\n');
    const fileRows = rows.filter((row) => /^\| `f\d{3}\.sql` \|/.test(row));
    expect(fileRows).toHaveLength(FILES_SHOWN);
    // Files with errors come first.
    expect(fileRows.slice(0, 2)).toEqual(['| `f000.sql` | 1 | 0 |', '| `f001.sql` | 1 | 0 |']);
    expect(rows).toContain('| 3 more files | 0 | 3 |');
    expect(rows).toContain('| `tsql/a` | 2 | 51 |');
  });
});
