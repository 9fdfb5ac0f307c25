import type { TextEdit } from '../engine/diagnostic.js';

/**
 * Text edits for the SQLite rules' fixes. Fixes remove T-SQL leftovers (a GO line, a
 * `SET ANSI_NULLS ON` statement, ` ON [PRIMARY]`) and must leave the file tidy: no blank line
 * where a removed statement stood, no double space where a removed clause stood.
 */

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

function isLineBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r';
}

/**
 * Deletes `[start, end)`. When nothing but blanks remains on the lines it touched, the whole
 * lines go, with one line terminator, so removing a statement that had its own lines leaves
 * no empty line behind. Otherwise the blanks before the range go with it (`a ON [PRIMARY]`
 * becomes `a`), or, at the start of a line, the blanks after it.
 */
export function removeRangeEdit(text: string, start: number, end: number): TextEdit {
  let lineStart = start;
  while (lineStart > 0 && isBlank(text[lineStart - 1])) lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && isBlank(text[lineEnd])) lineEnd++;
  const startsLine = lineStart === 0 || isLineBreak(text[lineStart - 1]);
  const endsLine = lineEnd === text.length || isLineBreak(text[lineEnd]);
  if (startsLine && endsLine) {
    if (lineEnd < text.length) {
      // Take this line's terminator (CRLF as one).
      const terminatorEnd = text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? lineEnd + 2 : lineEnd + 1;
      return { range: [lineStart, terminatorEnd], text: '' };
    }
    // Last line of the file: take the terminator before it instead, when there is one.
    let from = lineStart;
    if (from > 0 && text[from - 1] === '\n') from--;
    if (from > 0 && text[from - 1] === '\r') from--;
    return { range: [from, lineEnd], text: '' };
  }
  if (startsLine) return { range: [start, lineEnd], text: '' };
  return { range: [lineStart, end], text: '' };
}

/** Replaces `[start, end)` by `replacement`. */
export function replaceRangeEdit(start: number, end: number, replacement: string): TextEdit {
  return { range: [start, end], text: replacement };
}
