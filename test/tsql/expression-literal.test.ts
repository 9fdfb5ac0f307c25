import { describe, expect, it } from 'vitest';
import { splitAll } from '../../src/sql/splitter.js';
import { TokenCursor } from '../../src/tsql/cursor.js';
import { parseExpression, parseScalarExpression } from '../../src/tsql/expression.js';

const options = { allowConcatOperator: false };
const cursor = (sql: string): TokenCursor => new TokenCursor(splitAll(`SELECT ${sql}`, 'tsql')[0].tokens.slice(1));

/** The texts of the expression's first and last tokens, and where the cursor stopped. */
function parsed(sql: string, scalar = false): { first: string; last: string; rest: string | undefined; calls: number } {
  const c = cursor(sql);
  const node = scalar ? parseScalarExpression(c, options) : parseExpression(c, options);
  return { first: node.first.text, last: node.last.text, rest: c.peek()?.text, calls: node.builtinCalls.length };
}

describe('a lone literal is a whole expression (the VALUES and DEFAULT shortcut)', () => {
  it('stops a string, number or variable at the punctuation after it, or at the end', () => {
    expect(parsed("N'x', 2")).toEqual({ first: "N'x'", last: "N'x'", rest: ',', calls: 0 });
    expect(parsed('42)')).toEqual({ first: '42', last: '42', rest: ')', calls: 0 });
    expect(parsed('@v')).toEqual({ first: '@v', last: '@v', rest: undefined, calls: 0 });
    expect(parsed('7,', true)).toEqual({ first: '7', last: '7', rest: ',', calls: 0 });
  });

  it('leaves anything longer to the full grammar', () => {
    expect(parsed('1 + 2, 3')).toMatchObject({ first: '1', last: '2', rest: ',' });
    expect(parsed('$0.00, 1')).toMatchObject({ first: '$0', last: '.00', rest: ',' });
    expect(parsed("'a' COLLATE Latin1_General_CI_AS)")).toMatchObject({ last: 'Latin1_General_CI_AS', rest: ')' });
    expect(parsed('@x.value(1), 2')).toMatchObject({ first: '@x', last: ')', rest: ',' });
    expect(parsed('0 NOT NULL', true)).toMatchObject({ last: '0', rest: 'NOT' });
    expect(parsed('0 IS NULL)')).toMatchObject({ last: 'NULL', rest: ')' });
    expect(parsed('GETDATE())')).toMatchObject({ first: 'GETDATE', last: ')', rest: ')', calls: 1 });
  });
});
