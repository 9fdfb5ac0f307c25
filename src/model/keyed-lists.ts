import { namesakesOf, withNamesake, withNamesakeReplaced, withoutNamesake, type Namesakes, type PositionOf } from './namesake-list.js';

/**
 * Lists of objects by key, in model order. A key with one object (nearly every key: names are
 * mostly unique) holds the object itself: an array for each would be most of the index's size.
 */
export class KeyedLists<K, T> {
  private readonly entries = new Map<K, Namesakes<T>>();

  get(key: K): readonly T[] {
    const entry = this.entries.get(key);
    return entry === undefined ? NONE : namesakesOf(entry);
  }

  /** Appends `object`, or with `positionOf` inserts it where the model has it. */
  add(key: K, object: T, positionOf?: PositionOf<T>): void {
    const entry = this.entries.get(key);
    const added = withNamesake(entry, object, positionOf);
    if (added !== entry) this.entries.set(key, added);
  }

  /** Puts `replacement` in `object`'s place; false when `object` is not listed under `key`. */
  replace(key: K, object: T, replacement: T): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    const replaced = withNamesakeReplaced(entry, object, replacement);
    if (replaced === undefined) return false;
    if (replaced !== entry) this.entries.set(key, replaced);
    return true;
  }

  remove(key: K, object: T): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    const rest = withoutNamesake(entry, object);
    if (rest === undefined) this.entries.delete(key);
    else if (rest !== entry) this.entries.set(key, rest);
  }

  /** Every list with its key. */
  *lists(): Generator<[K, readonly T[]]> {
    for (const [key, entry] of this.entries) yield [key, namesakesOf(entry)];
  }
}

/** The answer for a key no object has, shared. */
const NONE: readonly never[] = [];
