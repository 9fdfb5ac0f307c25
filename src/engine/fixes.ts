import type { TextEdit } from './diagnostic.js';

/** Merges the edits of one fix into a single edit spanning them all, keeping the text in between. */
export function mergeEdits(text: string, edits: readonly TextEdit[]): TextEdit {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const start = sorted[0].range[0];
  let end = start;
  let replacement = '';
  for (const edit of sorted) {
    if (edit.range[0] < end) throw new RangeError('A fix has overlapping edits.');
    replacement += text.slice(end, edit.range[0]) + edit.text;
    end = edit.range[1];
  }
  return { range: [start, end], text: replacement };
}

/**
 * Applies non-overlapping edits in one linear pass. Edits that overlap an earlier one are
 * skipped (a later pass picks them up again, as ESLint does).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { output: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const parts: string[] = [];
  let cursor = 0;
  let applied = 0;
  for (const edit of sorted) {
    const [start, end] = edit.range;
    if (start < cursor || start > end || end > text.length) continue;
    parts.push(text.slice(cursor, start), edit.text);
    cursor = end;
    applied++;
  }
  parts.push(text.slice(cursor));
  return { output: parts.join(''), applied };
}
