import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { isAllowed } from '../../src/parity/allow-list.js';

/** What isAllowed did before it read the list once: every entry parsed and compiled per finding. */
function allowedByScan(allow: readonly string[], subject: { table: string; column?: string }): boolean {
  if (!subject.table) return false;
  const table = subject.table;
  const wildcard = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
  return allow.some((entry) => {
    let parts = entry
      .trim()
      .split('.')
      .map((part) => part.replace(/^[[\]"`]+|[[\]"`]+$/g, ''));
    if (parts.length > 1 && /^(dbo|main)$/i.test(parts[0])) parts = parts.slice(1);
    if (parts.length === 1) return wildcard(parts[0]).test(table);
    if (parts.length === 2) return wildcard(parts[0]).test(table) && subject.column !== undefined && wildcard(parts[1]).test(subject.column);
    return false;
  });
}

// Pieces whose case rules differ: ASCII, the Kelvin sign (upper-cased by toLowerCase into k, not by
// the regular expression), ß (upper-cased into two letters), dotted İ, Cyrillic, and characters a
// pattern escapes or strips.
const PIECES = ['a', 'A', 'k', 'K', '\u212A', 'ß', 'SS', 'i', 'İ', 'ı', 'я', 'Я', '_', '$', '(', '+', '\\', ' ', '"', '[', ']', '`', '\n'];
const piece = fc.constantFrom(...PIECES);
const word = fc.array(piece, { minLength: 0, maxLength: 3 }).map((pieces) => pieces.join(''));
const entryWord = fc.oneof(word, word.map((text) => `${text}*`), word.map((text) => `*${text}`), fc.constantFrom('dbo', 'MAIN', '*'));
const entry = fc.array(entryWord, { minLength: 1, maxLength: 3 }).map((words) => ` ${words.join('.')} `);
const subject = fc.record({ table: word, column: fc.option(word, { nil: undefined }) });

describe('isAllowed', () => {
  it('gives the answers the per-finding scan gave, for any list and finding', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), fc.array(subject, { minLength: 1, maxLength: 8 }), (allow, subjects) => {
        for (const each of subjects) expect(isAllowed(allow, each)).toBe(allowedByScan(allow, each));
      }),
      { numRuns: 3000 },
    );
  });

  it('allows tables and columns by name, case-insensitively, past a dbo./main. prefix and with *', () => {
    const allow = ['audit_log', 'dbo.Users.Legacy_Flag', '[main].[tmp_*]', '*.created_at'];
    expect([
      isAllowed(allow, { table: 'AUDIT_LOG' }),
      isAllowed(allow, { table: 'audit_log', column: 'anything' }),
      isAllowed(allow, { table: 'users', column: 'legacy_flag' }),
      isAllowed(allow, { table: 'users', column: 'other' }),
      isAllowed(allow, { table: 'users' }),
      isAllowed(allow, { table: 'tmp_import' }),
      isAllowed(allow, { table: 'orders', column: 'CREATED_AT' }),
      isAllowed(allow, { table: '', column: 'created_at' }),
    ]).toEqual([true, true, true, false, false, true, true, false]);
  });

  it.each([
    ['a prefix', (j: number) => `z${j}_*.col*`],
    ['a suffix', (j: number) => `*_z${j}`],
    ['a column', (j: number) => `*.c${j}_*`],
    ['a column suffix', (j: number) => `t*.*_z${j}`],
  ])('tries only the * entries that could match a finding, with %s fixed: as many per finding for 800 entries as for 100', (_kind, entryFor) => {
    // Every entry with `*` was tried on every finding: 8,000 findings and 8,000 entries that match none took 30.1 s.
    const regexTestsPerFinding = (count: number): number => {
      const allow = Array.from({ length: count }, (_, j) => entryFor(j));
      const subjects = Array.from({ length: count }, (_, i) => ({ table: `t${i}`, column: `b${i}` }));
      isAllowed(allow, subjects[0]); // the list is read at its first use
      const test = vi.spyOn(RegExp.prototype, 'test');
      try {
        for (const subject of subjects) expect(isAllowed(allow, subject)).toBe(false);
        return test.mock.calls.length / count;
      } finally {
        test.mockRestore();
      }
    };
    const small = regexTestsPerFinding(100);
    const large = regexTestsPerFinding(800);
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(2);
  });
});
