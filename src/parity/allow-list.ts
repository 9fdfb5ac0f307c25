import { memoizeLast } from '../sql/statement-memo.js';
import type { Finding } from './compare.js';

/**
 * `parityAllow` lists intended differences: `"audit_log"` silences every finding about that
 * table (its absence, its columns, keys and indexes), `"users.legacy_flag"` one column's.
 * Names compare case-insensitively, a `dbo.`/`main.` prefix is ignored, and `*` matches any
 * run of characters (`"*.created_at"`, `"tmp_*"`).
 */
export function isAllowed(allow: readonly string[], subject: Finding['subject']): boolean {
  if (!subject.table) return false;
  return compiled(allow).allows(subject.table, subject.column);
}

/**
 * A list read once per run, not per finding: each finding re-read and compiled every entry,
 * so a pair of 4,000 tables with a difference each and 4,000 entries took 18.5 s. Names
 * without `*` are looked up by their case-folded form; only entries with `*` are matched one
 * by one.
 */
class AllowList {
  /** Case-folded names of whole tables allowed. */
  private readonly tables = new Set<string>();
  /** Case-folded table name → case-folded names of its columns allowed. */
  private readonly columns = new Map<string, Set<string>>();
  /** Entries with a `*`: a table pattern, and a column pattern for a `table.column` entry. */
  private readonly patterns: { table: RegExp; column?: RegExp }[] = [];

  constructor(entries: readonly string[]) {
    for (const entry of entries) this.read(entry);
  }

  allows(table: string, column: string | undefined): boolean {
    const tableKey = caseFolded(table);
    if (this.tables.has(tableKey)) return true;
    if (column !== undefined && this.columns.get(tableKey)?.has(caseFolded(column))) return true;
    return this.patterns.some((pattern) =>
      pattern.column === undefined ? pattern.table.test(table) : column !== undefined && pattern.table.test(table) && pattern.column.test(column),
    );
  }

  private read(entry: string): void {
    let parts = entry
      .trim()
      .split('.')
      .map((part) => part.replace(/^[[\]"`]+|[[\]"`]+$/g, ''));
    if (parts.length > 1 && /^(dbo|main)$/i.test(parts[0])) parts = parts.slice(1);
    if (parts.length > 2) return; // matches nothing
    const [table, column] = parts;
    if (table.includes('*') || column?.includes('*')) {
      this.patterns.push(column === undefined ? { table: wildcard(table) } : { table: wildcard(table), column: wildcard(column) });
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

const compiled = memoizeLast((entries: readonly string[]) => new AllowList(entries));

function wildcard(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/**
 * A name as a case-insensitive regular expression (the `i` flag without `u`) compares it: each
 * UTF-16 unit upper-cased, unless that takes more than one unit or turns a non-ASCII unit into
 * an ASCII one (the Kelvin sign stays itself), so a name without `*` is allowed exactly when
 * its entry, as such an expression, would match it.
 */
function caseFolded(name: string): string {
  let folded = '';
  for (let i = 0; i < name.length; i++) {
    const unit = name[i];
    const upper = unit.toUpperCase();
    folded += upper.length !== 1 || (unit.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) ? unit : upper;
  }
  return folded;
}
