import { describe, expect, it } from 'vitest';
import rule from '../../../rules/tsql/no-limit.js';
import { lintWithRule, suggestionOutputs } from '../../support/rule-tester.js';

/** The rewrites tsql/no-limit offers for LIMIT: TOP (n), or OFFSET ... FETCH NEXT after an ORDER BY. */
const suggested = (code: string): string[] => suggestionOutputs(rule, code);

describe('tsql/no-limit suggestions', () => {
  it('offers TOP, and OFFSET/FETCH when the query is ordered', () => {
    expect(suggested('SELECT DISTINCT name FROM t ORDER BY name LIMIT 5;')).toEqual([
      'SELECT DISTINCT TOP (5) name FROM t ORDER BY name;',
      'SELECT DISTINCT name FROM t ORDER BY name OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY;',
    ]);
  });

  it('offers only OFFSET/FETCH when there is an offset', () => {
    expect(suggested('SELECT name FROM t ORDER BY name LIMIT 5 OFFSET 10')).toEqual([
      'SELECT name FROM t ORDER BY name OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY',
    ]);
  });

  it('rewrites the subquery the LIMIT ends', () => {
    expect(suggested('SELECT a FROM (SELECT a FROM t LIMIT 3) AS x')).toEqual(['SELECT a FROM (SELECT TOP (3) a FROM t) AS x']);
  });

  it('rewrites the LIMIT of a query that selects a column named limit', () => {
    expect(suggested('SELECT a, limit FROM t LIMIT 5')).toEqual(['SELECT TOP (5) a, limit FROM t']);
  });

  it('offers nothing for a second LIMIT of one query (its rewrite would span the first)', () => {
    const [first, second] = lintWithRule(rule, 'SELECT a FROM t LIMIT 1 LIMIT 2');
    expect([first.suggestions?.length, second.suggestions]).toEqual([1, undefined]);
  });

  it('offers nothing for a LIMIT after UNION, or an offset without ORDER BY', () => {
    expect(suggested('SELECT a FROM t UNION SELECT a FROM u LIMIT 3')).toEqual([]);
    expect(suggested('SELECT a FROM t LIMIT 3 OFFSET 1')).toEqual([]);
  });
});
