/** Where an object stands in the model (or list); a larger number is later. */
export type PositionOf<T> = (object: T) => number;

/**
 * The objects NameLists keeps under one name, in model order: the object itself while it is the
 * only one (nearly every name), which spares an array per name, and a NamesakeList once there
 * are more.
 */
export type Namesakes<T> = T | NamesakeList<T>;

/** The objects of `entry`, in model order. */
export function namesakesOf<T>(entry: Namesakes<T>): readonly T[] {
  return entry instanceof NamesakeList ? entry.objects() : [entry];
}

/** `entry` (undefined for none) with `object` appended, or with `positionOf` put where the model has it. */
export function withNamesake<T>(entry: Namesakes<T> | undefined, object: T, positionOf?: PositionOf<T>): Namesakes<T> {
  if (entry === undefined) return object;
  const list = entry instanceof NamesakeList ? entry : new NamesakeList([entry]);
  list.add(object, positionOf);
  return list;
}

/** `entry` without `object`: undefined when it was the only one, `entry` itself when it is not there. */
export function withoutNamesake<T>(entry: Namesakes<T>, object: T): Namesakes<T> | undefined {
  if (!(entry instanceof NamesakeList)) return entry === object ? undefined : entry;
  if (!entry.remove(object)) return entry;
  return entry.size === 1 ? entry.objects()[0] : entry;
}

/** `entry` with `replacement` in `object`'s place; undefined when `object` is not there. */
export function withNamesakeReplaced<T>(entry: Namesakes<T>, object: T, replacement: T): Namesakes<T> | undefined {
  if (!(entry instanceof NamesakeList)) return entry === object ? replacement : undefined;
  return entry.replace(object, replacement) ? entry : undefined;
}

/**
 * A list of up to this many objects is searched and spliced to take one out; a longer one keeps
 * each object's place, so that a removal is neither a search nor a move of the objects after it.
 */
const SEARCHED_UP_TO = 32;

/** What a removed object leaves in a long list until the list is squeezed. */
const HOLE = Symbol('removed');

/**
 * Two or more objects under one name, in model order. One name may hold thousands: the indexes
 * on one table, the tables whose keys reference one table, one table name in every schema, one
 * index name on every table. Taking them out one by one with a search and a splice grew with the
 * square of their count. A long list leaves a hole where an object was taken out, squeezed out
 * once the holes are more than half of it, and hands out a copy without them.
 */
export class NamesakeList<T> {
  /**
   * In model order. A short list is handed out as it is and searched to take an object out; a
   * long one has HOLE where an object was taken out since the last squeeze, and is never handed out.
   */
  private items: (T | typeof HOLE)[];
  /** Each object's index in `items`, once the list is long. */
  private places: Map<T, number> | undefined;
  private holes = 0;
  /** A long list's objects as handed out: made at a read after a removal, kept up to date by appends. */
  private view: T[] | undefined;

  constructor(objects: T[]) {
    this.items = objects;
    if (objects.length > SEARCHED_UP_TO) this.placeFrom(0);
  }

  get size(): number {
    return this.items.length - this.holes;
  }

  /** The objects in model order; not to be changed by the caller. */
  objects(): readonly T[] {
    if (!this.places) return this.items as T[];
    return (this.view ??= this.items.filter((item): item is T => item !== HOLE));
  }

  /** Appends `object`, or with `positionOf` puts it before the objects that the model has after it. */
  add(object: T, positionOf?: PositionOf<T>): void {
    if (!positionOf) {
      this.places?.set(object, this.items.length);
      this.items.push(object);
      this.view?.push(object);
    } else {
      this.squeeze();
      const items = this.items as T[];
      const at = positionOf(object);
      let i = items.length;
      while (i > 0 && positionOf(items[i - 1]) > at) i--;
      items.splice(i, 0, object);
      if (this.places) this.placeFrom(i);
      this.view = undefined;
    }
    // Past this length, holes may go into `items`: a copy, as the array itself may have been handed out.
    if (!this.places && this.items.length > SEARCHED_UP_TO) {
      this.items = this.items.slice();
      this.placeFrom(0);
    }
  }

  /** False when `object` is not in the list. */
  remove(object: T): boolean {
    if (!this.places) {
      const at = this.items.indexOf(object);
      if (at < 0) return false;
      this.items.splice(at, 1);
      return true;
    }
    const at = this.places.get(object);
    if (at === undefined) return false;
    this.places.delete(object);
    this.items[at] = HOLE;
    this.holes++;
    this.view = undefined;
    if (this.holes * 2 > this.items.length) this.squeeze();
    return true;
  }

  /** False when `object` is not in the list. */
  replace(object: T, replacement: T): boolean {
    if (!this.places) {
      const at = this.items.indexOf(object);
      if (at < 0) return false;
      this.items[at] = replacement;
      return true;
    }
    const at = this.places.get(object);
    if (at === undefined) return false;
    this.items[at] = replacement;
    this.places.delete(object);
    this.places.set(replacement, at);
    // Without holes the copy handed out has every object where `items` has it.
    if (this.view && this.holes === 0) this.view[at] = replacement;
    else this.view = undefined;
    return true;
  }

  private squeeze(): void {
    if (this.holes === 0) return;
    this.items = this.items.filter((item) => item !== HOLE);
    this.holes = 0;
    this.view = undefined;
    this.placeFrom(0);
  }

  private placeFrom(start: number): void {
    this.places ??= new Map();
    for (let at = start; at < this.items.length; at++) this.places.set(this.items[at] as T, at);
  }
}
