import { caseFolded } from './case-folded.js';
import { PrefixTree } from './prefix-tree.js';

/** An entry of `parityAllow` with `*`, as written (without quotes and schema): a table, and a column for `table.column`. */
export interface WildcardEntry {
  table: string;
  column?: string;
}

/** An entry with `*`, compiled: a table pattern, and a column pattern for a `table.column` entry. */
export interface Pattern {
  table: RegExp;
  column?: RegExp;
}

type Part = 'table' | 'column';

/**
 * Where a fixed part of an entry must stand in a name the entry matches: all of the name (a
 * table or column without `*`), or, of a text between `*`s, at its start, at its end (filed
 * reversed) or anywhere.
 */
interface Place {
  part: Part;
  anchor: 'whole' | 'start' | 'end' | 'within';
  /** The fixed part, case-folded (reversed for an end). */
  key: string;
}

/**
 * The entries with `*`, filed so that a finding tries only those that could match its names:
 * an entry matches only names that hold each of its fixed parts in its place, case-folded the
 * way its regular expression compares them. Each entry is filed under one of its fixed parts,
 * and a finding tries the entries filed under the parts its names hold.
 *
 * The part is the one the fewest entries share (the longest of those, which fewer names
 * hold). Filed under its longest part, a generated list whose entries share a longer part than
 * the one that sets them apart had them all in one place, and a finding tried each: 8,000
 * tables with a difference each and 8,000 entries took 14.9 s with `t<i>.legacy_*` (1,000:
 * 1.14 s), 83.3 s with `tmp_import_*_<i>` (1.67 s) and 49.7 s with `tmp_*_<i>_*` (1.36 s). An
 * entry repeated, up to case and runs of `*`, is filed once (8,000 copies of one: 6.8 s, 1,000:
 * 0.83 s). A part between `*`s is looked for at each position of a name, no dearer than the
 * entry's own regular expression, which looks for it there too.
 */
export class AllowPatterns {
  private readonly filed: Record<Part, Filed> = { table: new Filed(), column: new Filed() };

  constructor(entries: readonly WildcardEntry[]) {
    const distinct = new Map<string, WildcardEntry>();
    for (const entry of entries) {
      const table = oneStarPerRun(entry.table);
      const column = entry.column === undefined ? undefined : oneStarPerRun(entry.column);
      const key = JSON.stringify([caseFolded(table), column === undefined ? null : caseFolded(column)]);
      if (!distinct.has(key)) distinct.set(key, { table, column });
    }
    const filings = [...distinct.values()].map(({ table, column }) => ({
      pattern: column === undefined ? { table: wildcard(table) } : { table: wildcard(table), column: wildcard(column) },
      places: column === undefined ? placesOf('table', table) : [...placesOf('table', table), ...placesOf('column', column)],
    }));
    const sharing = new Map<string, number>();
    for (const { places } of filings) {
      for (const name of new Set(places.map(placeName))) sharing.set(name, (sharing.get(name) ?? 0) + 1);
    }
    for (const { pattern, places } of filings) {
      const shared = (place: Place) => sharing.get(placeName(place)) ?? 0;
      const chosen = places.reduce((best, place) =>
        shared(place) < shared(best) || (shared(place) === shared(best) && place.key.length > best.key.length) ? place : best,
      );
      this.filed[chosen.part].add(chosen, pattern);
    }
  }

  /** The entries whose fixed part, where each is filed, the case-folded names hold in its place. */
  *fitting(tableKey: string, columnKey: string | undefined): Generator<Pattern> {
    yield* this.filed.table.fitting(tableKey);
    if (columnKey !== undefined) yield* this.filed.column.fitting(columnKey);
  }
}

/** The entries filed under fixed parts of their table, or of their column, by place. */
class Filed {
  private readonly whole = new Map<string, Pattern[]>();
  private readonly start = new PrefixTree<Pattern>();
  private readonly end = new PrefixTree<Pattern>();
  private readonly within = new PrefixTree<Pattern>();

  add(place: Place, pattern: Pattern): void {
    if (place.anchor !== 'whole') {
      this[place.anchor].add(place.key, pattern);
      return;
    }
    const patterns = this.whole.get(place.key);
    if (patterns) patterns.push(pattern);
    else this.whole.set(place.key, [pattern]);
  }

  /** The patterns filed under a part the case-folded name holds in its place. */
  *fitting(name: string): Generator<Pattern> {
    yield* this.whole.get(name) ?? [];
    yield* this.start.valuesPrefixing(name);
    yield* this.end.valuesPrefixing(reversed(name));
    yield* this.within.valuesWithin(name);
  }
}

/** The places of a table's or a column's pattern: all of it without `*`, else its start and end and each text between two `*`s. */
function placesOf(part: Part, pattern: string): Place[] {
  const fixed = caseFolded(pattern).split('*');
  if (fixed.length === 1) return [{ part, anchor: 'whole', key: fixed[0] }];
  return [
    { part, anchor: 'start', key: fixed[0] },
    { part, anchor: 'end', key: reversed(fixed[fixed.length - 1]) },
    ...fixed.slice(1, -1).map((key): Place => ({ part, anchor: 'within', key })),
  ];
}

function placeName(place: Place): string {
  return `${place.part} ${place.anchor} ${place.key}`;
}

/** `**` matches what `*` does; collapsed, no text between two `*`s is empty. */
function oneStarPerRun(pattern: string): string {
  return pattern.replace(/\*+/g, '*');
}

/** By UTF-16 unit, as caseFolded folds and the prefix tree compares. */
function reversed(text: string): string {
  return text.split('').reverse().join('');
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}
