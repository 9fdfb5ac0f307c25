import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CascadePaths } from '../../src/convert/cascade-paths.js';

describe('CascadePaths (SQL Server Msg 1785)', () => {
  it('accepts a tree and a chain of cascades', () => {
    const paths = new CascadePaths();
    expect(paths.tryAdd('users', 'posts')).toBe(true);
    expect(paths.tryAdd('posts', 'comments')).toBe(true);
    expect(paths.tryAdd('users', 'sessions')).toBe(true);
    expect(paths.tryAdd('tags', 'post_tags')).toBe(true);
    expect(paths.tryAdd('posts', 'post_tags')).toBe(true);
  });

  it('refuses a second path to a table, also one that reaches its descendants, and cycles', () => {
    const paths = new CascadePaths();
    expect(paths.tryAdd('users', 'posts')).toBe(true);
    expect(paths.tryAdd('posts', 'comments')).toBe(true);
    expect(paths.tryAdd('Users', 'comments')).toBe(false); // users → posts → comments already
    expect(paths.tryAdd('users', 'drafts')).toBe(true);
    expect(paths.tryAdd('drafts', 'posts')).toBe(false); // users → drafts → posts and users → posts
    expect(paths.tryAdd('comments', 'users')).toBe(false); // a cycle
    expect(paths.tryAdd('a', 'a')).toBe(false);
  });
});

/** The rule read plainly: a key is refused when, with it, some table would reach another by two paths, or itself. */
function refusedByReference(edges: readonly [string, string][], parent: string, child: string): boolean {
  const graph = [...edges, [parent, child] as [string, string]];
  const pathCount = (from: string, to: string, depth = 0): number => {
    if (depth > graph.length) return Infinity; // a cycle
    return graph.filter(([a]) => a === from).reduce((sum, [, b]) => sum + (b === to ? 1 : 0) + pathCount(b, to, depth + 1), 0);
  };
  const tables = [...new Set(graph.flat())];
  return tables.some((from) => tables.some((to) => pathCount(from, to) > 1 || (from === to && pathCount(from, to) > 0)));
}

describe('CascadePaths against a plain reading of the rule', () => {
  it('accepts and refuses exactly the keys the rule does, in any order of adding', () => {
    const table = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(fc.array(fc.tuple(table, table), { maxLength: 14 }), (keys) => {
        const paths = new CascadePaths();
        const kept: [string, string][] = [];
        for (const [parent, child] of keys) {
          const expected = parent !== child && !refusedByReference(kept, parent, child);
          expect(paths.tryAdd(parent, child)).toBe(expected);
          if (expected) kept.push([parent, child]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('CascadePaths on a big schema', () => {
  /**
   * Set lookups per key while `count` tables each get a key from one `users` table, then a chain
   * of `count` tables, then a chain written child first (each table cascades from the next).
   */
  function lookupsPerKey(count: number): number {
    const has = vi.spyOn(Set.prototype, 'has');
    try {
      const paths = new CascadePaths();
      for (let i = 0; i < count; i++) expect(paths.tryAdd('users', `t${i}`)).toBe(true);
      for (let i = 1; i < count; i++) expect(paths.tryAdd(`c${i - 1}`, `c${i}`)).toBe(true);
      for (let i = 1; i < count; i++) expect(paths.tryAdd(`d${i}`, `d${i - 1}`)).toBe(true);
      return has.mock.calls.length / (3 * count);
    } finally {
      has.mockRestore();
    }
  }

  it('looks at as many tables per key for 800 tables as for 100', () => {
    // Walking down from the parent looked at every table below it, per key: ~8x as many per key;
    // walking from the child's side alone did so for the chain written child first.
    const small = lookupsPerKey(100);
    const large = lookupsPerKey(800);
    expect(large).toBeLessThanOrEqual(small * 1.1);
  });
});
