import { KeyedLists } from './keyed-lists.js';
import { NamesakeList, namesakesOf, withNamesake, withNamesakeReplaced, withoutNamesake, type Namesakes, type PositionOf } from './namesake-list.js';
import { collateNames, isPlainName } from './schema.js';

/**
 * Lists of up to this many names are scanned rather than indexed: a table's columns or a key's
 * are that few in nearly every table, where making a NameLists costs more than the scan it saves.
 */
export const SCANNED_UP_TO = 32;

/**
 * Objects by a name, as sameName compares names: for a name, the objects whose name may match
 * it, in model order (as long as every object that may stand before others was added with
 * `inModelOrder`). Every match is still decided by the caller's own test (sameName,
 * sameQualifiedName); these lists only narrow what is tested, and never leave out a match.
 *
 * A plain name (printable ASCII) is keyed by its lower-cased text, which is exactly how
 * sameName compares two of them. Any other name is compared by a collator, which has no key to
 * hash: those names are kept in the collator's order and found by halving (`CollatedLists`), so
 * a schema of Cyrillic or Chinese names is not scanned per lookup either (4,000 such tables
 * created, altered and dropped took 7.9 s by scanning, growing with the square of the count).
 * The collator can equal a plain name with one that is not (`ｃａｆｅ` and `cafe`), so a lookup
 * asks both sides: a plain name halves the other names, and another name halves the plain
 * names in the collator's order, a list made at the first such lookup and kept from then on.
 */
export class NameLists<T> {
  private readonly plain = new KeyedLists<string, T>();
  private readonly others = new CollatedLists<T>();
  /** The plain names in the collator's order: made when a name beyond ASCII is first looked up. */
  private plainCollated: CollatedLists<T> | undefined;

  constructor(private readonly positionOf: PositionOf<T>) {}

  /** A fixed list's objects by the name `nameOf` gives each, in the list's order. */
  static of<T>(objects: readonly T[], nameOf: (object: T) => string): NameLists<T> {
    // Positions are asked for only when plain and other names meet in one answer: made then.
    let position: Map<T, number> | undefined;
    const lists = new NameLists<T>((object) => (position ??= new Map(objects.map((each, at) => [each, at]))).get(object) ?? -1);
    for (const object of objects) lists.add(nameOf(object), object, false);
    return lists;
  }

  /**
   * `get` for a name the caller knows is plain while no name beyond ASCII is listed: the list
   * under its lower-cased form, which is every match (NameNumbers asks this for each name it
   * numbers, and knows both already).
   */
  getPlainAmongPlain(name: string): readonly T[] {
    return this.plain.get(name.toLowerCase());
  }

  /** The objects whose name may match `name` (sameName), in model order. */
  get(name: string): readonly T[] {
    if (isPlainName(name)) {
      const keyed = this.plain.get(name.toLowerCase());
      return this.others.size === 0 ? keyed : this.inModelOrder(keyed, this.others.get(name));
    }
    return this.inModelOrder(this.others.get(name), this.collatedPlain().get(name));
  }

  /** Adds `object` under `name`; `inModelOrder`: it may stand before others of its list (it was not appended to the model). */
  add(name: string, object: T, inModelOrder: boolean): void {
    const positionOf = inModelOrder ? this.positionOf : undefined;
    if (!isPlainName(name)) {
      this.others.add(name, object, positionOf);
      return;
    }
    this.plain.add(name.toLowerCase(), object, positionOf);
    this.plainCollated?.add(name, object, positionOf);
  }

  remove(name: string, object: T): void {
    if (!isPlainName(name)) {
      this.others.remove(name, object);
      return;
    }
    this.plain.remove(name.toLowerCase(), object);
    this.plainCollated?.remove(name, object);
  }

  /**
   * `replacement`, named `name` as well, takes `object`'s place in its list. False when the
   * two names do not share a list (then remove one and add the other).
   */
  replace(name: string, replacementName: string, object: T, replacement: T): boolean {
    const plain = isPlainName(name);
    if (plain !== isPlainName(replacementName)) return false;
    if (!plain) return collateNames(name, replacementName) === 0 && this.others.replace(name, object, replacement);
    if (name.toLowerCase() !== replacementName.toLowerCase()) return false;
    this.plain.replace(name.toLowerCase(), object, replacement);
    this.plainCollated?.replace(name, object, replacement);
    return true;
  }

  private collatedPlain(): CollatedLists<T> {
    if (!this.plainCollated) {
      // Two plain keys never collate alike, so each list stays a list of its own. Sorted once:
      // the collator orders plain names fast (200,000 in ~35 ms).
      const entries = [...this.plain.lists()].sort((a, b) => collateNames(a[0], b[0]));
      this.plainCollated = CollatedLists.fromSorted(
        entries.map(([key]) => key),
        entries.map(([, objects]) => (objects.length === 1 ? objects[0] : new NamesakeList([...objects]))),
      );
    }
    return this.plainCollated;
  }

  private inModelOrder(a: readonly T[], b: readonly T[]): readonly T[] {
    if (b.length === 0) return a;
    if (a.length === 0) return b;
    return [...a, ...b].sort((x, y) => this.positionOf(x) - this.positionOf(y));
  }
}

/**
 * Lists of objects by names the collator compares, one list for each set of names it holds
 * equal, kept in the collator's order and found by halving. The order is kept in blocks of at
 * most BLOCK_SIZE names, so that adding or removing a name moves the names of one block, not
 * of the whole list: with one sorted array, 376,000 names (the 100 MB stress file) would move
 * ~190,000 entries per name added.
 */
class CollatedLists<T> {
  /** In the collator's order; none empty unless it is the only one. */
  private blocks: CollatedBlock<T>[] = [{ names: [], lists: [] }];
  private count = 0;

  /** From lists already in the collator's order, no two of whose names it holds equal. */
  static fromSorted<T>(names: readonly string[], lists: readonly Namesakes<T>[]): CollatedLists<T> {
    const collated = new CollatedLists<T>();
    if (names.length === 0) return collated;
    collated.blocks = [];
    for (let at = 0; at < names.length; at += HALF_BLOCK) {
      collated.blocks.push({ names: names.slice(at, at + HALF_BLOCK), lists: lists.slice(at, at + HALF_BLOCK) });
    }
    collated.count = names.length;
    return collated;
  }

  get size(): number {
    return this.count;
  }

  get(name: string): readonly T[] {
    const { block, at, found } = this.locate(name);
    return found ? namesakesOf(block.lists[at]) : NONE;
  }

  add(name: string, object: T, positionOf?: PositionOf<T>): void {
    const { block, blockIndex, at, found } = this.locate(name);
    if (found) {
      block.lists[at] = withNamesake(block.lists[at], object, positionOf);
      return;
    }
    block.names.splice(at, 0, name);
    block.lists.splice(at, 0, object);
    this.count++;
    if (block.names.length > BLOCK_SIZE) {
      this.blocks.splice(blockIndex + 1, 0, { names: block.names.splice(HALF_BLOCK), lists: block.lists.splice(HALF_BLOCK) });
    }
  }

  remove(name: string, object: T): void {
    const { block, blockIndex, at, found } = this.locate(name);
    if (!found) return;
    const rest = withoutNamesake(block.lists[at], object);
    if (rest !== undefined) {
      block.lists[at] = rest;
      return;
    }
    block.names.splice(at, 1);
    block.lists.splice(at, 1);
    this.count--;
    if (block.names.length === 0 && this.blocks.length > 1) this.blocks.splice(blockIndex, 1);
  }

  /** False when `object` is not listed under `name`. */
  replace(name: string, object: T, replacement: T): boolean {
    const { block, at, found } = this.locate(name);
    if (!found) return false;
    const replaced = withNamesakeReplaced(block.lists[at], object, replacement);
    if (replaced === undefined) return false;
    block.lists[at] = replaced;
    return true;
  }

  /** The block `name` belongs in, and the first place there whose name the collator does not put before it. */
  private locate(name: string): { block: CollatedBlock<T>; blockIndex: number; at: number; found: boolean } {
    // The first block whose last name is not before `name`; the last block when every one is.
    let low = 0;
    let high = this.blocks.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const names = this.blocks[middle].names;
      if (collateNames(names[names.length - 1], name) < 0) low = middle + 1;
      else high = middle;
    }
    const block = this.blocks[low];
    let at = 0;
    let end = block.names.length;
    while (at < end) {
      const middle = (at + end) >>> 1;
      if (collateNames(block.names[middle], name) < 0) at = middle + 1;
      else end = middle;
    }
    const found = at < block.names.length && collateNames(block.names[at], name) === 0;
    return { block, blockIndex: low, at, found };
  }
}

interface CollatedBlock<T> {
  /** One name of each list, in the collator's order. */
  names: string[];
  /** The objects of the name in the same place, in model order. */
  lists: Namesakes<T>[];
}

/** A block splits in two when it passes this many names. */
const BLOCK_SIZE = 512;
const HALF_BLOCK = BLOCK_SIZE / 2;

/** The answer for a name no object has, shared. */
const NONE: readonly never[] = [];
