import { NameLists } from './name-lists.js';
import { sameName } from './schema.js';

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
   * Every name numbered or found, by its exact spelling: a script spells a name the same way
   * nearly every time, and a spelling seen before then costs one hash, not a search of
   * NameLists (by the collator, for a name beyond ASCII, or for a plain name once names beyond
   * ASCII are there too; without it, 200,000 plain tables with one Cyrillic table among them
   * took 1.6 million more collator comparisons to build, 6.0 million).
   */
  private readonly bySpelling = new Map<string, number>();

  /** The number of `name`'s set, or undefined when no name of its set has one yet. */
  numberOf(name: string): number | undefined {
    const spelt = this.bySpelling.get(name);
    if (spelt !== undefined) return spelt;
    const number = this.numbers.get(name).find((candidate) => sameName(this.firstNames[candidate], name));
    if (number !== undefined) this.bySpelling.set(name, number);
    return number;
  }

  /** The number of `name`'s set, a new one when it is the first name of its set. */
  numberFor(name: string): number {
    const known = this.numberOf(name);
    if (known !== undefined) return known;
    const number = this.firstNames.length;
    this.firstNames.push(name);
    this.numbers.add(name, number, false);
    this.bySpelling.set(name, number);
    return number;
  }
}
