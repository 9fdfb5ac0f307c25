import { oneLine } from './one-line.js';

/**
 * Markdown escaping for the GitHub step summary. Lint messages quote SQL, which is full of
 * characters Markdown gives meaning to (`*` in `SELECT *`, `[` in `[dbo]`, `|` that would
 * split a table cell), so every cell is escaped and kept on one line.
 */
export function markdownText(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]<>|~#&]/g, (char) => (char === '&' ? '&amp;' : `\\${char}`));
}

/** A code span that survives any backticks inside it, inside a table cell. */
export function markdownCode(text: string): string {
  const flat = oneLine(text);
  // A loop, not Math.max(...runs): a spread of a few hundred thousand runs overflows the stack.
  let longestRun = 0;
  for (const run of flat.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  const fence = '`'.repeat(longestRun + 1);
  const padded = flat.startsWith('`') || flat.endsWith('`') ? ` ${flat} ` : flat;
  // GitHub splits table cells on `|` even inside code spans; `\|` keeps it in the cell.
  return `${fence}${padded.replaceAll('|', '\\|')}${fence}`;
}
