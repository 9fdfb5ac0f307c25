/**
 * Whitespace tests on a file's text by character code, for scans that run per token or per
 * column: regex `\s` is asked only for characters beyond ASCII.
 */

/** Regex `\s` for one UTF-16 code unit other than a line break (LF, CR). */
export function isBlankCode(code: number, text: string, index: number): boolean {
  if (code === 32 || code === 9 || code === 11 || code === 12) return true;
  return code >= 128 && /\s/.test(text[index]);
}

/**
 * True when only whitespace stands between the start of `offset`'s line (SourceText's: after LF,
 * CR or CRLF) and `offset`. Read backwards from `offset`, so the code next to it answers at once,
 * however long the line's indent: asked for every token that could start a line's construct.
 */
export function blankBackToLineStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return true;
    if (!isBlankCode(code, text, i)) return false;
  }
  return true;
}
