import { describe, expect, it } from 'vitest';
import { splitAll } from '../../src/sql/splitter.js';
import type { ExpressionNode, TsqlNode } from '../../src/tsql/ast.js';
import { MAX_PARSED_DEPTH } from '../../src/tsql/expression.js';
import { parseSchemaStatement } from '../../src/tsql/parse-statement.js';

const options = { allowConcatOperator: false };
const parse = (sql: string) => parseSchemaStatement(splitAll(sql, 'tsql')[0], options);
const nest = (open: string, inner: string, close: string, depth: number): string => open.repeat(depth) + inner + close.repeat(depth);
const spanText = (sql: string, expression: ExpressionNode | undefined): string | undefined =>
  expression && sql.slice(expression.first.start, expression.last.end);

/** The one expression each statement below holds: an index's WHERE, a column's DEFAULT, CHECK or computed value. */
function expressionOf(node: TsqlNode | undefined): ExpressionNode | undefined {
  if (node?.kind === 'create index') return node.where;
  if (node?.kind !== 'create table') return undefined;
  const element = node.elements[0];
  if (element?.kind !== 'column') return undefined;
  const column = element.column;
  const check = column.constraints.find((constraint) => constraint.kind === 'check');
  return column.default?.expression ?? column.computed?.expression ?? (check?.kind === 'check' ? check.expression : undefined);
}

describe('expressions nested deeper than the stack allows a descent per level', () => {
  // The depths at which the recursive descent overflowed, a little over: each shape had lost its statement's node.
  const shapes: [string, (depth: number) => string, string][] = [
    ['parentheses in a filtered index', (n) => nest('(', 'a > 0', ')', n), 'CREATE INDEX ix ON t (a) WHERE %;'],
    ['ISNULL in a DEFAULT', (n) => nest('ISNULL(', 'NULL', ', 0)', n), 'CREATE TABLE t (a INT NULL DEFAULT %);'],
    ['COALESCE in a computed column', (n) => nest('COALESCE(', 'b', ', 0)', n), 'CREATE TABLE t (c AS %);'],
    ['CASE in a CHECK', (n) => `${nest('CASE WHEN a > 0 THEN ', '1', ' ELSE 0 END', n)} = 1`, 'CREATE TABLE t (a INT CHECK (%));'],
    ['CAST in a CHECK', (n) => `${nest('CAST(', 'a', ' AS INT)', n)} > 0`, 'CREATE TABLE t (a INT CHECK (%));'],
    ['CONVERT in a DEFAULT', (n) => nest('CONVERT(INT, ', '1', ')', n), 'CREATE TABLE t (a INT DEFAULT %);'],
    ['IN lists in a filtered index', (n) => nest('a IN (', '1', ')', n), 'CREATE INDEX ix ON t (a) WHERE %;'],
  ];

  for (const [what, expression, statement] of shapes) {
    it(`keeps the statement and its whole expression for ${what}, 2,000 and 50,000 deep`, () => {
      for (const depth of [2_000, 50_000]) {
        const text = expression(depth);
        const sql = statement.replace('%', text);
        const outcome = parse(sql);
        expect(outcome.error, `${what} ${depth}`).toBeUndefined();
        expect(spanText(sql, expressionOf(outcome.node)), `${what} ${depth}`).toBe(text);
      }
    });
  }

  it('keeps a run of 100,000 signs and of 10,000 AT TIME ZONEs', () => {
    const signs = `${'- '.repeat(100_000)}1`;
    expect(spanText(`CREATE TABLE t (a INT DEFAULT ${signs});`, expressionOf(parse(`CREATE TABLE t (a INT DEFAULT ${signs});`).node))).toBe(signs);
    const zones = `d${" AT TIME ZONE 'UTC'".repeat(10_000)}`;
    const sql = `CREATE TABLE t (c AS ${zones});`;
    expect(spanText(sql, expressionOf(parse(sql).node))).toBe(zones);
  });

  it(`still finds a syntax error ${MAX_PARSED_DEPTH} groups deep, at the token it did before`, () => {
    for (const [open, close, near] of [['(', ')', ')'], ['ISNULL(', ', 0)', ','], ['CASE WHEN a > 0 THEN ', ' END', 'END']]) {
      const sql = `CREATE TABLE t (a INT CHECK (${nest(open, 'b >', close, MAX_PARSED_DEPTH - 1)} = 1));`;
      const error = parse(sql).error;
      expect(error?.message, open).toBe(`Incorrect syntax near '${near}'.`);
      expect(error?.token.start, open).toBe(sql.indexOf('b >') + 3 + (close.startsWith(' ') ? 1 : 0));
    }
  });

  it('reads a group past that depth as balanced text (an error inside it goes unreported), and finds an error after it', () => {
    const deep = nest('(', 'a >', ')', MAX_PARSED_DEPTH + 10);
    expect(parse(`CREATE TABLE t (a INT CHECK (${deep}));`).error).toBeUndefined();
    const sql = `CREATE TABLE t (a INT CHECK (${deep} AND AND a > 0));`;
    const error = parse(sql).error;
    expect(error?.message).toBe("Incorrect syntax near 'AND'.");
    expect(error?.token.start).toBe(sql.indexOf('AND AND') + 4);
  });
});
