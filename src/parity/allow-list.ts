import type { Finding } from './compare.js';
import { PrefixTree } from './prefix-tree.js';

/**
 * `parityAllow` lists intended differences: `"audit_log"` silences every finding about that
 * table (its absence, its columns, keys and indexes), `"users.legacy_flag"` one column's.
 * Names compare case-insensitively, a `dbo.`/`main.` prefix is ignored, and `*` matches any
 * run of characters (`"*.created_at"`, `"tmp_*"`).
 *
 * A list read once per run, not per finding: each finding re-read and compiled every entry,
 * so a pair of 4,000 tables with a difference each and 4,000 entries took 18.5 s. Names
 * without `*` are looked up by their case-folded form. An entry with `*` is filed under its
 * longest fixed part (the text before its first `*` or after its last, of its table or its
 * column), and a finding tries only the entries whose fixed part its names start or end with:
 * trying every such entry per finding made 8,000 tables with a difference each and 8,000
 * entries `z<i>_*.col*` take 30.1 s (1,000: 1.27 s).
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
  /** Entries with a `*`, by the case-folded fixed part each is filed under (`reversed` for an end). */
  private readonly byTableStart = new PrefixTree<Pattern>();
  private readonly byTableEnd = new PrefixTree<Pattern>();
  private readonly byColumnStart = new PrefixTree<Pattern>();
  private readonly byColumnEnd = new PrefixTree<Pattern>();

  constructor(entries: readonly string[]) {
    for (const entry of entries) this.read(entry);
  }

  /** Whether the list silences findings about `subject`. */
  allows(subject: Finding['subject']): boolean {
    const { table, column } = subject;
    if (!table) return false;
    const tableKey = caseFolded(table);
    if (this.tables.has(tableKey)) return true;
    if (column !== undefined && this.columns.get(tableKey)?.has(caseFolded(column))) return true;
    for (const pattern of this.patternsFitting(tableKey, column === undefined ? undefined : caseFolded(column))) {
      if (pattern.column === undefined ? pattern.table.test(table) : column !== undefined && pattern.table.test(table) && pattern.column.test(column)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The entries with `*` whose fixed part the names (case-folded) start or end with: any other
   * cannot match, as its regular expression compares those characters one by one, case-folded
   * the same way.
   */
  private *patternsFitting(tableKey: string, columnKey: string | undefined): Generator<Pattern> {
    yield* this.byTableStart.valuesPrefixing(tableKey);
    yield* this.byTableEnd.valuesPrefixing(reversed(tableKey));
    if (columnKey === undefined) return;
    yield* this.byColumnStart.valuesPrefixing(columnKey);
    yield* this.byColumnEnd.valuesPrefixing(reversed(columnKey));
  }

  private addPattern(table: string, column: string | undefined): void {
    const pattern: Pattern = column === undefined ? { table: wildcard(table) } : { table: wildcard(table), column: wildcard(column) };
    const places: [PrefixTree<Pattern>, string][] = [
      [this.byTableStart, startOf(table)],
      [this.byTableEnd, reversed(endOf(table))],
    ];
    if (column !== undefined) places.push([this.byColumnStart, startOf(column)], [this.byColumnEnd, reversed(endOf(column))]);
    const [tree, key] = places.reduce((longest, place) => (place[1].length > longest[1].length ? place : longest));
    tree.add(key, pattern);
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
      this.addPattern(table, column);
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

/** An entry with `*`: a table pattern, and a column pattern for a `table.column` entry. */
interface Pattern {
  table: RegExp;
  column?: RegExp;
}

/** The case-folded text of a pattern before its first `*` (all of it without one). */
function startOf(pattern: string): string {
  const star = pattern.indexOf('*');
  return caseFolded(star < 0 ? pattern : pattern.slice(0, star));
}

/** The case-folded text of a pattern after its last `*` (all of it without one). */
function endOf(pattern: string): string {
  return caseFolded(pattern.slice(pattern.lastIndexOf('*') + 1));
}

/** By UTF-16 unit, as caseFolded folds and the prefix tree compares. */
function reversed(text: string): string {
  return text.split('').reverse().join('');
}

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
