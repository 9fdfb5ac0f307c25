import { NameLists } from './name-lists.js';
import { isPlainName, sameName } from './schema.js';

/**
 * A number for each set of names that sameName holds equal: two names get one number exactly
 * when sameName holds for them. sameName holds exactly when the collator finds two names equal
 * (lower-casing decides the same for two plain names), so it groups names into sets, and a
 * name's set is found through NameLists, by halving for names beyond ASCII. Names that have no
 * key to hash (`таблица`, `Straße`, `ｔ`) can then be part of a key that does: a list of
 * names, or a name in a schema, becomes a key of numbers.
 */
export class NameNumbers {
  /** One entry for each set: the number, whose first name is in `firstNames`. */
  private readonly numbers = new NameLists<number>((number) => number);
  private readonly firstNames: string[] = [];
  /**
   * Names numbered or found, by their exact spelling, once a name beyond ASCII is among them: a
   * script spells a name the same way nearly every time, and a spelling seen before then costs
   * one hash, not a search of NameLists by the collator (for a name beyond ASCII, and for a
   * plain name once names beyond ASCII are there too; without it, 200,000 plain tables with
   * one Cyrillic table among them took 1.6 million more collator comparisons to build, 6.0
   * million). Among plain names alone NameLists finds a name by one hash of its lower-cased
   * form, so no spelling is kept: kept, they took ~0.4 MB more at the peak of the bench's 8 MB
   * SQLite file (of ~2 MB that numbering names in the object index added).
   */
  private readonly bySpelling = new Map<string, number>();
  /** Whether a name beyond ASCII has been numbered (see `bySpelling`). */
  private beyondAscii = false;

  /** The number of `name`'s set, or undefined when no name of its set has one yet. */
  numberOf(name: string): number | undefined {
    return this.lookUp(name, isPlainName(name));
  }

  /** The number of `name`'s set, a new one when it is the first name of its set. */
  numberFor(name: string): number {
    const plain = isPlainName(name);
    const known = this.lookUp(name, plain);
    if (known !== undefined) return known;
    const number = this.firstNames.length;
    this.firstNames.push(name);
    this.numbers.add(name, number, false);
    if (!plain) this.beyondAscii = true;
    if (this.beyondAscii) this.bySpelling.set(name, number);
    return number;
  }

  /** `plain`: isPlainName(name), a regular-expression test, made once per call rather than again in each step. */
  private lookUp(name: string, plain: boolean): number | undefined {
    // Among plain names alone NameLists keys by the lower-cased name, which is sameName for them: its one number is the set's.
    if (plain && !this.beyondAscii) return this.numbers.getPlainAmongPlain(name)[0];
    const spelt = this.bySpelling.get(name);
    if (spelt !== undefined) return spelt;
    const number = this.numbers.get(name).find((candidate) => sameName(this.firstNames[candidate], name));
    if (number !== undefined) this.bySpelling.set(name, number);
    return number;
  }
}
