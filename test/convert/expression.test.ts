import { describe, expect, it } from 'vitest';
import { translateExpression, type ExpressionPosition, type NameLookup } from '../../src/convert/expression.js';
import type { TypeFamily } from '../../src/model/type-mapping.js';

/** Columns the expressions below may name, with their families. */
const COLUMNS: Record<string, TypeFamily> = {
  name: 'text',
  email: 'text',
  price: 'float',
  qty: 'integer',
  key: 'text',
  made: 'datetime',
  flag: 'boolean',
};
const names: NameLookup = {
  isKnown: (name) => Object.prototype.hasOwnProperty.call(COLUMNS, name.toLowerCase()),
  familyOf: (name) => COLUMNS[name.toLowerCase()],
};

const toSqlite = (text: string, position: ExpressionPosition = 'check') =>
  translateExpression(text, { from: 'tsql', to: 'sqlite', position, names });
const toTsql = (text: string, position: ExpressionPosition = 'value') =>
  translateExpression(text, { from: 'sqlite', to: 'tsql', position, names });

describe('T-SQL expressions into SQLite', () => {
  it.each([
    ['GETDATE()', 'CURRENT_TIMESTAMP'],
    ['SYSUTCDATETIME()', 'CURRENT_TIMESTAMP'],
    ['NEWID()', 'lower(hex(randomblob(16)))'],
    ["N'caf\u00e9'", "'caf\u00e9'"],
    ["ISNULL([name], N'?')", "ifnull(name, '?')"],
    ['LEN([name]) > 0', 'length(rtrim(name)) > 0'],
    ['CHARINDEX(N\'@\', email) > 1', "instr(email, '@') > 1"],
    ["[name] + N' <' + [email] + N'>'", "name || ' <' || email || '>'"],
    ['price + qty * 2', 'price + qty * 2'],
    ['0x0A1', "X'00A1'"],
    ['CAST(qty AS NVARCHAR(10))', 'CAST(qty AS TEXT)'],
    ['CONVERT(INT, price)', 'CAST(price AS INTEGER)'],
    ["CONVERT([datetime2](7), '1900-01-01')", "datetime('1900-01-01')"],
    ['CAST(made AS DATE)', 'date(made)'],
    ['CAST(price AS DECIMAL(10, 2))', 'CAST(price AS NUMERIC)'],
    ['SELECT a.id FROM dbo.accounts AS a', 'SELECT a.id FROM accounts AS a'],
    ['SELECT COUNT(DISTINCT qty) AS n FROM t WHERE price = 1', 'SELECT COUNT(DISTINCT qty) AS n FROM t WHERE price = 1'],
    ['[key] <> N\'\'', '"key" <> \'\''],
    ['qty !< 3', 'qty >= 3'],
  ])('%s → %s', (source, expected) => {
    expect(toSqlite(source)).toEqual({ ok: true, text: expected });
  });

  it.each([
    ['DATEADD(day, 1, made)', 'function DATEADD() has no SQLite equivalent'],
    ['SELECT TOP 5 id FROM t', 'TOP has no SQLite equivalent here'],
    ['made + 1', 'date arithmetic with + has no SQLite equivalent'],
    ['a + b', 'cannot tell whether + adds numbers or joins strings here'],
    ['@limit', 'the parameter or variable @limit has no meaning in a schema'],
    ['CONVERT(VARCHAR(10), made, 120)', 'CONVERT() with a style has no SQLite equivalent'],
    ["[name] LIKE '[a-c]%'", 'a LIKE pattern with [...] character classes has no SQLite equivalent'],
    ['[dbo].[fn](1)', 'the user-defined function [fn] cannot be converted'],
  ])('refuses %s', (source, reason) => {
    const result = toSqlite(source);
    expect(result).toMatchObject({ ok: false, reason });
  });

  it.each([
    ['SELECT total = SUM(price) FROM t', 'SELECT SUM(price) AS total FROM t'],
    ['SELECT DISTINCT id, [label] = name, qty FROM t WHERE qty = 1', 'SELECT DISTINCT id, name AS label, qty FROM t WHERE qty = 1'],
    ['SELECT a = 1 UNION ALL SELECT a = 2', 'SELECT 1 AS a UNION ALL SELECT 2 AS a'],
  ])("rewrites T-SQL's name = expression column alias: %s", (source, expected) => {
    expect(toSqlite(source, 'query')).toEqual({ ok: true, text: expected });
  });
});

describe('expressions nested past what the translator can follow', () => {
  it('are refused for their nesting, not with the message of the stack overflow', () => {
    const deep = `${'COALESCE('.repeat(20_000)}a${', 0)'.repeat(20_000)}`;
    expect(toSqlite(deep, 'default')).toEqual({ ok: false, reason: 'its parentheses nest too deep to translate', offset: 0 });
    expect(toTsql(deep.replace(/COALESCE/g, 'ifnull'))).toEqual({ ok: false, reason: 'its parentheses nest too deep to translate', offset: 0 });
  });
});

describe('SQLite expressions into T-SQL', () => {
  it.each([
    ["datetime('now')", 'SYSUTCDATETIME()'],
    ['CURRENT_TIMESTAMP', 'SYSUTCDATETIME()'],
    ["date('now')", 'CAST(SYSUTCDATETIME() AS DATE)'],
    ['lower(hex(randomblob(16)))', 'NEWID()'],
    ['lower( hex( randomblob(16) ) )', 'NEWID()'],
    ["strftime('%s', 'now')", "DATEDIFF_BIG(SECOND, '1970-01-01', SYSUTCDATETIME())"],
    ['TRUE', '1'],
    ['qty == 1', 'qty = 1'],
    ["ifnull(name, 'x')", "COALESCE(name, 'x')"],
    ['length(key) < 10', 'LEN([key]) < 10'],
    ["instr(email, '@')", "CHARINDEX('@', email)"],
    ['substr(name, 2)', 'SUBSTRING(name, 2, DATALENGTH(name))'],
    ["name || ' ' || email", "name + ' ' + email"],
    ["name || ':' || qty", "name + ':' + CAST(qty AS NVARCHAR(MAX))"],
    ["X'0AFF'", '0x0AFF'],
    ['0x1F', '31'],
    ['qty ISNULL', 'qty IS NULL'],
    ["name LIKE 'a[1]%'", "name LIKE 'a[[]1]%'"],
    ["'caf\u00e9'", "N'caf\u00e9'"],
  ])('%s → %s', (source, expected) => {
    expect(toTsql(source)).toEqual({ ok: true, text: expected });
  });

  it('reads a double-quoted column name in a CHECK as a name', () => {
    expect(toTsql('"name" = \'x\'', 'check')).toEqual({ ok: true, text: "[name] = 'x'" });
  });

  it('reads a double-quoted word in a DEFAULT as SQLite does: a string', () => {
    expect(toTsql('"active"', 'default')).toEqual({ ok: true, text: "'active'" });
    expect(toTsql('"unknown_word" = 1', 'check')).toEqual({ ok: true, text: "'unknown_word' = 1" });
  });

  it.each([
    ['random()', 'function random() has no SQL Server equivalent'],
    ['SELECT id FROM t LIMIT 5', 'LIMIT has no SQL Server equivalent here'],
    ['name GLOB \'a*\'', 'GLOB has no SQL Server equivalent here'],
    ['qty IS 3', 'SQL Server has IS only in IS [NOT] NULL'],
    ["datetime('now', '+1 day')", "datetime() other than datetime('now') has no exact equivalent"],
    ['max(qty, 3)', 'max() with 2 argument(s) has no exact equivalent'],
  ])('refuses %s', (source, reason) => {
    expect(toTsql(source)).toMatchObject({ ok: false, reason });
  });

  it('names a subquery in FROM, which SQL Server requires', () => {
    expect(toTsql('SELECT n FROM (SELECT count(*) AS n FROM t) WHERE n > 0', 'query')).toEqual({
      ok: true,
      text: 'SELECT n FROM (SELECT count(*) AS n FROM t) AS [derived1] WHERE n > 0',
    });
    expect(toTsql('SELECT s.n FROM (SELECT qty AS n FROM t) s JOIN (SELECT 1 AS one) ON 1 = 1', 'query')).toEqual({
      ok: true,
      text: 'SELECT s.n FROM (SELECT qty AS n FROM t) s JOIN (SELECT 1 AS one) AS [derived1] ON 1 = 1',
    });
  });

  it('refuses ORDER BY at the top of a view, which SQL Server rejects without TOP', () => {
    expect(toTsql('SELECT id FROM t ORDER BY id', 'query')).toMatchObject({ ok: false, reason: 'SQL Server rejects ORDER BY in a view without TOP' });
  });

  it('points at the token it refuses', () => {
    const result = toTsql('qty > 0 AND random() > 1');
    expect(result).toMatchObject({ ok: false, offset: 12 });
  });
});

describe('SQLite conditions that are bare values', () => {
  it.each([
    ['flag', 'flag <> 0'],
    ['NOT flag', 'flag = 0'],
    ['qty AND NOT flag', 'qty <> 0 AND flag = 0'],
    ['qty > 0 AND (flag OR qty BETWEEN 1 AND 2)', 'qty > 0 AND (flag <> 0 OR qty BETWEEN 1 AND 2)'],
    ['TRUE', '1 <> 0'],
  ])('%s → %s (SQL Server needs a predicate)', (source, expected) => {
    expect(toTsql(source, 'check')).toEqual({ ok: true, text: expected });
  });

  it('rewrites CASE WHEN x in any value and checks the conditions of a view', () => {
    expect(toTsql("CASE WHEN flag THEN 'y' ELSE 'n' END")).toEqual({ ok: true, text: "CASE WHEN flag <> 0 THEN 'y' ELSE 'n' END" });
    expect(toTsql('SELECT qty FROM t WHERE flag AND qty IN (SELECT qty FROM u WHERE NOT flag)', 'query')).toEqual({
      ok: true,
      text: 'SELECT qty FROM t WHERE flag <> 0 AND qty IN (SELECT qty FROM u WHERE flag = 0)',
    });
  });

  it.each([
    ['name', 'check', 'SQL Server needs a comparison where SQLite takes any value as a condition'],
    ['SELECT qty = 1 AS one FROM t', 'query', 'SQL Server has no boolean values: a comparison cannot be a column of a view (write CASE WHEN ... THEN 1 ELSE 0 END)'],
  ] as const)('refuses %s', (source, position, reason) => {
    expect(toTsql(source, position)).toMatchObject({ ok: false, reason });
  });
});
