import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { translateExpression, type NameLookup } from '../../src/convert/expression.js';
import { buildTree, signatureOf, signatureWithin } from '../../src/convert/token-tree.js';
import type * as TokenModule from '../../src/sql/token.js';

// Counts the tokens the translator looks at (each asks isTrivia once per look): a call that
// reads its whole argument subtree again at every level of nesting grows with the square of
// the depth.
const counts = vi.hoisted(() => ({ reads: 0 }));
vi.mock('../../src/sql/token.js', async (importOriginal) => {
  const { countingModule } = await import('../support/counting-module.js');
  return countingModule(await importOriginal<typeof TokenModule>(), ['isTrivia'], () => counts.reads++);
});

const names: NameLookup = { isKnown: () => false, familyOf: () => undefined };

/** Tokens looked at per level when `depth` calls nest in their first argument, counted, not timed. */
function readsPerLevel(from: 'tsql' | 'sqlite', open: string, inner: string, close: string, depth: number): number {
  const text = open.repeat(depth) + inner + close.repeat(depth);
  counts.reads = 0;
  const translation = translateExpression(text, { from, to: from === 'tsql' ? 'sqlite' : 'tsql', position: 'default', names });
  expect(translation.ok, JSON.stringify(translation).slice(0, 200)).toBe(true);
  return counts.reads / depth;
}

describe('converting calls nested in calls', () => {
  for (const [from, open, inner, close] of [
    ['tsql', 'COALESCE(', 'NULL', ', 0)'],
    ['tsql', 'UPPER(', "'x'", ')'],
    ['sqlite', 'ifnull(', 'NULL', ', 0)'],
    ['sqlite', 'lower(', "'x'", ')'],
  ] as const) {
    it(`${open}...) from ${from}: as many tokens looked at per level 800 deep as 100 deep`, () => {
      // Each level worked out the signature of everything inside it, for idioms and argument checks:
      // nested COALESCE 2,000 deep took 2.4 s.
      const small = readsPerLevel(from, open, inner, close, 100);
      const large = readsPerLevel(from, open, inner, close, 800);
      expect(large).toBeLessThanOrEqual(small * 1.1);
    });
  }
});

describe('signatureWithin', () => {
  it('is signatureOf when that is at most the limit long, and undefined otherwise', () => {
    const parts = ['(', ')', 'hex', 'randomblob', '16', "'now'", ',', ' ', '/* c */', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 24 }), fc.integer({ min: -2, max: 40 }), (words, limit) => {
        const nodes = buildTree(words.join(''), 'sqlite');
        const whole = signatureOf(nodes);
        expect(signatureWithin(nodes, limit)).toBe(whole.length <= limit ? whole : undefined);
      }),
    );
  });
});
