import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrappingParenLayers } from '../../src/sql/inside-parens.js';

/** What both callers did before: strip a pair and check the rest again, per pair. */
function layersByStripping(tokens: readonly string[]): number {
  let current = tokens;
  let layers = 0;
  const wrapsAll = (list: readonly string[]): boolean => {
    let depth = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i] === '(') depth++;
      else if (list[i] === ')') depth--;
      if (depth === 0 && i < list.length - 1) return false;
    }
    return true;
  };
  while (current.length >= 2 && current[0] === '(' && current[current.length - 1] === ')' && wrapsAll(current)) {
    current = current.slice(1, -1);
    layers++;
  }
  return layers;
}

const parenOf = (tokens: readonly string[]) => (i: number) => (tokens[i] === '(' ? 1 : tokens[i] === ')' ? -1 : 0);

describe('wrappingParenLayers', () => {
  it('counts the pairs that stripping one at a time strips, balanced or not', () => {
    const token = fc.constantFrom('(', ')', 'a', '+');
    const wrapped = fc.tuple(fc.nat(6), fc.array(token, { maxLength: 12 })).map(([depth, inner]) => [
      ...new Array<string>(depth).fill('('),
      ...inner,
      ...new Array<string>(depth).fill(')'),
    ]);
    fc.assert(
      fc.property(fc.oneof(wrapped, fc.array(token, { maxLength: 16 })), (tokens) => {
        expect(wrappingParenLayers(tokens.length, parenOf(tokens))).toBe(layersByStripping(tokens));
      }),
      { numRuns: 20_000 },
    );
    expect(wrappingParenLayers(4, parenOf(['(', '(', 'a', ')']))).toBe(1);
  });

  it('asks about each token at most three times, however deep the nesting', () => {
    // Counted, not timed: stripping pair by pair read the whole rest again for each pair.
    for (const depth of [1_000, 8_000]) {
      const tokens = [...new Array<string>(depth).fill('('), '0', ...new Array<string>(depth).fill(')')];
      let asked = 0;
      const layers = wrappingParenLayers(tokens.length, (i) => {
        asked++;
        return parenOf(tokens)(i);
      });
      expect(layers).toBe(depth);
      expect(asked).toBeLessThanOrEqual(3 * tokens.length);
    }
  });
});
