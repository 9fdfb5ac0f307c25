import { codeFrameColumns } from '@babel/code-frame';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import { codeFrame } from '../../src/formatters/code-frame.js';
import { SourceText } from '../../src/sql/source-text.js';

const at = (line: number, column: number, endLine: number, endColumn: number): Diagnostic => ({
  ruleId: 'r',
  severity: 2,
  message: 'm',
  line,
  column,
  endLine,
  endColumn,
  startOffset: 0,
  endOffset: 0,
});

describe('code frames', () => {
  it('shows the line above and below with carets under the span, numbered as in the file', () => {
    const source = new SourceText(['one', 'two', 'three', 'four five', 'six'].join('\n'));
    expect(codeFrame(source, at(4, 6, 4, 10))).toBe(['  3 | three', '> 4 | four five', '    |      ^^^^', '  5 | six'].join('\n'));
  });

  it('marks to the end of the line when the span continues on later lines', () => {
    const source = new SourceText('a\nCREATE TABLE t (\nx INT)');
    expect(codeFrame(source, at(2, 8, 3, 6))).toBe(['  1 | a', '> 2 | CREATE TABLE t (', '    |        ^^^^^^^^^', '  3 | x INT)'].join('\n'));
  });

  it('keeps tabs in the caret line so the caret stays under the token', () => {
    const source = new SourceText('\tx INT');
    expect(codeFrame(source, at(1, 2, 1, 3))).toBe(['> 1 | \tx INT', '    | \t^'].join('\n'));
  });

  it('cuts a very long line to a window around the problem', () => {
    const line = `${'a'.repeat(5000)} BAD ${'b'.repeat(5000)}`;
    const frame = codeFrame(new SourceText(line), at(1, 5002, 1, 5005));
    const [text, carets] = frame.split('\n');
    expect(text.length).toBeLessThan(200);
    expect(text).toContain(' BAD ');
    expect(text.indexOf('BAD')).toBe(carets.indexOf('^'));
  });
});

describe('code frames match @babel/code-frame, which they replace', () => {
  // The frame used to come from @babel/code-frame; its output is the format users and tools already read.
  const babelFrame = (source: SourceText, d: Diagnostic): string => {
    if (source.text.length === 0) return '';
    const line = Math.min(d.line, source.lineCount);
    const first = Math.max(1, line - 1);
    const last = Math.min(source.lineCount, line + 1);
    const lines: string[] = [];
    for (let n = first; n <= last; n++) lines.push(source.lineText(n));
    const lineText = source.lineText(line);
    const endColumn = d.endLine === d.line ? d.endColumn : lineText.length + 1;
    const caretEnd = Math.max(Math.max(1, d.column) + 1, Math.min(endColumn, 162));
    return codeFrameColumns(
      lines.join('\n'),
      { start: { line, column: Math.max(1, d.column) }, end: { line, column: caretEnd } },
      { highlightCode: false, linesAbove: 1, linesBelow: 1, startLine: first } as Parameters<typeof codeFrameColumns>[2],
    );
  };

  it('on generated files of short lines with tabs, blank lines, CRLF and U+2028 inside lines', () => {
    const lineText = fc.stringMatching(/^[a-z \t()\u2028\u2029]{0,40}$/);
    fc.assert(
      fc.property(
        fc.array(lineText, { minLength: 1, maxLength: 120 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (lines, newline, lineSeed, columnSeed, widthSeed, continues) => {
          const source = new SourceText(lines.join(newline));
          const line = (lineSeed % source.lineCount) + 1;
          const length = source.lineText(line).length;
          const column = (columnSeed % (length + 1)) + 1;
          const endColumn = column + 1 + (widthSeed % (length + 2 - column));
          const diagnostic = continues ? at(line, column, line + 1, 1) : at(line, column, line, endColumn);
          expect(codeFrame(source, diagnostic)).toBe(babelFrame(source, diagnostic));
        },
      ),
      { numRuns: 500 },
    );
  });
});
