import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameLists } from '../../src/model/name-lists.js';
import { sameName } from '../../src/model/schema.js';

/** An object of the model: its name and where it stands. */
interface Entry {
  name: string;
  position: number;
}

// Plain names keyed by lower-casing, and their full-width and Cyrillic namesakes that only the collator equals.
const NAMES = ['a', 'A', 'ａ', 'Ａ', 'b', 'б', 'Б'];
const name = fc.constantFrom(...NAMES);
const step = fc.oneof(
  // Many at a time, so that one name's list passes the length where it keeps each object's place.
  fc.record({ op: fc.constant('add' as const), name, count: fc.integer({ min: 1, max: 40 }), inModelOrder: fc.boolean(), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), name }),
  fc.constant({ op: 'remove a stranger' as const }),
);

describe('NameLists', () => {
  it('gives the objects sameName matches, in model order, through adds, removals and replacements on long lists', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const lists = new NameLists<Entry>((entry) => entry.position);
        const live: Entry[] = [];
        let last = 0;
        // A fraction added to every position put in the middle, so that no two are equal.
        let serial = 0;
        for (const s of steps) {
          if (s.op === 'add') {
            for (let i = 0; i < s.count; i++) {
              // Appended at the end of the model, or put in its middle (a replacement, a rename).
              const entry = { name: s.name, position: s.inModelOrder ? s.at * last + ++serial / 1e6 : ++last };
              lists.add(entry.name, entry, s.inModelOrder);
              live.push(entry);
            }
          } else if (s.op === 'remove') {
            for (let i = 0; i < s.count && live.length > 0; i++) {
              const [entry] = live.splice((s.at + i * 7) % live.length, 1);
              lists.remove(entry.name, entry);
            }
          } else if (s.op === 'replace') {
            if (live.length === 0) continue;
            const at = s.at % live.length;
            const entry = live[at];
            const replacement = { name: s.name, position: entry.position };
            // As ObjectIndex does: in place when both names share a list, else out and back in model order.
            if (!lists.replace(entry.name, replacement.name, entry, replacement)) {
              lists.remove(entry.name, entry);
              lists.add(replacement.name, replacement, true);
            }
            live[at] = replacement;
          } else {
            lists.remove('a', { name: 'a', position: -1 });
          }
          for (const asked of NAMES) {
            const expected = live.filter((entry) => sameName(entry.name, asked)).sort((x, y) => x.position - y.position);
            expect(lists.get(asked)).toEqual(expected);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never leaves the mark of a removal in a list it handed out before', () => {
    const entries = Array.from({ length: 40 }, (_, position) => ({ name: 'a', position }));
    const lists = new NameLists<Entry>((entry) => entry.position);
    for (const entry of entries) lists.add('a', entry, false);
    const handedOut = lists.get('A');
    lists.remove('a', entries[1]);
    expect(handedOut.every((entry) => entries.includes(entry))).toBe(true);
    expect(lists.get('a')).toEqual(entries.filter((_, i) => i !== 1));
  });
});
