import type { Finding } from './compare.js';
import { AllowPatterns, type WildcardEntry } from './allow-patterns.js';
import { caseFolded } from './case-folded.js';

/**
 * `parityAllow` lists intended differences: `"audit_log"` silences every finding about that
 * table (its absence, its columns, keys and indexes), `"users.legacy_flag"` one column's.
 * Names compare case-insensitively, a `dbo.`/`main.` prefix is ignored, and `*` matches any
 * run of characters (`"*.created_at"`, `"tmp_*"`).
 *
 * A list read once per run, not per finding: each finding re-read and compiled every entry,
 * so a pair of 4,000 tables with a difference each and 4,000 entries took 18.5 s. Names
 * without `*` are looked up by their case-folded form. The entries with `*` are filed by their
 * fixed parts (AllowPatterns), and a finding tries only those its names could match: trying
 * every such entry per finding made 8,000 tables with a difference each and 8,000 entries
 * `z<i>_*.col*` take 30.1 s (1,000: 1.27 s).
 *
 * Each parity run builds its own from the config as it stands. One kept for the last list
 * object asked about answered a long-lived caller's next run (an editor that keeps one config
 * object and edits its parityAllow in place) from the entries the list held before the edit.
 */
export class AllowList {
  /** Case-folded names of whole tables allowed. */
  private readonly tables = new Set<string>();
  /** Case-folded table name → case-folded names of its columns allowed. */
  private readonly columns = new Map<string, Set<string>>();
  /** Entries with a `*`, filed by their fixed parts. */
  private readonly patterns: AllowPatterns;

  constructor(entries: readonly string[]) {
    const wildcards: WildcardEntry[] = [];
    for (const entry of entries) this.read(entry, wildcards);
    this.patterns = new AllowPatterns(wildcards);
  }

  /** Whether the list silences findings about `subject`. */
  allows(subject: Finding['subject']): boolean {
    const { table, column } = subject;
    if (!table) return false;
    const tableKey = caseFolded(table);
    if (this.tables.has(tableKey)) return true;
    if (column !== undefined && this.columns.get(tableKey)?.has(caseFolded(column))) return true;
    for (const pattern of this.patterns.fitting(tableKey, column === undefined ? undefined : caseFolded(column))) {
      if (pattern.column === undefined ? pattern.table.test(table) : column !== undefined && pattern.table.test(table) && pattern.column.test(column)) {
        return true;
      }
    }
    return false;
  }

  /** Adds an entry's name to the sets, or an entry with `*` to `wildcards`. */
  private read(entry: string, wildcards: WildcardEntry[]): void {
    let parts = entry
      .trim()
      .split('.')
      .map((part) => part.replace(/^[[\]"`]+|[[\]"`]+$/g, ''));
    if (parts.length > 1 && /^(dbo|main)$/i.test(parts[0])) parts = parts.slice(1);
    if (parts.length > 2) return; // matches nothing
    const [table, column] = parts;
    if (table.includes('*') || column?.includes('*')) {
      wildcards.push(column === undefined ? { table } : { table, column });
    } else if (column === undefined) {
      this.tables.add(caseFolded(table));
    } else {
      const key = caseFolded(table);
      let columns = this.columns.get(key);
      if (!columns) {
        columns = new Set();
        this.columns.set(key, columns);
      }
      columns.add(caseFolded(column));
    }
  }
}
