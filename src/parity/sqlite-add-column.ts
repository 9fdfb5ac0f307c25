/** `;`, or either half of `ALTER TABLE ... ADD COLUMN`, whichever comes first. */
const LANDMARK = /(?<end>;)|(?<alter>\bALTER\s+TABLE\b)|\bADD\s+COLUMN\b/gi;

/**
 * Whether the text holds an `ALTER TABLE` followed by `ADD COLUMN` with no `;` between them:
 * SQLite's way of adding a column, which T-SQL writes without the word COLUMN. Parity reads a
 * file judged T-SQL that has one as a SQLite script (a follow-up written for SQLite).
 *
 * One pass over the text. `/\bALTER\s+TABLE\b[^;]*?\bADD\s+COLUMN\b/i` asks the same, but T-SQL
 * needs no `;`, and from each `ALTER TABLE` the search then ran to the end of the text: 16,000
 * `ALTER TABLE t ADD c INT NULL` lines took 5.1 s (2,000: 0.23 s).
 */
export function hasSqliteAddColumn(code: string): boolean {
  LANDMARK.lastIndex = 0;
  let altering = false;
  for (let match = LANDMARK.exec(code); match !== null; match = LANDMARK.exec(code)) {
    if (match.groups?.end !== undefined) altering = false;
    else if (match.groups?.alter !== undefined) altering = true;
    else if (altering) return true;
  }
  return false;
}
