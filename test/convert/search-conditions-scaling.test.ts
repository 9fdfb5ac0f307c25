import { describe, expect, it } from 'vitest';
import { checkSearchConditions } from '../../src/convert/search-conditions.js';
import { buildTree } from '../../src/convert/token-tree.js';

/** Array pushes the check makes per level of a CASE nested `depth` deep in THEN, counted, not timed. */
function pushesPerLevel(depth: number): number {
  const text = `${'CASE WHEN a > 0 THEN '.repeat(depth)}1${' ELSE 0 END'.repeat(depth)}`;
  const nodes = buildTree(text, 'sqlite');
  // Array.prototype.push wrapped by hand (a spy records each call with a push of its own).
  const push = Array.prototype.push;
  let pushes = 0;
  Array.prototype.push = function (this: unknown[], ...items: unknown[]): number {
    pushes++;
    return Reflect.apply(push, this, items) as number;
  };
  let check;
  try {
    check = checkSearchConditions(nodes, 'value', () => 'integer');
  } finally {
    Array.prototype.push = push;
  }
  expect(check.ok).toBe(true);
  return pushes / depth;
}

describe('the search-condition check of a nested CASE', () => {
  it('reads each level in place: as many array pushes per level at 800 levels as at 100', () => {
    // Each level copied what it held into a part of its own: 800 levels cost ~8 times as much per level as 100.
    const small = pushesPerLevel(100);
    const large = pushesPerLevel(800);
    expect(large).toBeLessThanOrEqual(small * 1.1);
  });

  it('still finds a bare value used as a condition inside the nested CASE', () => {
    const text = `CASE WHEN a > 0 THEN CASE WHEN flag THEN 1 ELSE CASE WHEN b THEN 2 END END ELSE 0 END`;
    const check = checkSearchConditions(buildTree(text, 'sqlite'), 'value', () => 'integer');
    expect(check.ok && [...check.bare.entries()].map(([token, rewrite]) => `${token.text}${rewrite}`)).toEqual(['flag <> 0', 'b <> 0']);
  });
});
