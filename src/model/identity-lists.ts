import { KeyedLists } from './keyed-lists.js';
import type { NameNumbers } from './name-numbers.js';
import type { PositionOf } from './namesake-list.js';
import { sameName } from './schema.js';

/**
 * What names an object among those of its kind: a schema (undefined for none or `dbo`, which
 * match any) and its name, or for an index its own name and its table's.
 */
export interface Identity {
  schema: string | undefined;
  parts: readonly string[];
}

/**
 * Objects by identity: for an identity, exactly the objects whose identity matches it, in model
 * order. Two identities match when sameName holds part by part and their schemas match as
 * sameQualifiedName has it (none or `dbo` matches any schema). Each part and the schema are
 * keyed by their numbers in NameNumbers, so that a name beyond ASCII is keyed with its schema
 * as a plain one is: kept by its bare name alone, one such name in every schema
 * (`s1.таблица` ... `s8000.таблица`), or one index name on every table, shared one list, which
 * each CREATE and DROP tested whole (8,000 such tables created and dropped: 14.5 s).
 */
export class IdentityLists<T> {
  /** Identities of no schema (or `dbo`), by their parts: most objects, kept in this list alone. */
  private readonly noSchema = new KeyedLists<PartsKey, T>();
  /** Identities of another schema, any, by their parts. */
  private readonly withSchema = new KeyedLists<PartsKey, T>();
  /** The same, by their schema and parts. */
  private readonly inSchema = new KeyedLists<string, T>();

  /**
   * `partNumbers`: the numbers of the names in each place of an identity (an index's own name,
   * then its table's); `schemaNumbers`: those of schemas.
   */
  constructor(
    private readonly partNumbers: readonly NameNumbers[],
    private readonly schemaNumbers: NameNumbers,
    private readonly positionOf: PositionOf<T>,
  ) {}

  /** The objects whose identity matches `identity`, in model order. */
  get(identity: Identity): readonly T[] {
    const key = this.keyOf(identity.parts);
    // A part that no name of its place has a number for: no object has that identity.
    if (key === undefined) return NONE;
    const schema = ownSchema(identity.schema);
    if (schema === undefined) return this.inModelOrder(this.noSchema.get(key), this.withSchema.get(key));
    const schemaNumber = this.schemaNumbers.numberOf(schema);
    return this.inModelOrder(this.noSchema.get(key), schemaNumber === undefined ? NONE : this.inSchema.get(`${schemaNumber}:${key}`));
  }

  /** `inModelOrder`: the object may stand before others of its lists (it was not appended to the model). */
  add(identity: Identity, object: T, inModelOrder: boolean): void {
    const positionOf = inModelOrder ? this.positionOf : undefined;
    for (const [list, key] of this.entries(identity)) list.add(key, object, positionOf);
  }

  remove(identity: Identity, object: T): void {
    for (const [list, key] of this.entries(identity)) list.remove(key, object);
  }

  /** The lists an identity is kept in, with its key in each. */
  private entries(identity: Identity): [KeyedLists<PartsKey, T>, PartsKey][] {
    const numbers = identity.parts.map((part, at) => this.partNumbers[at].numberFor(part));
    const key = numbers.length === 1 ? numbers[0] : numbers.join('.');
    const schema = ownSchema(identity.schema);
    if (schema === undefined) return [[this.noSchema, key]];
    return [[this.withSchema, key], [this.inSchema, `${this.schemaNumbers.numberFor(schema)}:${key}`]];
  }

  /** The parts' numbers as one key; undefined when a part has none. */
  private keyOf(parts: readonly string[]): PartsKey | undefined {
    if (parts.length === 1) return this.partNumbers[0].numberOf(parts[0]);
    let key = '';
    for (let at = 0; at < parts.length; at++) {
      const number = this.partNumbers[at].numberOf(parts[at]);
      if (number === undefined) return undefined;
      key = at === 0 ? `${number}` : `${key}.${number}`;
    }
    return key;
  }

  /** Two lists each in model order (no object is in both), merged into one. */
  private inModelOrder(a: readonly T[], b: readonly T[]): readonly T[] {
    if (b.length === 0) return a;
    if (a.length === 0) return b;
    return [...a, ...b].sort((x, y) => this.positionOf(x) - this.positionOf(y));
  }
}

/**
 * An identity's parts as a key: the number of its one name (nearly every identity: a fresh
 * string per lookup would be hashed each time), or the numbers joined by dots.
 */
type PartsKey = number | string;

/** A written schema other than `dbo` (sameQualifiedName's test), or undefined. */
function ownSchema(schema: string | undefined): string | undefined {
  return schema !== undefined && schema !== '' && !sameName(schema, 'dbo') ? schema : undefined;
}

const NONE: readonly never[] = [];
