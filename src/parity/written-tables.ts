/**
 * `CREATE [TEMP|TEMPORARY] TABLE [IF NOT EXISTS] [schema.]name (`, keywords in any case: the
 * name, in its quotes if it has them. A schema is a plain word, quoted or not.
 */
const CREATE_TABLE_NAME =
  /\bCREATE\s+(?:TEMP(?:ORARY)?\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:[["`]?\w+[\]"`]?\s*\.\s*)?(\[[^\]]*\]|"[^"]*"|`[^`]*`|[^\s(]+)\s*\(/gi;

/** An opening quote at the start and a closing one at the end, each taken off on its own, as a half-quoted name is written. */
const QUOTES = /^[["`]|[\]"`]$/g;

/**
 * The table names a text writes after `CREATE TABLE` and before the opening parenthesis,
 * without quotes or schema, in order: what the file says it creates, whether or not a reader
 * could read the statement. Comments are the caller's to take out first.
 */
export function writtenTableNames(code: string): string[] {
  const names: string[] = [];
  for (const match of code.matchAll(CREATE_TABLE_NAME)) names.push(match[1].replace(QUOTES, ''));
  return names;
}
