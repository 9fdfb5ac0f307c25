import { describe, expect, it } from 'vitest';
import { namesIn, normalizeDefault, normalizeExpression } from '../../src/parity/normalize.js';

describe('normalizeDefault', () => {
  it('reduces each dialect\'s spelling of one value to one form', () => {
    expect(normalizeDefault('((0))', 'tsql', 'integer')).toBe('0');
    expect(normalizeDefault('-1.50', 'sqlite', 'decimal')).toBe('-1.5');
    expect(normalizeDefault('(-(1))', 'tsql', 'integer')).not.toBe('-1'); // a negated expression is not folded
    expect(normalizeDefault("N'x'", 'tsql', 'text')).toBe(normalizeDefault("'x'", 'sqlite', 'text'));
    expect(normalizeDefault("'0'", 'sqlite', 'integer')).toBe('0');
    expect(normalizeDefault("'0'", 'sqlite', 'text')).toBe("'0'");
    expect(normalizeDefault('(0)', 'tsql', 'text')).toBe("'0'");
    expect(normalizeDefault('TRUE', 'sqlite', 'boolean')).toBe('1');
    expect(normalizeDefault('NULL', 'sqlite', 'text')).toBeUndefined();
    expect(normalizeDefault(undefined, 'sqlite', 'text')).toBeUndefined();
    for (const now of ['GETDATE()', '(getdate())', 'SYSUTCDATETIME()', 'CURRENT_TIMESTAMP']) expect(normalizeDefault(now, 'tsql', 'datetime')).toBe('now()');
    for (const now of ['CURRENT_TIMESTAMP', "(datetime('now'))", "(DATETIME('NOW','localtime'))", "(strftime('%Y-%m-%d %H:%M:%S','now'))"]) {
      expect(normalizeDefault(now, 'sqlite', 'datetime')).toBe('now()');
    }
    expect(normalizeDefault("(date('now'))", 'sqlite', 'date')).toBe(normalizeDefault('CAST(GETDATE() AS DATE)', 'tsql', 'date'));
    expect(normalizeDefault('NEWID()', 'tsql', 'uuid')).toBe(normalizeDefault('(lower(hex(randomblob(16))))', 'sqlite', 'uuid'));
    expect(normalizeDefault("'a'", 'sqlite', 'text')).not.toBe(normalizeDefault("'A'", 'sqlite', 'text'));
  });
});

describe('normalizeExpression', () => {
  it('ignores quoting, case, spacing and outer parentheses', () => {
    expect(normalizeExpression('([Status] IS NOT NULL)', 'tsql')).toBe(normalizeExpression('"status"  is not null', 'sqlite'));
    expect(normalizeExpression('a != 1', 'sqlite')).toBe(normalizeExpression('a <> 1', 'tsql'));
    expect(normalizeExpression('a == 1', 'sqlite')).toBe(normalizeExpression('a = 1', 'tsql'));
    expect(normalizeExpression('(a) + (b)', 'tsql')).toBe('(A)+(B)');
  });
});

describe('namesIn', () => {
  it('lists bare and quoted names, upper-cased', () => {
    expect([...namesIn("LEN([code]) > 2 AND \"Kind\" IN ('a')", 'tsql')].sort()).toEqual(['AND', 'CODE', 'IN', 'KIND', 'LEN']);
  });
});
