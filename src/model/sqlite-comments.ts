import type { SourceText } from '../sql/source-text.js';
import type { Token } from '../sql/token.js';
import { blankBackToLineStart, isBlankCode } from '../sql/blanks.js';

/**
 * Finds the comments that describe an object: a run of comment lines directly above it
 * (each alone on its line, no blank line between) and comments on its own last line after it.
 *
 * Comments are kept as offsets, not tokens. The arrays of tokens were born holding small
 * integers (V8's empty-array default) and recorded as such in the builder's field, so the
 * splitter's optimized loop, with the push inlined, deoptimized at the first comment of a
 * tree's run and was compiled again; offsets are small integers from the start. Nor do the
 * files' comment tokens live as long as the model any more.
 */
export class CommentReader {
  /** Where each comment starts and ends, in file order. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(private readonly source: SourceText) {}

  add(comment: Token): void {
    this.starts.push(comment.start);
    this.ends.push(comment.end);
  }

  above(first: Token): string[] {
    const found: string[] = [];
    const text = this.source.text;
    let boundary = first.start;
    for (let i = this.lastCommentBefore(boundary); i >= 0; i--) {
      if (!blankWithAtMostOneLineBreak(text, this.ends[i], boundary)) break; // code or a blank line in between
      if (!blankBackToLineStart(text, this.starts[i])) break;
      // Pushed, and turned round once at the end: an unshift per comment made a block of k comment lines cost k².
      found.push(this.commentText(i));
      boundary = this.starts[i];
    }
    return found.reverse();
  }

  after(last: Token, stopAt = Number.POSITIVE_INFINITY): string[] {
    const first = this.lastCommentBefore(last.end) + 1;
    const count = this.starts.length;
    // Most items have no comment before the next one: no line number to look up then.
    if (first >= count || this.starts[first] >= stopAt) return [];
    const line = this.source.positionAt(last.end).line;
    const found: string[] = [];
    for (let i = first; i < count; i++) {
      const start = this.starts[i];
      if (start >= stopAt || this.source.positionAt(start).line !== line) break;
      found.push(this.commentText(i));
    }
    return found;
  }

  /** Kept as written (line and block comments with their markers): both dialects share comment syntax, so convert emits them unchanged. */
  private commentText(index: number): string {
    return this.source.text.slice(this.starts[index], this.ends[index]).trimEnd();
  }

  private lastCommentBefore(offset: number): number {
    let low = 0;
    let high = this.ends.length - 1;
    let result = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.ends[mid] <= offset) {
        result = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return result;
  }
}

/**
 * True when `text[from..to)` is whitespace (as regex `\s`) holding at most one line break
 * (CRLF, CR or LF). A scan rather than a slice and two regexes: it runs for every column.
 *
 * Read backwards from `to`, the object's first token: the text right before an object is what
 * usually settles it (the previous object's code), while a long blank run after a comment would be
 * read again, forwards, for every object that comes after the run on its line.
 */
export function blankWithAtMostOneLineBreak(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = to - 1; i >= from; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      if (code === 10 && i - 1 >= from && text.charCodeAt(i - 1) === 13) i--;
      if (++breaks > 1) return false;
    } else if (!isBlankCode(code, text, i)) return false;
  }
  return true;
}
