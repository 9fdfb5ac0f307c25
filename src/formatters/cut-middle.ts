import { isHighSurrogate, isLowSurrogate } from './surrogates.js';

/**
 * `text` in at most `maxLength` UTF-16 code units, its middle replaced by `…` when it is longer.
 * The middle goes, not the end, because messages that quote something long put it in the
 * middle: "CHECK (<expression>) on t0 is declared in x.sql:1 but not here." keeps both the
 * start of the expression and the table and file it is about. A surrogate pair is never split.
 */
export function cutMiddle(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const kept = maxLength - 1; // the ellipsis takes one
  let headEnd = Math.ceil((kept * 2) / 3);
  let tailStart = text.length - (kept - headEnd);
  if (isHighSurrogate(text.charCodeAt(headEnd - 1))) headEnd--;
  if (isLowSurrogate(text.charCodeAt(tailStart))) tailStart++;
  return `${text.slice(0, headEnd)}…${text.slice(tailStart)}`;
}
