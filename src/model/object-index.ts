import type { QualifiedName, SchemaObject } from './schema.js';

/**
 * The objects of a model being built, by kind and bare name, so that the statements which look
 * an object up (ALTER TABLE, DROP, a re-CREATE that replaces its namesake, a guarded CREATE)
 * find it without scanning every object. With one such statement per table the scans made a
 * model quadratic to build: 20,000 CREATE TABLE followed by 20,000 DROP TABLE (1.7 MB) took
 * 39 s, and as many ALTER TABLE 110 s.
 *
 * Only names in printable ASCII are keyed: between two of them sameName is exactly
 * case-insensitive equality. Objects with any other name are kept apart and always offered as
 * candidates (the collator sameName uses for them may equal one with an ASCII name), and a
 * lookup of such a name returns undefined: the caller then scans the model. A schema whose
 * names are mostly not ASCII is still scanned per lookup. Candidates come in
 * the model's order, and every lookup is still decided by the caller's own test (sameName,
 * sameQualifiedName): the index only narrows what is tested.
 *
 * ModelObjects keeps it up to date and tells it where each object stands in the model.
 */
export class ObjectIndex {
  /** kind → lower-cased bare name → objects, in model order. */
  private readonly byName = new Map<string, KeyedLists>();
  /** Indexes and triggers by the lower-cased bare name of their table. */
  private readonly byTable = new KeyedLists();
  /** Objects whose name, or table's name, is not printable ASCII: few, and scanned. */
  private readonly irregular: SchemaObject[] = [];

  /** `positionOf`: where an object stands in the model; a larger number is later. */
  constructor(private readonly positionOf: (object: SchemaObject) => number) {}

  /**
   * The objects of `kind` that may be named `name`, in model order; undefined when `name`
   * is not printable ASCII (scan the model instead).
   */
  named(kind: string, name: string): readonly SchemaObject[] | undefined {
    const key = plainKey(name);
    if (key === undefined) return undefined;
    const keyed = this.byName.get(kind)?.get(key) ?? NONE;
    if (this.irregular.length === 0) return keyed;
    const others = this.irregular.filter((object) => object.kind === kind && objectName(object) !== undefined);
    return others.length === 0 ? keyed : this.inModelOrder([...keyed, ...others]);
  }

  /** Indexes and triggers that may be on table `tableName`, in model order; undefined as for named(). */
  on(tableName: string): readonly SchemaObject[] | undefined {
    const key = plainKey(tableName);
    if (key === undefined) return undefined;
    const keyed = this.byTable.get(key);
    if (this.irregular.length === 0) return keyed;
    const others = this.irregular.filter((object) => tableOf(object) !== undefined);
    return others.length === 0 ? keyed : this.inModelOrder([...keyed, ...others]);
  }

  /** `object` was appended to the model. */
  added(object: SchemaObject): void {
    this.insert(object, false);
  }

  /** `replacement` took `object`'s place in the model (a namesake re-created). */
  replaced(object: SchemaObject, replacement: SchemaObject): void {
    const keys = keysOf(object);
    const replacementKeys = keysOf(replacement);
    if (keys && replacementKeys && !keys.irregular && !replacementKeys.irregular && keys.name !== undefined && keys.name === replacementKeys.name && object.kind === replacement.kind) {
      // Same list, same place: namesakes keep their model order.
      this.byName.get(object.kind)?.replace(keys.name, object, replacement);
      if (keys.table !== undefined) this.byTable.remove(keys.table, object);
      if (replacementKeys.table !== undefined) this.byTable.add(replacementKeys.table, replacement);
      return;
    }
    this.removed(object);
    this.insert(replacement, true);
  }

  /** `object` was taken out of the model. */
  removed(object: SchemaObject): void {
    const keys = keysOf(object);
    if (!keys) return;
    if (keys.irregular) {
      const at = this.irregular.indexOf(object);
      if (at >= 0) this.irregular.splice(at, 1);
      return;
    }
    if (keys.name !== undefined) this.byName.get(object.kind)?.remove(keys.name, object);
    if (keys.table !== undefined) this.byTable.remove(keys.table, object);
  }

  /**
   * Call before a change of `object`'s name or table (a rename) and `after` once it is made:
   * the object moves to the lists of its new keys, in model order.
   */
  renaming(object: SchemaObject): { after(): void } {
    this.removed(object);
    return { after: () => this.insert(object, true) };
  }

  /** `inModelOrder`: the object may stand before others of its lists (it was not appended to the model). */
  private insert(object: SchemaObject, inModelOrder: boolean): void {
    const keys = keysOf(object);
    if (!keys) return;
    const positionOf = inModelOrder ? this.positionOf : undefined;
    if (keys.irregular) {
      insertInto(this.irregular, object, positionOf);
      return;
    }
    if (keys.name !== undefined) {
      let lists = this.byName.get(object.kind);
      if (!lists) {
        lists = new KeyedLists();
        this.byName.set(object.kind, lists);
      }
      lists.add(keys.name, object, positionOf);
    }
    // Order among a table's indexes and triggers does not matter: whoever asks tests them all.
    if (keys.table !== undefined) this.byTable.add(keys.table, object);
  }

  private inModelOrder(candidates: SchemaObject[]): SchemaObject[] {
    return candidates.sort((a, b) => this.positionOf(a) - this.positionOf(b));
  }
}

/**
 * Lists of objects by key, in model order. A key with one object (nearly every key: names are
 * mostly unique) holds the object itself: an array for each would be most of the index's size.
 */
class KeyedLists {
  private readonly entries = new Map<string, SchemaObject | SchemaObject[]>();

  get(key: string): readonly SchemaObject[] {
    const entry = this.entries.get(key);
    if (entry === undefined) return NONE;
    return Array.isArray(entry) ? entry : [entry];
  }

  /** Appends `object`, or with `positionOf` inserts it where the model has it. */
  add(key: string, object: SchemaObject, positionOf?: (object: SchemaObject) => number): void {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.entries.set(key, object);
      return;
    }
    const list = Array.isArray(entry) ? entry : [entry];
    insertInto(list, object, positionOf);
    if (list !== entry) this.entries.set(key, list);
  }

  replace(key: string, object: SchemaObject, replacement: SchemaObject): void {
    const entry = this.entries.get(key);
    if (entry === object) this.entries.set(key, replacement);
    else if (Array.isArray(entry)) {
      const at = entry.indexOf(object);
      if (at >= 0) entry[at] = replacement;
    }
  }

  remove(key: string, object: SchemaObject): void {
    const entry = this.entries.get(key);
    if (entry === object) this.entries.delete(key);
    else if (Array.isArray(entry)) {
      const at = entry.indexOf(object);
      if (at >= 0) entry.splice(at, 1);
      if (entry.length === 1) this.entries.set(key, entry[0]);
    }
  }
}

const NONE: readonly SchemaObject[] = [];

/** sameName's test for names it compares by lower-casing. */
const PLAIN_NAME = /^[\x20-\x7e]*$/;

/** The key of a name in printable ASCII (see ObjectIndex); undefined for any other name. */
function plainKey(name: string): string | undefined {
  return PLAIN_NAME.test(name) ? name.toLowerCase() : undefined;
}

/** An object's keys; undefined for an object with neither a name nor a table (an INSERT's rows). */
function keysOf(object: SchemaObject): { name?: string; table?: string; irregular: boolean } | undefined {
  const name = objectName(object);
  const table = tableOf(object);
  if (name === undefined && table === undefined) return undefined;
  const nameKey = name === undefined ? undefined : plainKey(name);
  const tableKey = table === undefined ? undefined : plainKey(table.name);
  const irregular = (name !== undefined && nameKey === undefined) || (table !== undefined && tableKey === undefined);
  return { name: nameKey, table: tableKey, irregular };
}

function objectName(object: SchemaObject): string | undefined {
  if (object.kind === 'insert') return undefined;
  return object.kind === 'index' ? object.name : object.name.name;
}

/** The table an index or trigger is on. */
function tableOf(object: SchemaObject): QualifiedName | undefined {
  if (object.kind === 'index' || object.kind === 'trigger') return object.table;
  return undefined;
}

/** Appends `object`, or with `positionOf` inserts it before the objects that the model has after it. */
function insertInto(list: SchemaObject[], object: SchemaObject, positionOf?: (object: SchemaObject) => number): void {
  if (!positionOf) {
    list.push(object);
    return;
  }
  const at = positionOf(object);
  let i = list.length;
  while (i > 0 && positionOf(list[i - 1]) > at) i--;
  list.splice(i, 0, object);
}
