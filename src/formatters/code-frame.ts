import { codeFrameColumns } from '@babel/code-frame';
import type { Diagnostic } from '../engine/diagnostic.js';
import type { SourceText } from '../sql/source-text.js';
import { splitsSurrogatePair } from './surrogates.js';
import { visibleControls } from './visible-controls.js';

/** Lines longer than this are cut to a window around the problem: outputs never print a file's content beyond what they point at. */
const MAX_LINE_WIDTH = 160;
const WINDOW_BEFORE = 50;

/**
 * A code frame for one diagnostic: the line above, the problem line with carets under the
 * exact span (to the end of the line when the span continues), and the line below.
 * Only those lines are handed to @babel/code-frame, so framing stays cheap in huge files.
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
  // The window takes a character past U+FFFF (an emoji) whole, never half of its surrogate pair.
  if (splitsSurrogatePair(lineText, windowStart)) windowStart--;
  // A long line above or below is cut at the problem line's columns, so what lines up in the
  // file lines up here; one that fits is shown whole. (It used to get the problem line's window
  // too: `CREATE TABLE t (` above a problem at column 5,000 of a long line showed as `…`.)
  const cut = (text: string) => {
    if (text.length <= MAX_LINE_WIDTH) return text;
    let windowEnd = windowStart + MAX_LINE_WIDTH;
    // A pair split at the end goes with the cut-away rest, for which the ellipsis stands.
    if (splitsSurrogatePair(text, windowEnd)) windowEnd--;
    let piece = text.slice(windowStart, windowEnd);
    // One split at the start (on a line above or below: the problem line's window starts at a
    // whole character) keeps its column, so the lines still line up, as a second ellipsis.
    if (splitsSurrogatePair(text, windowStart)) piece = `…${piece.slice(1)}`;
    return (windowStart > 0 ? '…' : '') + piece + (text.length > windowEnd ? '…' : '');
  };
  const shift = windowStart > 0 ? windowStart - 1 : 0; // the leading ellipsis takes one column
  const lines: string[] = [];
  // Control characters one for one, after the cut: columns do not move (visible-controls.ts).
  for (let n = first; n <= last; n++) lines.push(visibleControls(cut(source.lineText(n))));

  const startColumn = Math.max(1, diagnostic.column - shift);
  const caretEnd = Math.max(startColumn + 1, Math.min(endColumn - shift, MAX_LINE_WIDTH + 2));
  return codeFrameColumns(
    lines.join('\n'),
    // With `startLine`, @babel/code-frame takes line numbers of the whole file, not of the excerpt.
    { start: { line, column: startColumn }, end: { line, column: caretEnd } },
    { highlightCode: false, linesAbove: 1, linesBelow: 1, startLine: first } as Parameters<typeof codeFrameColumns>[2],
  );
}
