import { describe, expect, it } from 'vitest';
import { splitAll } from '../../src/sql/splitter.js';
import { TokenCursor, TsqlSyntaxError } from '../../src/tsql/cursor.js';

const cursor = (sql: string): TokenCursor => new TokenCursor(splitAll(sql, 'tsql')[0].tokens);

describe('TokenCursor word tests (fixed parameters, up to five words)', () => {
  it('atWord and acceptWord match any of the words given, bare words only', () => {
    const c = cursor('WITH [CHECK] x');
    expect(c.atWord('CHECK', 'NOCHECK')).toBe(false);
    expect(c.atWord('ENCRYPTION', 'RECOMPILE', 'SCHEMABINDING', 'NATIVE_COMPILATION', 'WITH')).toBe(true);
    expect(c.acceptWord('WITH')).toBe(true);
    expect(c.acceptWord('CHECK')).toBe(false); // a quoted name is never a keyword
    expect(c.pos).toBe(1);
  });

  it('atWords and acceptWords match words in order and consume exactly as many', () => {
    const c = cursor('RETURNS NULL ON NULL INPUT, x');
    expect(c.atWords('RETURNS')).toBe(true);
    expect(c.atWords('RETURNS', 'NULL', 'ON', 'NULL', 'OUTPUT')).toBe(false);
    expect(c.acceptWords('RETURNS', 'NULL', 'ON', 'NULL', 'INPUT')).toBe(true);
    expect(c.pos).toBe(5);
    expect(c.accept(',')).toBe(true);
    expect(c.acceptWords('X', 'Y')).toBe(false);
    expect(c.pos).toBe(6);
    expect(c.acceptWords('X')).toBe(true);
    expect(c.done).toBe(true);
    expect(c.atWords('X')).toBe(false);
  });

  it('expectWord and expectWordIn return the word or throw at it', () => {
    const c = cursor('NATIONAL CHARACTER VARYING');
    expect(c.expectWord('DOUBLE', 'NATIONAL').text).toBe('NATIONAL');
    expect(() => c.expectWord('CHAR', 'TEXT')).toThrow(TsqlSyntaxError);
    expect(c.expectWordIn(new Set(['CHAR', 'CHARACTER'])).text).toBe('CHARACTER');
    expect(() => c.expectWordIn(new Set(['CHAR']))).toThrow("Incorrect syntax near 'VARYING'.");
    expect(c.pos).toBe(2);
  });
});

describe('TokenCursor end: a trailing semicolon is never read', () => {
  it('stops before the `;` without copying the tokens', () => {
    const tokens = splitAll('DROP TABLE t;', 'tsql')[0].tokens;
    const c = new TokenCursor(tokens);
    expect(c.tokens).toBe(tokens);
    expect(c.end).toBe(3);
    c.pos = 2;
    expect(c.peek()?.text).toBe('t');
    expect(c.peek(1)).toBeUndefined();
    expect(c.atWords('T')).toBe(true);
    c.next();
    expect(c.done).toBe(true);
    expect(c.peek()).toBeUndefined();
    expect(c.atWord('T')).toBe(false);
    expect(c.at(';')).toBe(false);
    expect(() => c.next()).toThrow("Incorrect syntax near 't'.");
  });

  it('reads every token of a statement without a `;`, and nothing of one that is only `;`', () => {
    const c = cursor('DROP TABLE t');
    expect(c.end).toBe(3);
    const only = new TokenCursor(splitAll(';', 'tsql')[0].tokens);
    expect(only.end).toBe(0);
    expect(only.done).toBe(true);
  });
});
