import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankWithAtMostOneLineBreak } from '../../src/model/sqlite-comments.js';

/** The forward scan the SQLite builder used before: what the backward one must agree with. */
function forwardScan(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      if (code === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
      if (++breaks > 1) return false;
    } else if (!/\s/.test(text[i])) return false;
  }
  return true;
}

/** A string whose character reads are counted (the scan reads only `charCodeAt` and indexes). */
function countingText(text: string): { text: string; reads: () => number } {
  let reads = 0;
  class Counted extends String {
    override charCodeAt(index: number): number {
      reads++;
      return super.charCodeAt(index);
    }
  }
  return { text: new Counted(text) as unknown as string, reads: () => reads };
}

describe('blankWithAtMostOneLineBreak', () => {
  it('agrees with a forward scan on blanks, line breaks of every kind and code', () => {
    const piece = fc.constantFrom(' ', '\t', '\n', '\r', '\r\n', '\u00a0', '\u2028', '\u3000', 'x', '-', '\f', '\v');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const from = a % (text.length + 1);
        const to = from + (b % (text.length - from + 1));
        expect(blankWithAtMostOneLineBreak(text, from, to)).toBe(forwardScan(text, from, to));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads only the code right before the object, however long the blank run after the comment', () => {
    // Counted, not timed: read forwards from the comment, each object on the run's line re-read the run.
    for (const blanks of [1_000, 8_000]) {
      const counted = countingText(`-- c\n${' '.repeat(blanks)}CREATE TABLE a (x);  CREATE TABLE b (x);`);
      const commentEnd = 4;
      const secondTable = counted.text.length - 'CREATE TABLE b (x);'.length;
      expect(blankWithAtMostOneLineBreak(counted.text, commentEnd, secondTable)).toBe(false);
      expect(counted.reads()).toBe(3);
    }
  });
});
