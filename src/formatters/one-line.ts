/**
 * Folds a message onto one line (line breaks become a space) for formats read line by line:
 * `compact` and its problem matcher would otherwise lose everything after the first break.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');
}
