import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { loadSarifValidator } from '../formatters/sarif-schema.js';
import { parseXml, pythonAvailable } from '../formatters/xml-parse.js';
import { runCli } from '../support/cli.js';

/** The formats through the built CLI, as users and CI call them: --format, --output-file, GITHUB_STEP_SUMMARY. */
const example = 'fixtures/example/src/Database';
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'schema-lint-cli-formats-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('formats through the CLI', () => {
  it('--format sarif --output-file writes a valid SARIF file and prints nothing', () => {
    const file = path.join(work, 'report.sarif');
    const run = runCli([example, '--format', 'sarif', '--output-file', file]);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(1);
    const log = JSON.parse(readFileSync(file, 'utf8')) as Sarif.Log;
    expect(loadSarifValidator()(log)).toEqual([]);
    const autoincrement = log.runs[0].results!.find((result) => result.ruleId === 'tsql/no-autoincrement')!;
    expect(autoincrement.locations![0].physicalLocation).toMatchObject({
      artifactLocation: { uri: `${example}/ai_schema_updates.sql`, uriBaseId: '%SRCROOT%' },
      region: { startLine: 9, startColumn: 28, endLine: 9, endColumn: 41 },
    });
  });

  it('--format github prints annotations and appends to GITHUB_STEP_SUMMARY', () => {
    const summary = path.join(work, 'summary.md');
    writeFileSync(summary, 'before\n');
    const run = runCli([example, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `::error file=${example}/ai_schema_updates.sql,line=9,col=28,endLine=9,endColumn=41,title=tsql/no-autoincrement::`,
    );
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('before\n\n## schema-lint\n')).toBe(true);
    expect(written).toContain(`| \`${example}/ai_schema_updates.sql\` |`);
  });

  it.skipIf(!pythonAvailable && !process.env.CI)('--format junit and --format checkstyle print XML that parses', () => {
    const junit = runCli([example, '--format', 'junit']);
    expect(junit.status).toBe(1);
    expect(parseXml(junit.stdout).tag).toBe('testsuites');
    const checkstyle = runCli([example, '--format', 'checkstyle']);
    expect(checkstyle.status).toBe(1);
    expect(parseXml(checkstyle.stdout).tag).toBe('checkstyle');
  });

  it('--format compact on clean files prints nothing and exits 0', () => {
    writeFileSync(path.join(work, 'schema.sql'), 'CREATE TABLE users (\n  id INT IDENTITY(1,1) PRIMARY KEY\n);\n');
    writeFileSync(path.join(work, 'schema.sqlite.sql'), 'CREATE TABLE users (\n  id INTEGER PRIMARY KEY AUTOINCREMENT\n);\n');
    const run = runCli(['schema.sql', 'schema.sqlite.sql', '--format', 'compact'], { cwd: work });
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});
