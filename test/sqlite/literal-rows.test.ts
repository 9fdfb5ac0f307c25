import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/sqlite/syntax.js';
import { tokenize } from '../../src/sql/lexer.js';
import { isTrivia } from '../../src/sql/token.js';
import { rowsAfterTheFirst } from '../../src/sqlite/literal-rows.js';
import { describe as show, judgedBothWays, lintWithEngine } from './lint-sqlite.js';

beforeAll(async () => {
  await rule.prepare?.();
});

const significant = (sql: string) => tokenize(sql, 'sqlite').filter((token) => !isTrivia(token));
const rows = (count: number, row: (i: number) => string): string => Array.from({ length: count }, (_, i) => row(i)).join(',\n');

describe('INSERT ... VALUES of literal rows, judged on the first row when that accepts it', () => {
  it('finds the rows after the first only when every row is literals with the same number of terms', () => {
    const cut = (sql: string) => {
      const range = rowsAfterTheFirst(significant(sql));
      return range && sql.slice(0, range.start) + sql.slice(range.end);
    };
    expect(cut("INSERT INTO t (a, b) VALUES (1, 'x'), (-2.5e3, NULL), (X'00ff', +7) ON CONFLICT DO NOTHING;")).toBe(
      "INSERT INTO t (a, b) VALUES (1, 'x') ON CONFLICT DO NOTHING;",
    );
    expect(cut('INSERT INTO t VALUES (1);')).toBeUndefined();
    expect(cut('INSERT INTO t VALUES (1, 2), (3);')).toBeUndefined();
    expect(cut('INSERT INTO t VALUES (1), (abs(2));')).toBeUndefined();
    expect(cut('INSERT INTO t VALUES (1), (TRUE);')).toBeUndefined();
    expect(cut('INSERT INTO t VALUES (1), (0x10);')).toBeUndefined();
    expect(cut('INSERT INTO t VALUES (1), (1_000);')).toBeUndefined();
    expect(cut("INSERT INTO t VALUES (1), (X'0');")).toBeUndefined();
    expect(cut("INSERT INTO t VALUES ('a'), (N'b');")).toBeUndefined();
    expect(cut('INSERT INTO t SELECT * FROM (VALUES (1), (2));')).toBeUndefined();
    expect(cut('INSERT INTO t DEFAULT VALUES;')).toBeUndefined();
  });

  it('gives the same rows as token indexes: from the comma after the first row to the last row\'s `)`', () => {
    const tokens = significant("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c') RETURNING a;");
    const range = rowsAfterTheFirst(tokens);
    expect(range && tokens.slice(range.from, range.to).map((token) => token.text).join(' ')).toBe(", ( 2 , 'b' ) , ( 3 , 'c' )");
    expect(range && [tokens[range.from].start, tokens[range.to - 1].end]).toEqual(range && [range.start, range.end]);
  });

  it('a syntax error in row 5,000 of 10,000 is reported where it is, with the same message', () => {
    const text = `CREATE TABLE t (id INTEGER, name TEXT);\nINSERT INTO t (id, name) VALUES\n${rows(10_000, (i) => (i === 4_999 ? `    (${i} 'row ${i}')` : `    (${i}, 'row ${i}')`))};\n`;
    expect(show(lintWithEngine(text))).toEqual([`5002:11 SQLite rejects this: near "'row 4999'": syntax error.`]);
    judgedBothWays(text);
  });

  it('a row with a term too many in row 5,000 is reported as SQLite reports it', () => {
    const text = `CREATE TABLE t (id INTEGER, name TEXT);\nINSERT INTO t (id, name) VALUES\n${rows(10_000, (i) => (i === 4_999 ? `(${i}, 'x', 3)` : `(${i}, 'x')`))};\n`;
    expect(judgedBothWays(text)).toEqual([`${text.indexOf('VALUES')} rejected: all VALUES must have the same number of terms`]);
  });

  it('what the first row says about the table is said whatever the other rows hold', () => {
    const head = 'CREATE TABLE t (id INTEGER, name TEXT);\n';
    expect(judgedBothWays(`${head}INSERT INTO t (id, name, extra) VALUES ${rows(50, (i) => `(${i}, 'x', 1)`)};`)).toHaveLength(1);
    expect(judgedBothWays(`${head}INSERT INTO t VALUES ${rows(50, (i) => `(${i}, 'x', 1)`)};`)).toHaveLength(1);
    expect(judgedBothWays(`${head}INSERT INTO nowhere VALUES ${rows(50, (i) => `(${i})`)};`)).toHaveLength(1);
    expect(judgedBothWays(`${head}INSERT INTO t VALUES ${rows(50, (i) => `(${i}, 'x')`)} RETURNING nope;`)).toHaveLength(1);
  });

  it('random VALUES lists get the same problems judged whole or on their first row', () => {
    const good = fc.oneof(
      fc.integer().map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.string({ maxLength: 6 }).map((text) => `'${text.replace(/'/g, "''")}'`),
      fc.constantFrom('NULL', "X'AB'", '.5', '-1', '+2.5e3'),
    );
    const bad = fc.constantFrom("X'A'", '0x1F', '0x1FFFFFFFFFFFFFFFFF', '1_000', '1e', 'TRUE', 'nope', "N'x'", '-', '(1)', '', '1, 2');
    const literal = fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
    // Mostly rows of one width, so that the rows after the first are often left out.
    const values = fc
      .integer({ min: 1, max: 3 })
      .chain((width) => fc.array(fc.array(literal, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }))
      .map((valueRows) => valueRows.map((terms) => `(${terms.join(', ')})`).join(', '));
    const statement = fc
      .tuple(fc.constantFrom('t', 't (a, b)', 't (a)', 'nowhere', 'v'), values, fc.constantFrom(';', ' ON CONFLICT DO NOTHING;', ' RETURNING a;', ''))
      .map(([target, rowsText, tail]) => `INSERT INTO ${target} VALUES ${rowsText}${tail}`);
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 4 }), (statements) => {
        judgedBothWays(`CREATE TABLE t (a INT, b TEXT);\nCREATE VIEW v AS SELECT a FROM t;\n${statements.join('\n')}\n`);
      }),
      { numRuns: 300 },
    );
  });
});
