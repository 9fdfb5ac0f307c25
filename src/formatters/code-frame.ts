import type { Diagnostic } from '../engine/diagnostic.js';
import type { SourceText } from '../sql/source-text.js';

/** Lines longer than this are cut to a window around the problem: outputs never print a file's content beyond what they point at. */
const MAX_LINE_WIDTH = 160;
const WINDOW_BEFORE = 50;

/**
 * A code frame for one diagnostic: the line above, the problem line with carets under the
 * exact span (to the end of the line when the span continues), and the line below.
 * Only those lines are framed, so framing stays cheap in huge files.
 */
export function codeFrame(source: SourceText, diagnostic: Diagnostic): string {
  if (source.text.length === 0) return '';
  const line = Math.min(diagnostic.line, source.lineCount);
  const first = Math.max(1, line - 1);
  const last = Math.min(source.lineCount, line + 1);
  const lineText = source.lineText(line);
  const endColumn = diagnostic.endLine === diagnostic.line ? diagnostic.endColumn : lineText.length + 1;

  let windowStart = 0;
  if (lineText.length > MAX_LINE_WIDTH) windowStart = Math.max(0, diagnostic.column - 1 - WINDOW_BEFORE);
  const cut = (text: string) => {
    if (text.length <= MAX_LINE_WIDTH && windowStart === 0) return text;
    const piece = text.slice(windowStart, windowStart + MAX_LINE_WIDTH);
    return (windowStart > 0 ? '…' : '') + piece + (text.length > windowStart + MAX_LINE_WIDTH ? '…' : '');
  };
  const shift = windowStart > 0 ? windowStart - 1 : 0; // the leading ellipsis takes one column
  const lines: string[] = [];
  for (let n = first; n <= last; n++) lines.push(cut(source.lineText(n)));

  const startColumn = Math.max(1, diagnostic.column - shift);
  const caretEnd = Math.max(startColumn + 1, Math.min(endColumn - shift, MAX_LINE_WIDTH + 2));
  return plainCodeFrame(lines.join('\n'), line, startColumn, caretEnd, first);
}

/** The line breaks @babel/code-frame splits on; a U+2028 inside an SQL line starts a new frame line there too. */
const FRAME_NEWLINE = /\r\n|[\n\r\u2028\u2029]/;

/**
 * What `codeFrameColumns(excerpt, { start: { line, column }, end: { line, column: endColumn } },
 * { highlightCode: false, linesAbove: 1, linesBelow: 1, startLine })` of @babel/code-frame 7
 * prints, byte for byte (test/formatters/code-frame.test.ts compares the two), for a span on one
 * line with `column < endColumn`, the only kind framed here. Written out because loading that
 * package and its three dependencies through the CommonJS loader took ~15 ms of every run that
 * prints a frame, more than framing ever costs, and our frames are never syntax-highlighted.
 */
function plainCodeFrame(excerpt: string, line: number, column: number, endColumn: number, startLine: number): string {
  const lineOffset = startLine - 1;
  const markerLine = line - lineOffset; // 1-based within the excerpt
  const excerptLines = excerpt.split(FRAME_NEWLINE);
  const start = Math.max(markerLine - 2, 0);
  const end = Math.min(excerptLines.length, markerLine + 1);
  const numberWidth = String(end + lineOffset).length;
  const frame: string[] = [];
  for (let index = start; index < end; index++) {
    const text = excerptLines[index];
    const number = index + 1;
    const gutter = ` ${` ${number + lineOffset}`.slice(-numberWidth)} |`;
    const shown = text.length > 0 ? ` ${text}` : '';
    if (number !== markerLine) {
      frame.push(` ${gutter}${shown}`);
      continue;
    }
    // Tabs are kept under the text so the carets line up with it whatever the tab width.
    const spacing = text.slice(0, Math.max(column - 1, 0)).replace(/[^\t]/g, ' ');
    frame.push(`>${gutter}${shown}\n ${gutter.replace(/\d/g, ' ')} ${spacing}${'^'.repeat(endColumn - column)}`);
  }
  return frame.join('\n');
}
