import { describe, expect, it } from 'vitest';
import { splitAll } from '../../src/sql/splitter.js';
import { TokenCursor, TsqlSyntaxError } from '../../src/tsql/cursor.js';
import { parseExpression } from '../../src/tsql/expression.js';

const options = { allowConcatOperator: false };

/** The text of the expression's last token and of the token the parser stopped at. */
function parsed(sql: string): { last: string; rest: string | undefined } {
  const c = new TokenCursor(splitAll(`SELECT ${sql}`, 'tsql')[0].tokens.slice(1));
  const node = parseExpression(c, options);
  return { last: node.last.text, rest: c.peek()?.text };
}

describe('predicate continuations after the first operand', () => {
  it('reads [NOT] LIKE, [NOT] BETWEEN, [NOT] IN and IS [NOT] NULL', () => {
    expect(parsed("a LIKE 'x%' ESCAPE '!' AND b = 1")).toEqual({ last: '1', rest: undefined });
    expect(parsed('a NOT BETWEEN 1 AND 2 OR c IS NOT NULL')).toEqual({ last: 'NULL', rest: undefined });
    expect(parsed('a not in (1, 2), x')).toEqual({ last: ')', rest: ',' });
    expect(parsed('a IS DISTINCT FROM b')).toEqual({ last: 'b', rest: undefined });
  });

  it('stops at any other word, punctuation or the end', () => {
    expect(parsed('t.x = @id ORDER BY x')).toEqual({ last: '@id', rest: 'ORDER' });
    expect(parsed('a + 1) z')).toEqual({ last: '1', rest: ')' });
    expect(parsed('a NOT NULL')).toEqual({ last: 'a', rest: 'NOT' });
    expect(parsed('[in] = 2')).toEqual({ last: '2', rest: undefined });
  });

  it('rejects NOT before a word that cannot follow it', () => {
    expect(() => parsed('a NOT LIKE')).toThrow(TsqlSyntaxError);
    expect(() => parsed('a IS 5')).toThrow(TsqlSyntaxError);
  });
});
