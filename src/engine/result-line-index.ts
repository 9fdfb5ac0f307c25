import { SourceText } from '../sql/source-text.js';
import type { LintResult } from './diagnostic.js';

/**
 * The line index of each result's text, shared by everything after the lint pass that turns
 * offsets into lines: the pass builds one anyway, and the formatters that print code frames or
 * fixes would otherwise build a second (on an 8 MB file ~250,000 line starts and ~20 ms).
 * A result that reached this thread as plain data (from a worker or the cache) gets its index
 * built on first use, once.
 */
const lineIndexes = new WeakMap<LintResult, SourceText>();

/** Lends the lint pass's index to its result; ignored when the result holds another text (a fixed output). */
export function attachLineIndex(result: LintResult, source: SourceText): void {
  if (result.source === source.text) lineIndexes.set(result, source);
}

/** The line index of the result's text, or undefined when the result carries no text. */
export function lineIndexOf(result: LintResult): SourceText | undefined {
  if (result.source === undefined) return undefined;
  let index = lineIndexes.get(result);
  if (index === undefined || index.text !== result.source) {
    index = new SourceText(result.source);
    lineIndexes.set(result, index);
  }
  return index;
}
