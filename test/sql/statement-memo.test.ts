import { describe, expect, it } from 'vitest';
import { splitAll } from '../../src/sql/splitter.js';
import { memoizeLastStatement } from '../../src/sql/statement-memo.js';

describe('memoizeLastStatement', () => {
  const [first, second] = splitAll('CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n', 'tsql');

  it('computes once for repeated questions about the same statement', () => {
    const seen: number[] = [];
    const kindOf = memoizeLastStatement((statement) => {
      seen.push(statement.index);
      return { kind: statement.kind };
    });
    const answer = kindOf(first);
    expect(kindOf(first)).toBe(answer);
    expect(seen).toEqual([0]);
  });

  it('computes again for another statement, and for an earlier one asked about again', () => {
    const seen: number[] = [];
    const indexOf = memoizeLastStatement((statement) => {
      seen.push(statement.index);
      return statement.index;
    });
    expect([indexOf(first), indexOf(second), indexOf(second), indexOf(first)]).toEqual([0, 1, 1, 0]);
    expect(seen).toEqual([0, 1, 0]);
  });
});
