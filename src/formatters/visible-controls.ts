/**
 * Text from a linted file, made safe and visible on a terminal: every C0 control character but
 * tab, DEL and every C1 control character becomes a symbol. Printed as they are, an ESC sequence
 * inside a SQL string cleared the screen or set the window's title when stylish showed its line.
 *
 * Unicode's Control Pictures (`␛` for ESC, `␀` for NUL, `␍` for CR, `␡` for DEL), as rustc's
 * diagnostics show them: each replaces one UTF-16 unit by one, and is one column wide, so
 * columns, carets and the 160-column window of a code frame stay where they are. An escape such
 * as `\x1b` is clearer to some but takes four columns, so every caret after one would move.
 * C1 controls (U+0080–U+009F; a terminal may read U+009B as CSI) have no picture of their own:
 * they show as `␦`, the picture of a character substituted. Tab is kept: the frame's caret line
 * keeps tabs too, so carets stay under their token.
 *
 * U+2028 and U+2029 are no control characters, but @babel/code-frame breaks lines at them (the
 * lint does not), which put the carets under the wrong line: they show as `␤` and `¶`.
 *
 * Unicode's bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
 * reorder how a terminal draws the rest of the line, so the line shown reads other than the
 * line SQL Server or SQLite reads ("Trojan Source", CVE-2021-42574); they show as `␦` too.
 */
export function visibleControls(text: string): string {
  let out: string | undefined;
  let copied = 0;
  for (let index = 0; index < text.length; index++) {
    const symbol = symbolFor(text.charCodeAt(index));
    if (symbol === undefined) continue;
    out = (out ?? '') + text.slice(copied, index) + symbol;
    copied = index + 1;
  }
  return out === undefined ? text : out + text.slice(copied);
}

function symbolFor(code: number): string | undefined {
  if (code < 0x20) return code === 0x09 ? undefined : String.fromCharCode(0x2400 + code);
  if (code < 0x7f) return undefined;
  if (code === 0x7f) return '\u2421';
  if (code <= 0x9f) return '\u2426';
  if (code === 0x2028) return '\u2424';
  if (code === 0x2029) return '\u00b6';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return '\u2426';
  return undefined;
}
