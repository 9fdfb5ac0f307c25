import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnSetIndex, sameNameSet, sameNameSetOfAnyLength } from '../../src/model/column-set-index.js';
import { sameName } from '../../src/model/schema.js';

/** The scan the index replaces: the first list that names the same columns in the same order. */
function firstSameListByScan(lists: readonly (readonly string[])[], names: readonly string[]): number {
  return lists.findIndex((list) => list.length === names.length && list.every((name, i) => sameName(name, names[i])));
}

// Names that sameName equals across case, across scripts' own case (Cyrillic) and between full-width
// and plain letters, with some that nothing else equals; lists may name a column twice.
const NAMES = ['a', 'A', 'b', 'B', 'ｂ', 'c', 'столбец', 'СТОЛБЕЦ', 'ｃａｆｅ', 'cafe', 'café', 'x y', 'a,b'];
const names = fc.array(fc.constantFrom(...NAMES), { maxLength: 4 });

describe('ColumnSetIndex', () => {
  it('finds the same first list as a scan with sameNameSet and with an ordered comparison', () => {
    fc.assert(
      fc.property(fc.array(names, { maxLength: 12 }), fc.array(names, { minLength: 1, maxLength: 12 }), (lists, queries) => {
        const index = new ColumnSetIndex(lists);
        for (const query of queries) {
          expect(index.firstSameSet(query)).toBe(lists.findIndex((list) => sameNameSet(list, query)));
          expect(index.firstSameList(query)).toBe(firstSameListByScan(lists, query));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('pairs columns in any order for sets and in the written order for lists', () => {
    const index = new ColumnSetIndex([['a', 'b'], ['B', 'A'], ['c']]);
    expect(index.firstSameSet(['b', 'a'])).toBe(0);
    expect(index.firstSameList(['b', 'a'])).toBe(1);
    expect(index.firstSameSet(['C'])).toBe(2);
    expect(index.firstSameSet(['a'])).toBe(-1);
    expect(index.firstSameList(['d'])).toBe(-1);
  });

  it('keeps sameNameSet\'s reading of a list that names a column twice: every name found in the other list', () => {
    // `a, a` has every name in `a, b`; set equality would say no. Lists with a repeat are compared
    // by sameNameSet itself, in their place among the others.
    const index = new ColumnSetIndex([['b', 'c'], ['a', 'a'], ['b', 'a']]);
    expect(index.firstSameSet(['a', 'b'])).toBe(1);
    expect(index.firstSameSet(['a', 'z'])).toBe(1);
    expect(index.firstSameSet(['c', 'b'])).toBe(0);
  });

  it('equals names beyond ASCII as sameName does', () => {
    const index = new ColumnSetIndex([['столбец', 'ｃａｆｅ']]);
    expect(index.firstSameSet(['cafe', 'СТОЛБЕЦ'])).toBe(0);
    expect(index.firstSameList(['СТОЛБЕЦ', 'cafe'])).toBe(0);
    expect(index.firstSameSet(['café', 'столбец'])).toBe(-1);
  });
});

describe('sameNameSetOfAnyLength', () => {
  it('answers as sameNameSet, for lists short enough to scan and long enough to index', () => {
    // Long lists: distinct filler names, then names that only the collator equals, repeats and misses.
    const filler = (count: number) => Array.from({ length: count }, (_, i) => `col_${i}`);
    const list = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.array(fc.constantFrom(...NAMES), { maxLength: 4 }));
    fc.assert(
      fc.property(list, list, fc.boolean(), ([width, tail], [, otherTail], shuffle) => {
        const a = [...filler(width), ...tail];
        const b = [...(shuffle ? [...filler(width)].reverse() : filler(width)), ...otherTail];
        expect(sameNameSetOfAnyLength(a, b)).toBe(sameNameSet(a, b));
        expect(sameNameSetOfAnyLength(b, a)).toBe(sameNameSet(b, a));
      }),
      { numRuns: 1000 },
    );
  });
});
