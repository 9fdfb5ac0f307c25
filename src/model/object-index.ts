import { NameLists } from './name-lists.js';
import type { PositionOf } from './namesake-list.js';
import { isPlainName, objectName, sameName, type QualifiedName, type SchemaObject } from './schema.js';

/**
 * The objects of a model being built, by kind and bare name, by whole identity (schema
 * included), by the table an index or trigger is on and by the tables a table's foreign keys
 * reference, so that the statements which look an object up (ALTER TABLE, DROP, a re-CREATE
 * that replaces its namesake, a guarded CREATE, a rename) find it without scanning every object. With one such statement per table the scans made a
 * model quadratic to build: 20,000 CREATE TABLE followed by 20,000 DROP TABLE (1.7 MB) took
 * 39 s, and as many ALTER TABLE 110 s.
 *
 * Candidates come in the model's order, and every lookup is still decided by the caller's own
 * test (sameName, sameQualifiedName): the index only narrows what is tested (NameLists).
 * ModelObjects keeps it up to date and tells it where each object stands in the model.
 */
export class ObjectIndex {
  /** kind → objects by bare name. */
  private readonly byName = new Map<string, NameLists<SchemaObject>>();
  /** Indexes and triggers by the bare name of their table, in no set order: whoever asks tests them all. */
  private readonly byTable: NameLists<SchemaObject>;
  /** kind → objects by their whole identity, schema included (see `namesakes`). */
  private readonly byIdentity = new Map<string, IdentityLists>();
  /** Tables by the bare names of the tables their foreign keys reference, in no set order. */
  private readonly byReferenced: NameLists<SchemaObject>;
  /** The names each table is kept under in `byReferenced`, so that it is taken out of exactly those. */
  private readonly referencedBy = new Map<SchemaObject, Set<string>>();

  /** `positionOf`: where an object stands in the model; a larger number is later. */
  constructor(private readonly positionOf: PositionOf<SchemaObject>) {
    this.byTable = new NameLists(positionOf);
    this.byReferenced = new NameLists(positionOf);
  }

  /** The objects of `kind` that may be named `name`, in model order. */
  named(kind: string, name: string): readonly SchemaObject[] {
    return this.byName.get(kind)?.get(name) ?? NONE;
  }

  /**
   * The objects of `kind` that may be the one `identity` names (sameQualifiedName, and for an
   * index the same index name on the same table), in model order. The bare name alone put
   * every schema's `t`, and every table's `IX_k`, in one list tested whole per statement: 400
   * schemas of the same 20 tables with an index each (580 KB) took 6.0 s, 8,000 tables with
   * the same index name 2.3 s. For names in printable ASCII the lists are keyed by the whole
   * identity; any other name is looked up by its bare name, as before.
   */
  namesakes(kind: string, identity: Identity): readonly SchemaObject[] {
    const schema = ownSchema(identity.schema);
    if (!identity.parts.every(isPlainName) || (schema !== undefined && !isPlainName(schema))) return this.named(kind, identity.parts[0]);
    const lists = this.byIdentity.get(kind);
    if (!lists) return NONE;
    const key = identityKey(identity.parts);
    // A query without a schema matches every schema's namesake; one with a schema, those of
    // that schema and those without one. Names beyond ASCII may equal plain ones (`ｔ`, `t`).
    const odd = lists.odd.get(identity.parts[0]);
    if (schema === undefined) return this.inModelOrder([lists.noSchema.get(key), lists.withSchema.get(key), odd]);
    return this.inModelOrder([lists.noSchema.get(key), lists.inSchema.get(`${schema}:${key}`), odd]);
  }

  /** Indexes and triggers that may be on table `tableName`, in no set order. */
  on(tableName: string): readonly SchemaObject[] {
    return this.byTable.get(tableName);
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
    const inPlace =
      name !== undefined && replacementName !== undefined && object.kind === replacement.kind &&
      (this.byName.get(object.kind)?.replace(name, replacementName, object, replacement) ?? false);
    if (!inPlace) {
      this.removeName(object);
      this.insertName(replacement, true);
    }
    this.removeIdentity(object);
    this.insertIdentity(replacement, true);
    const table = tableOf(object);
    if (table !== undefined) this.byTable.remove(table.name, object);
    const replacementTable = tableOf(replacement);
    if (replacementTable !== undefined) this.byTable.add(replacementTable.name, replacement, false);
    this.removeReferences(object);
    this.insertReferences(replacement);
  }

  /** `object` was taken out of the model. */
  removed(object: SchemaObject): void {
    this.removeName(object);
    this.removeIdentity(object);
    const table = tableOf(object);
    if (table !== undefined) this.byTable.remove(table.name, object);
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
    if (table !== undefined) this.byTable.add(table.name, object, false);
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
      lists = new NameLists<SchemaObject>(this.positionOf);
      this.byName.set(object.kind, lists);
    }
    lists.add(name, object, inModelOrder);
  }

  private removeName(object: SchemaObject): void {
    const name = objectName(object);
    if (name !== undefined) this.byName.get(object.kind)?.remove(name, object);
  }

  private insertIdentity(object: SchemaObject, inModelOrder: boolean): void {
    const identity = identityOf(object);
    if (!identity) return;
    let lists = this.byIdentity.get(object.kind);
    if (!lists) {
      lists = {
        noSchema: new NameLists(this.positionOf),
        withSchema: new NameLists(this.positionOf),
        inSchema: new NameLists(this.positionOf),
        odd: new NameLists(this.positionOf),
      };
      this.byIdentity.set(object.kind, lists);
    }
    for (const [list, key] of identityEntries(lists, identity)) list.add(key, object, inModelOrder);
  }

  private removeIdentity(object: SchemaObject): void {
    const identity = identityOf(object);
    const lists = this.byIdentity.get(object.kind);
    if (!identity || !lists) return;
    for (const [list, key] of identityEntries(lists, identity)) list.remove(key, object);
  }

  /** Lists each in model order, merged into one (an object in two lists once). */
  private inModelOrder(lists: readonly (readonly SchemaObject[])[]): readonly SchemaObject[] {
    const filled = lists.filter((list) => list.length > 0);
    if (filled.length <= 1) return filled[0] ?? NONE;
    const merged = [...new Set(filled.flat())];
    return merged.sort((a, b) => this.positionOf(a) - this.positionOf(b));
  }
}

/**
 * What names an object among those of its kind: a schema (undefined for none or `dbo`, which
 * match any) and its name, or for an index its own name and its table's.
 */
export interface Identity {
  schema: string | undefined;
  parts: readonly string[];
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

interface IdentityLists {
  /** Identities in printable ASCII of no schema (or `dbo`), by their parts: most objects, kept in this list alone. */
  noSchema: NameLists<SchemaObject>;
  /** Identities in printable ASCII of another schema, any, by their parts. */
  withSchema: NameLists<SchemaObject>;
  /** The same, by `schema:parts`. */
  inSchema: NameLists<SchemaObject>;
  /** Identities with a name or schema beyond ASCII, by their first part's name (as `named`). */
  odd: NameLists<SchemaObject>;
}

/** The lists an identity is kept in, with its key in each. */
function identityEntries(lists: IdentityLists, identity: Identity): [NameLists<SchemaObject>, string][] {
  const schema = ownSchema(identity.schema);
  if (!identity.parts.every(isPlainName)) return [[lists.odd, identity.parts[0]]];
  const key = identityKey(identity.parts);
  if (schema === undefined) return [[lists.noSchema, key]];
  // A schema beyond ASCII may equal a plain one: asked about by name, as any odd identity.
  if (!isPlainName(schema)) return [[lists.withSchema, key], [lists.odd, identity.parts[0]]];
  return [[lists.withSchema, key], [lists.inSchema, `${schema}:${key}`]];
}

/**
 * Printable ASCII parts joined into one printable key, which NameLists compares by lower-casing
 * as sameName compares each part. Two identities may share a key (`a.b` + `c`, `a` + `b.c`):
 * that only adds a candidate, which the caller's own test turns down.
 */
function identityKey(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0] : parts.join('.');
}

/** A written schema other than `dbo` (sameQualifiedName's test), or undefined. */
function ownSchema(schema: string | undefined): string | undefined {
  return schema !== undefined && schema !== '' && !sameName(schema, 'dbo') ? schema : undefined;
}

const NONE: readonly SchemaObject[] = [];

/** The table an index or trigger is on. */
function tableOf(object: SchemaObject): QualifiedName | undefined {
  if (object.kind === 'index' || object.kind === 'trigger') return object.table;
  return undefined;
}
