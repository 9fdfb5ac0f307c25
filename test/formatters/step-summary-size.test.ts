import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countDiagnostics, type Diagnostic, type LintResult } from '../../src/engine/diagnostic.js';
import { cutMiddle } from '../../src/formatters/cut-middle.js';
import github from '../../src/formatters/github.js';
import { LEFT_OUT_NOTE, QUOTED_TEXT_SHOWN, STEP_SUMMARY_MAX_BYTES, stepSummary, WORST_FINDINGS_SHOWN } from '../../src/formatters/step-summary.js';
import { tempDir } from '../support/temp-dir.js';
import { SAMPLE_CWD, sampleContext, sampleResults } from './sample-results.js';

/**
 * GitHub refuses a step summary over 1 MiB. The summary's findings once quoted messages whole:
 * parity/check quotes a CHECK's whole expression, and 20 rows of 60,000 characters made 1.2 MB.
 */
const LONG_EXPRESSION = `code IN (${Array.from({ length: 4000 }, (_, i) => `'c${i}'`).join(', ')})`;

function finding(line: number, message: string, help?: string): Diagnostic {
  return { ruleId: 'parity/check', severity: 1, message, help, line, column: 1, endLine: line, endColumn: 2, startOffset: 0, endOffset: 1 };
}

function resultOf(relativePath: string, messages: Diagnostic[]): LintResult {
  return { filePath: path.join(SAMPLE_CWD, relativePath), dialect: 'sqlite', dialectSource: 'x', messages, ...countDiagnostics(messages) };
}

function checkFindings(count: number): LintResult {
  const messages = Array.from({ length: count }, (_, index) =>
    finding(index + 1, `CHECK (${LONG_EXPRESSION}) on t${index} is declared in x.sql:${index + 1} but not here.`, `Add the CHECK to t${index}.`),
  );
  return resultOf('x.sqlite.sql', messages);
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('step summary size', () => {
  it('quotes at most QUOTED_TEXT_SHOWN characters of a message, cutting its middle', () => {
    const summary = stepSummary([checkFindings(1)], SAMPLE_CWD);
    const row = summary.split('\n').find((line) => line.startsWith('| warning'));
    const kept = QUOTED_TEXT_SHOWN - 1;
    const head = `CHECK (${LONG_EXPRESSION}`.slice(0, Math.ceil((kept * 2) / 3));
    const whole = `CHECK (${LONG_EXPRESSION}) on t0 is declared in x.sql:1 but not here.`;
    const tail = whole.slice(whole.length - (kept - head.length));
    expect(tail.endsWith(') on t0 is declared in x.sql:1 but not here.')).toBe(true);
    expect(row).toBe(`| warning | \`x.sqlite.sql:1:1\` | ${head}…${tail}<br>help: Add the CHECK to t0. | \`parity/check\` |`);
  });

  it('cuts a long help text the same way', () => {
    const help = `Rename ${'n'.repeat(60_000)} here.`;
    const summary = stepSummary([resultOf('a.sql', [finding(1, 'short', help)])], SAMPLE_CWD);
    expect(summary).toContain(`| short<br>help: ${cutMiddle(help, QUOTED_TEXT_SHOWN)} |`);
    expect(cutMiddle(help, QUOTED_TEXT_SHOWN)).toHaveLength(QUOTED_TEXT_SHOWN);
  });

  it('keeps twenty findings quoting 60,000-character CHECKs far under 1 MiB, with nothing left out', () => {
    const summary = stepSummary([checkFindings(30)], SAMPLE_CWD);
    expect(bytes(summary)).toBeLessThan(20 * 1024);
    expect(summary).not.toContain(LEFT_OUT_NOTE);
    expect(summary.split('\n').filter((line) => line.startsWith('| warning'))).toHaveLength(WORST_FINDINGS_SHOWN);
  });

  it('leaves whole lines out past 1 MiB and says so, when paths alone are that long', () => {
    // Not a path a disk would hold, but nothing else bounds it: 60 files, 40,000 characters each.
    const results = Array.from({ length: 60 }, (_, index) => resultOf(`${'d'.repeat(40_000)}/f${index}.sql`, [finding(1, 'm')]));
    const summary = stepSummary(results, SAMPLE_CWD);
    expect(bytes(summary)).toBeLessThanOrEqual(STEP_SUMMARY_MAX_BYTES);
    expect(bytes(summary)).toBeGreaterThan(STEP_SUMMARY_MAX_BYTES - 45_000);
    expect(summary.startsWith('## schema-lint\n\n**60 problems**')).toBe(true);
    expect(summary.endsWith(`|\n\n${LEFT_OUT_NOTE}\n`)).toBe(true);
  });

  it('cuts at a line, at exactly the room given, keeping the heading', () => {
    const whole = stepSummary(sampleResults(), SAMPLE_CWD);
    const lines = whole.split('\n');
    const ending = `\n\n${LEFT_OUT_NOTE}\n`;
    // Room for the first five lines and the note, one byte short of the sixth.
    const firstFive = lines.slice(0, 5).join('\n');
    const room = bytes(firstFive) + 1 + bytes(lines[5]) - 1 + bytes(ending);
    expect(stepSummary(sampleResults(), SAMPLE_CWD, room)).toBe(firstFive + ending);
    expect(stepSummary(sampleResults(), SAMPLE_CWD, bytes(whole))).toBe(whole);
    expect(stepSummary(sampleResults(), SAMPLE_CWD, 10)).toBe(`## schema-lint${ending}`);
  });

  it('fits in what earlier writes of the step left of its 1 MiB', () => {
    const summaryFile = path.join(tempDir('summary-room'), 'step_summary.md');
    writeFileSync(summaryFile, `${'e'.repeat(STEP_SUMMARY_MAX_BYTES - 3000)}\n`);
    const lines = github([checkFindings(30)], sampleContext({ GITHUB_STEP_SUMMARY: summaryFile })).trimEnd().split('\n');
    expect(lines).toHaveLength(30);
    expect(statSync(summaryFile).size).toBeLessThanOrEqual(STEP_SUMMARY_MAX_BYTES);
    expect(readFileSync(summaryFile, 'utf8').endsWith(`\n\n${LEFT_OUT_NOTE}\n`)).toBe(true);
  });
});

describe('cutMiddle', () => {
  it('leaves text that fits alone', () => {
    expect(cutMiddle('abc', 3)).toBe('abc');
  });

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(10);
    for (let max = 2; max < text.length; max++) {
      const cut = cutMiddle(text, max);
      expect(cut.replace('…', '')).toMatch(/^(?:😀)*$/u);
      expect(cut.length).toBeLessThanOrEqual(max);
    }
  });

  it('keeps a prefix and a suffix of the text, at most the length asked for', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 2, max: 250 }), (text, max) => {
        const cut = cutMiddle(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (text.length <= max) {
          expect(cut).toBe(text);
          return;
        }
        // The text may hold `…` itself: some `…` of the cut splits it into a prefix and a suffix.
        const splits = [...cut.matchAll(/…/g)].map((match) => match.index);
        expect(splits.some((at) => text.startsWith(cut.slice(0, at)) && text.endsWith(cut.slice(at + 1)))).toBe(true);
        expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
    );
  });
});
