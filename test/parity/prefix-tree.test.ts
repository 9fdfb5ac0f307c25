import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrefixTree } from '../../src/parity/prefix-tree.js';

// Few letters, so that keys are often prefixes of, or found in, each other and the texts.
const text = fc.array(fc.constantFrom('a', 'b', 'A', 'ß'), { maxLength: 6 }).map((units) => units.join(''));
const keyed = fc.array(fc.tuple(text, fc.nat(99)), { maxLength: 12 });

function treeOf(entries: readonly [string, number][]): PrefixTree<number> {
  const tree = new PrefixTree<number>();
  for (const [key, value] of entries) tree.add(key, value);
  return tree;
}

/** The values of the keys `holds` accepts, as a scan of every entry finds them. */
function scanned(entries: readonly [string, number][], holds: (key: string) => boolean): number[] {
  return entries.filter(([key]) => holds(key)).map(([, value]) => value);
}

const sorted = (values: Iterable<number>) => [...values].sort((a, b) => a - b);

describe('PrefixTree', () => {
  it('gives the values of the keys a text starts with, as a scan would', () => {
    fc.assert(
      fc.property(keyed, text, (entries, probe) => {
        expect(sorted(treeOf(entries).valuesPrefixing(probe))).toEqual(sorted(scanned(entries, (key) => probe.startsWith(key))));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the values of the keys a text holds anywhere, each once, as a scan would', () => {
    fc.assert(
      fc.property(keyed, text, (entries, probe) => {
        expect(sorted(treeOf(entries).valuesWithin(probe))).toEqual(sorted(scanned(entries, (key) => probe.includes(key))));
      }),
      { numRuns: 1000 },
    );
  });
});
