import type { Identity } from './identity-lists.js';
import { identityOfName, ObjectIndex } from './object-index.js';
import { sameQualifiedName, type QualifiedName, type SchemaModel, type SchemaObject, type TableModel } from './schema.js';
import { TableDrops } from './table-lists.js';

/**
 * The objects of a model being built, in file order, where a DROP takes one out in constant
 * time. Taking it out of an array moves every object after it, once per DROP: with a DROP for
 * each table that made a big script's model quadratic to build (20,000 tables dropped one by
 * one: 0.9 s of moving, growing with the square of the count). Here a removed object leaves a
 * hole, and the holes are squeezed out when they are over half the slots, or when the
 * objects are read as an array.
 */
export class ModelObjects {
  /** The objects in model order; undefined where one was removed. */
  private slots: (SchemaObject | undefined)[] = [];
  private holes = 0;
  /**
   * Each object's slot, which is also its place in model order. Made on the first removal or
   * replacement: most scripts have none, and a map entry per object costs every one of them.
   */
  private slotOf: Map<SchemaObject, number> | undefined;
  /** The objects by kind and name, for the lookups of ALTER, DROP and CREATE. */
  readonly index = new ObjectIndex((object) => this.slotIndex().get(object) ?? -1);
  /** Counts the objects added, replaced and removed, so that `snapshot` knows when its array is still current. */
  private changes = 0;
  private snapshotTaken: { changes: number; objects: SchemaObject[] } | undefined;
  /** The columns and constraints ALTER TABLE ... DROP took out, which leave their tables' arrays when the objects are handed out. */
  private readonly tableDrops = new TableDrops();

  constructor(objects: readonly SchemaObject[] = []) {
    for (const object of objects) this.push(object);
  }

  push(object: SchemaObject): void {
    this.changes++;
    this.slotOf?.set(object, this.slots.length);
    this.slots.push(object);
    this.index.added(object);
  }

  /** `replacement` takes `object`'s place (a namesake re-created). */
  replace(object: SchemaObject, replacement: SchemaObject): void {
    const slotOf = this.slotIndex();
    const slot = slotOf.get(object);
    if (slot === undefined) return;
    this.changes++;
    this.slots[slot] = replacement;
    slotOf.delete(object);
    slotOf.set(replacement, slot);
    this.index.replaced(object, replacement);
  }

  remove(object: SchemaObject): void {
    const slotOf = this.slotIndex();
    const slot = slotOf.get(object);
    if (slot === undefined) return;
    this.changes++;
    this.slots[slot] = undefined;
    slotOf.delete(object);
    this.holes++;
    this.index.removed(object);
    if (this.holes > 64 && this.holes * 2 > this.slots.length) this.squeeze();
  }

  /** The objects that may be a `kind` named `name`, in model order (see ObjectIndex). */
  named(kind: string, name: string): readonly SchemaObject[] {
    return this.index.named(kind, name);
  }

  /** The objects of `kind` that may be the one `identity` names, in model order (see ObjectIndex). */
  namesakes(kind: string, identity: Identity): readonly SchemaObject[] {
    return this.index.namesakes(kind, identity);
  }

  /** The indexes and triggers on a table that `table` names, in no set order (see ObjectIndex). */
  on(table: QualifiedName): readonly SchemaObject[] {
    return this.index.on(table);
  }

  /** The tables whose foreign keys may reference table `tableName`, in no set order (see ObjectIndex). */
  referencing(tableName: string): readonly SchemaObject[] {
    return this.index.referencing(tableName);
  }

  /** `ALTER TABLE t DROP [COLUMN] a, [CONSTRAINT] b` (see TableDrops). */
  dropFromTable(table: TableModel, columns: readonly string[], constraints: readonly string[]): void {
    this.tableDrops.drop(table, columns, constraints);
  }

  /** The first object of `kind` whose qualified name matches `name` (sameQualifiedName), as a scan of the model would find it. */
  findNamed<T extends SchemaObject>(kind: T['kind'], name: QualifiedName): T | undefined {
    return this.namesakes(kind, identityOfName(name)).find(
      (object): object is T => object.kind === kind && 'name' in object && typeof object.name === 'object' && sameQualifiedName(object.name, name),
    );
  }

  /** The objects as a new array, in model order, with what was dropped from their tables gone from the tables' arrays. */
  toArray(): SchemaObject[] {
    this.tableDrops.settle();
    this.squeeze();
    return this.slots.slice() as SchemaObject[];
  }

  /**
   * The objects as an array in model order, for a builder to hand out as its model's: the same
   * array as the last call while no object was added, replaced or removed since (a follow-up
   * script that only alters tables changes them in place), so the model is not copied per script.
   */
  snapshot(): SchemaObject[] {
    // Dropping a column changes a table, not the objects: the array may still be current.
    this.tableDrops.settle();
    if (this.snapshotTaken?.changes !== this.changes) this.snapshotTaken = { changes: this.changes, objects: this.toArray() };
    return this.snapshotTaken.objects;
  }

  private slotIndex(): Map<SchemaObject, number> {
    if (!this.slotOf) {
      this.slotOf = new Map();
      for (let slot = 0; slot < this.slots.length; slot++) {
        const object = this.slots[slot];
        if (object !== undefined) this.slotOf.set(object, slot);
      }
    }
    return this.slotOf;
  }

  private squeeze(): void {
    if (this.holes === 0) return;
    this.slots = this.slots.filter((object) => object !== undefined);
    this.holes = 0;
    // Slots moved: the next removal or replacement numbers them again.
    this.slotOf = undefined;
  }
}

/** The objects, with their index, of each model that scripts are still being added to (see `objectsToBuildOn`). */
const modelsBuiltOn = new WeakMap<SchemaModel, ModelObjects>();

/**
 * The objects of `target` to build on, for a builder that adds a script to a model other
 * scripts built (a base file and its follow-up scripts): those of the builder that last handed
 * `target` out, while `target` still holds that builder's array, so that each script does not
 * index the whole model again. One pair with 8,000 one-line follow-up scripts, on a model of
 * 8,000 tables, took 9.5 s that way (1,000: 0.60 s).
 */
export function objectsToBuildOn(target: SchemaModel): ModelObjects {
  const kept = modelsBuiltOn.get(target);
  return kept && kept.snapshot() === target.objects ? kept : new ModelObjects(target.objects);
}

/** Hands `objects` out as `target`'s, and keeps them for the next script built on `target`. */
export function handOutBuiltOn(target: SchemaModel, objects: ModelObjects): SchemaModel {
  target.objects = objects.snapshot();
  modelsBuiltOn.set(target, objects);
  return target;
}
