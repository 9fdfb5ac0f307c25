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

  it('shows the short lines above and below a problem deep in a long line whole', () => {
    const long = `${'a'.repeat(5000)} BAD ${'b'.repeat(5000)}`;
    const [above, text, carets, below] = codeFrame(new SourceText(`CREATE TABLE t (\n${long}\n);`), at(2, 5002, 2, 5005)).split('\n');
    expect(above).toBe('  1 | CREATE TABLE t (');
    expect(below).toBe('  3 | );');
    expect(text).toBe(`> 2 | …${'a'.repeat(49)} BAD ${'b'.repeat(106)}…`);
    expect(text.indexOf('BAD')).toBe(carets.indexOf('^'));
  });

  it('cuts long lines above and below at the problem line\'s columns, so they line up', () => {
    const long = (fill: string) => `${fill.repeat(5000)} BAD ${fill.repeat(5000)}`;
    const frame = codeFrame(new SourceText(`${long('x')}\n${long('a')}\n${long('y')}`), at(2, 5002, 2, 5005));
    const [above, text, , below] = frame.split('\n');
    expect(above).toBe(`  1 | ${text.slice(6).replaceAll('a', 'x')}`);
    expect(below).toBe(`  3 | ${text.slice(6).replaceAll('a', 'y')}`);
  });

  it('starts the window of a long line at a whole emoji, never half of its surrogate pair', () => {
    // The window would start 50 columns before BAD, at index 352: the second half of an emoji.
    const line = `x${'😀'.repeat(200)} BAD ${'y'.repeat(200)}`;
    const [text, carets] = codeFrame(new SourceText(line), at(1, 403, 1, 406)).split('\n');
    expect(text).toBe(`> 1 | …${'😀'.repeat(25)} BAD ${'y'.repeat(105)}…`);
    expect(carets).toBe(`    | ${' '.repeat(52)}^^^`);
  });

  it('ends the window of a long line before an emoji it would cut in half', () => {
    // The window's last unit, index 159, is the first half of the 79th emoji: the ellipsis stands for it.
    const line = `BAD${'😀'.repeat(200)}`;
    expect(codeFrame(new SourceText(line), at(1, 1, 1, 4)).split('\n')[0]).toBe(`> 1 | BAD${'😀'.repeat(78)}…`);
  });

  it('keeps a line above in line with the problem line where its window starts inside an emoji', () => {
    const long = `${'a'.repeat(401)} BAD ${'b'.repeat(300)}`;
    const [above, text] = codeFrame(new SourceText(`x${'😀'.repeat(300)}\n${long}`), at(2, 403, 2, 406)).split('\n');
    expect(text).toBe(`> 2 | …${'a'.repeat(49)} BAD ${'b'.repeat(106)}…`);
    // The half emoji at the start is an ellipsis of its own, so the emoji keep their columns.
    expect(above).toBe(`  1 | ……${'😀'.repeat(79)}…`);
  });

  it('never prints half of a surrogate pair, wherever the window falls', () => {
    const line = fc.array(fc.constantFrom('😀', '𝔸', 'a', ' '), { minLength: 81, maxLength: 300 });
    const loneHalf = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    fc.assert(
      fc.property(line, line, line, fc.nat(), (above, problem, below, start) => {
        const text = problem.join('');
        const column = 1 + (start % text.length);
        const frame = codeFrame(new SourceText(`${above.join('')}\n${text}\n${below.join('')}`), at(2, column, 2, column + 1));
        expect(frame).not.toMatch(loneHalf);
      }),
    );
  });

  it('shows control characters as symbols, one column each, so the carets stay under the token', () => {
    const source = new SourceText("SELECT '\u001b[2J\u001b]0;title\u0007' AS x, BAD\nnext\u0000\u007f\u009b\u2028line");
    expect(codeFrame(source, at(1, 31, 1, 34))).toBe(
      [
        "> 1 | SELECT '\u241b[2J\u241b]0;title\u2407' AS x, BAD",
        '    |                               ^^^',
        '  2 | next\u2400\u2421\u2426\u2424line',
      ].join('\n'),
    );
  });

  it('shows the characters that reorder a line (bidi overrides, isolates) as symbols', () => {
    // "Trojan Source": drawn as they are, the line on the terminal reads other than the SQL.
    const source = new SourceText("SELECT '\u202e,x\u202c' AS a, BAD, '\u2066y\u2069'");
    expect(codeFrame(source, at(1, 25, 1, 28)).split('\n')[0]).toBe("> 1 | SELECT '\u2426,x\u2426' AS a, BAD, '\u2426y\u2426'");
  });

  it('prints no control character but tab and line feed, and carets where they would be without them', () => {
    const controls = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u202e', '\u2067'];
    const line = fc.array(fc.constantFrom(...controls, '\t', 'a', ' ', '(', "'", 'é'), { minLength: 1, maxLength: 400 });
    const unprintable = (char: string) => {
      const code = char.charCodeAt(0);
      const bidi = (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
      return (code < 0x20 && char !== '\t' && char !== '\n') || (code >= 0x7f && code <= 0x9f) || char === '\u2028' || char === '\u2029' || bidi;
    };
    fc.assert(
      fc.property(line, line, fc.nat(), fc.nat(), (above, problem, start, length) => {
        const column = 1 + (start % problem.length);
        const endColumn = Math.min(problem.length + 1, column + 1 + (length % 20));
        const frame = codeFrame(new SourceText(`${above.join('')}\n${problem.join('')}`), at(2, column, 2, endColumn));
        expect([...frame].filter(unprintable)).toEqual([]);
        // The same frame with every control character a plain letter: the carets do not move.
        const letters = (chars: string[]) => chars.map((char) => (controls.includes(char) ? 'c' : char)).join('');
        const reference = codeFrame(new SourceText(`${letters(above)}\n${letters(problem)}`), at(2, column, 2, endColumn));
        expect(frame.split('\n').at(-1)).toBe(reference.split('\n').at(-1));
        expect(frame.split('\n')).toHaveLength(reference.split('\n').length);
      }),
    );
  });
});
