import { SCANNED_UP_TO } from './name-lists.js';
import { NameNumbers } from './name-numbers.js';
import { sameName } from './schema.js';

/**
 * The column lists of one table's constraints (UNIQUEs, foreign keys, CHECKs, indexes), found
 * by the columns they name: the first list that names the same columns as a given one, in any
 * order (`sameNameSet`) or in the order written (`sameNameList`). Parity pairs each constraint
 * of one side with its counterpart this way, and `convert` finds the foreign keys whose columns
 * a UNIQUE covers; a scan of the other lists per constraint made a table of n CHECKs cost n²
 * comparisons (8,000 CHECKs on one table: 21 s).
 *
 * Every name gets the number of its set of names sameName holds equal (NameNumbers), and a
 * list is keyed by its numbers: equal numbers mean equal names.
 * A list that names a column twice is kept aside and compared by `sameNameSet` itself: for
 * such a list, its every-name-found-in-the-other reading is looser than equal sets (`a, a`
 * matches `a, b`), and the answer must stay the scan's.
 */
export class ColumnSetIndex {
  private readonly numbers = new NameNumbers();
  private readonly firstBySet = new Map<string, number>();
  private readonly firstByList = new Map<string, number>();
  /** Lists that name a column twice, by their place in `lists`, in order. */
  private readonly repeating: number[] = [];

  constructor(private readonly lists: readonly (readonly string[])[]) {
    lists.forEach((list, at) => {
      const numbers = list.map((name) => this.numbers.numberFor(name));
      const listKey = numbers.join(',');
      if (!this.firstByList.has(listKey)) this.firstByList.set(listKey, at);
      const setKey = sortedKey(numbers);
      if (setKey === undefined) this.repeating.push(at);
      else if (!this.firstBySet.has(setKey)) this.firstBySet.set(setKey, at);
    });
  }

  /** Where the first list stands that `sameNameSet(list, names)` holds for, or -1. */
  firstSameSet(names: readonly string[]): number {
    const numbers = this.numbersOf(names);
    // A name no list has, or one named twice, pairs with no list that names each column once.
    const setKey = numbers === undefined ? undefined : sortedKey(numbers);
    let first = setKey === undefined ? -1 : (this.firstBySet.get(setKey) ?? -1);
    for (const at of this.repeating) {
      if (first !== -1 && at > first) break;
      if (sameNameSet(this.lists[at], names)) {
        first = at;
        break;
      }
    }
    return first;
  }

  /** Where the first list stands that names the same columns as `names` in the same order, or -1. */
  firstSameList(names: readonly string[]): number {
    const numbers = this.numbersOf(names);
    return numbers === undefined ? -1 : (this.firstByList.get(numbers.join(',')) ?? -1);
  }

  private numbersOf(names: readonly string[]): number[] | undefined {
    const numbers: number[] = [];
    for (const name of names) {
      const number = this.numbers.numberOf(name);
      if (number === undefined) return undefined;
      numbers.push(number);
    }
    return numbers;
  }
}

/** Every name of `a` matches one of `b`, and they are as many: the pairing test for constraints written in any column order. */
export function sameNameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name) => b.some((other) => sameName(name, other)));
}

/**
 * `sameNameSet(a, b)` for two lists of any length: long ones (a primary key of thousands of
 * columns, which SQLite allows) through an index of `a`, not every name against every other.
 */
export function sameNameSetOfAnyLength(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length <= SCANNED_UP_TO) return sameNameSet(a, b);
  return new ColumnSetIndex([a]).firstSameSet(b) === 0;
}

/** The numbers in ascending order as one key, or undefined when one of them is there twice. */
function sortedKey(numbers: readonly number[]): string | undefined {
  const sorted = [...numbers].sort((x, y) => x - y);
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return undefined;
  return sorted.join(',');
}
