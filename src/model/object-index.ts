import { IdentityLists, type Identity } from './identity-lists.js';
import { KeyedLists } from './keyed-lists.js';
import { NameLists } from './name-lists.js';
import { NameNumbers } from './name-numbers.js';
import type { PositionOf } from './namesake-list.js';
import { objectName, type QualifiedName, type SchemaObject } from './schema.js';

/**
 * The objects of a model being built, by kind and bare name, by whole identity (schema
 * included), by the table an index or trigger is on and by the tables a table's foreign keys
 * reference, so that the statements which look an object up (ALTER TABLE, DROP, a re-CREATE
 * that replaces its namesake, a guarded CREATE, a rename) find it without scanning every object. With one such statement per table the scans made a
 * model quadratic to build: 20,000 CREATE TABLE followed by 20,000 DROP TABLE (1.7 MB) took
 * 39 s, and as many ALTER TABLE 110 s.
 *
 * Candidates come in the model's order, and every lookup is still decided by the caller's own
 * test (sameName, sameQualifiedName): the index only narrows what is tested. ModelObjects keeps
 * it up to date and tells it where each object stands in the model.
 *
 * Names are keyed by their numbers in NameNumbers, one for each kind's names (a table's also
 * where an index or trigger names its table) and one for schemas. Each kind's names are found
 * once per lookup, and a name beyond ASCII by halving in the collator's order, which is kept up
 * to date as names are added: one such order per kind, not one per list an object is kept in.
 */
export class ObjectIndex {
  /** kind → the numbers of its objects' names. */
  private readonly names = new Map<string, NameNumbers>();
  /** The numbers of schema names, of every kind. */
  private readonly schemas = new NameNumbers();
  /** kind → objects by the number of their bare name. */
  private readonly byName = new Map<string, KeyedLists<number, SchemaObject>>();
  /** Indexes and triggers by their table's identity, in no set order: whoever asks tests them all. */
  private readonly byTable: IdentityLists<SchemaObject>;
  /** kind → objects by their whole identity, schema included (see `namesakes`). */
  private readonly byIdentity = new Map<string, IdentityLists<SchemaObject>>();
  /** Tables by the bare names of the tables their foreign keys reference, in no set order. */
  private readonly byReferenced: NameLists<SchemaObject>;
  /** The names each table is kept under in `byReferenced`, so that it is taken out of exactly those. */
  private readonly referencedBy = new Map<SchemaObject, Set<string>>();

  /** `positionOf`: where an object stands in the model; a larger number is later. */
  constructor(private readonly positionOf: PositionOf<SchemaObject>) {
    this.byTable = new IdentityLists([this.namesOf('table')], this.schemas, positionOf);
    this.byReferenced = new NameLists(positionOf);
  }

  /** The objects of `kind` named `name` (sameName), in model order. */
  named(kind: string, name: string): readonly SchemaObject[] {
    const number = this.names.get(kind)?.numberOf(name);
    return number === undefined ? NONE : (this.byName.get(kind)?.get(number) ?? NONE);
  }

  /**
   * The objects of `kind` that may be the one `identity` names (sameQualifiedName, and for an
   * index the same index name on the same table), in model order. The bare name alone put
   * every schema's `t`, and every table's `IX_k`, in one list tested whole per statement: 400
   * schemas of the same 20 tables with an index each (580 KB) took 6.0 s, 8,000 tables with
   * the same index name 2.3 s (see IdentityLists).
   */
  namesakes(kind: string, identity: Identity): readonly SchemaObject[] {
    return this.byIdentity.get(kind)?.get(identity) ?? NONE;
  }

  /**
   * Indexes and triggers on a table that `table` names (sameQualifiedName), in no set order. By
   * the bare name alone, a DROP TABLE of one of 4,000 tables `s<i>.t` with an index each was
   * given every schema's index on `t` to test (4,000 such tables created and dropped: 1.4 s).
   */
  on(table: QualifiedName): readonly SchemaObject[] {
    return this.byTable.get(identityOfName(table));
  }

  /**
   * Tables whose foreign keys may reference table `tableName`, in no set order: what a rename of
   * that table rewrites, without a pass over the model (32,000 tables renamed in turn took 15.4 s
   * that way). A table stays listed under a name its keys no longer reference (a dropped or
   * retargeted key) until it leaves the model; whoever asks tests its keys.
   */
  referencing(tableName: string): readonly SchemaObject[] {
    return this.byReferenced.get(tableName);
  }

  /**
   * `table`'s foreign keys from index `from` on were added after the table was (ALTER TABLE ...
   * ADD): `referencing` lists it under their names too. One key's name at a time, not the
   * table's every key again per ALTER, which made a table of 8,000 keys altered 8,000 times take
   * 20 s.
   */
  foreignKeysAdded(table: SchemaObject, from: number): void {
    if (table.kind !== 'table') return;
    for (let k = from; k < table.foreignKeys.length; k++) this.listReference(table, table.foreignKeys[k].references.name);
  }

  /** One of `table`'s foreign keys now references `tableName` (a rename of the table it referenced). */
  foreignKeyRetargeted(table: SchemaObject, tableName: string): void {
    this.listReference(table, tableName);
  }

  /** `object` was appended to the model. */
  added(object: SchemaObject): void {
    this.insert(object, false);
  }

  /** `replacement` took `object`'s place in the model (a namesake re-created). */
  replaced(object: SchemaObject, replacement: SchemaObject): void {
    const name = objectName(object);
    const replacementName = objectName(replacement);
    // A namesake takes its predecessor's place in its list, so namesakes keep their model order.
    const number = name === undefined ? undefined : this.names.get(object.kind)?.numberOf(name);
    const inPlace =
      number !== undefined && replacementName !== undefined && object.kind === replacement.kind &&
      this.namesOf(object.kind).numberOf(replacementName) === number &&
      (this.byName.get(object.kind)?.replace(number, object, replacement) ?? false);
    if (!inPlace) {
      this.removeName(object);
      this.insertName(replacement, true);
    }
    this.removeIdentity(object);
    this.insertIdentity(replacement, true);
    const table = tableOf(object);
    if (table !== undefined) this.byTable.remove(identityOfName(table), object);
    const replacementTable = tableOf(replacement);
    if (replacementTable !== undefined) this.byTable.add(identityOfName(replacementTable), replacement, false);
    this.removeReferences(object);
    this.insertReferences(replacement);
  }

  /** `object` was taken out of the model. */
  removed(object: SchemaObject): void {
    this.removeName(object);
    this.removeIdentity(object);
    const table = tableOf(object);
    if (table !== undefined) this.byTable.remove(identityOfName(table), object);
    this.removeReferences(object);
  }

  /**
   * Call before a change of `object`'s name or table (a rename) and `after` once it is made:
   * the object moves to the lists of its new names, in model order.
   */
  renaming(object: SchemaObject): { after(): void } {
    this.removed(object);
    return { after: () => this.insert(object, true) };
  }

  /** `inModelOrder`: the object may stand before others of its lists (it was not appended to the model). */
  private insert(object: SchemaObject, inModelOrder: boolean): void {
    this.insertName(object, inModelOrder);
    this.insertIdentity(object, inModelOrder);
    const table = tableOf(object);
    if (table !== undefined) this.byTable.add(identityOfName(table), object, false);
    this.insertReferences(object);
  }

  private insertReferences(object: SchemaObject): void {
    if (object.kind !== 'table') return;
    for (const key of object.foreignKeys) this.listReference(object, key.references.name);
  }

  private listReference(table: SchemaObject, name: string): void {
    let names = this.referencedBy.get(table);
    if (!names) {
      names = new Set();
      this.referencedBy.set(table, names);
    }
    if (names.has(name)) return;
    names.add(name);
    this.byReferenced.add(name, table, false);
  }

  private removeReferences(object: SchemaObject): void {
    const names = this.referencedBy.get(object);
    if (!names) return;
    for (const name of names) this.byReferenced.remove(name, object);
    this.referencedBy.delete(object);
  }

  private insertName(object: SchemaObject, inModelOrder: boolean): void {
    const name = objectName(object);
    if (name === undefined) return;
    let lists = this.byName.get(object.kind);
    if (!lists) {
      lists = new KeyedLists();
      this.byName.set(object.kind, lists);
    }
    lists.add(this.namesOf(object.kind).numberFor(name), object, inModelOrder ? this.positionOf : undefined);
  }

  private removeName(object: SchemaObject): void {
    const name = objectName(object);
    const number = name === undefined ? undefined : this.names.get(object.kind)?.numberOf(name);
    if (number !== undefined) this.byName.get(object.kind)?.remove(number, object);
  }

  /** The numbers of the names of `kind`'s objects. */
  private namesOf(kind: string): NameNumbers {
    let numbers = this.names.get(kind);
    if (!numbers) {
      numbers = new NameNumbers();
      this.names.set(kind, numbers);
    }
    return numbers;
  }

  private insertIdentity(object: SchemaObject, inModelOrder: boolean): void {
    const identity = identityOf(object);
    if (!identity) return;
    let lists = this.byIdentity.get(object.kind);
    if (!lists) {
      // An index is named by its own name and its table's.
      const parts = object.kind === 'index' ? [this.namesOf('index'), this.namesOf('table')] : [this.namesOf(object.kind)];
      lists = new IdentityLists(parts, this.schemas, this.positionOf);
      this.byIdentity.set(object.kind, lists);
    }
    lists.add(identity, object, inModelOrder);
  }

  private removeIdentity(object: SchemaObject): void {
    const identity = identityOf(object);
    if (identity) this.byIdentity.get(object.kind)?.remove(identity, object);
  }
}

/** An object's identity; undefined for an INSERT's rows. */
export function identityOf(object: SchemaObject): Identity | undefined {
  if (object.kind === 'insert') return undefined;
  if (object.kind === 'index') return { schema: object.table.schema, parts: [object.name, object.table.name] };
  return { schema: object.name.schema, parts: [object.name.name] };
}

/** A qualified name's identity, for a lookup of a table, view, routine or trigger. */
export function identityOfName(name: QualifiedName): Identity {
  return { schema: name.schema, parts: [name.name] };
}

/** An index's identity, for a lookup by its name and table. */
export function identityOfIndex(name: string, table: QualifiedName): Identity {
  return { schema: table.schema, parts: [name, table.name] };
}

const NONE: readonly SchemaObject[] = [];

/** The table an index or trigger is on. */
function tableOf(object: SchemaObject): QualifiedName | undefined {
  if (object.kind === 'index' || object.kind === 'trigger') return object.table;
  return undefined;
}
