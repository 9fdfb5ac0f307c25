import { describe, expect, it } from 'vitest';
import { sortedTypePositions, typePositions } from '../../src/rules-support/tsql-columns.js';
import { splitAll } from '../../src/sql/splitter.js';

// Lives beside the grammar's tests: the type rules' support for T-SQL statements.
describe('sortedTypePositions', () => {
  it('lists typePositions in ascending order, the same array for every asker of one statement', () => {
    const [statement] = splitAll('DECLARE @b INT = CAST(1 AS BIGINT), @a TABLE (x TEXT, y REAL)', 'tsql');
    const sorted = sortedTypePositions(statement);
    expect(sorted).toEqual([...typePositions(statement)].sort((a, b) => a - b));
    expect(sorted.map((i) => statement.tokens[i].text)).toEqual(['INT', 'BIGINT', 'TEXT', 'REAL']);
    expect(sortedTypePositions(statement)).toBe(sorted);
  });

  it('keeps positions found in order as they are', () => {
    const [statement] = splitAll('CREATE TABLE t (a INT, b NVARCHAR(10), c AS CAST(a AS BIGINT))', 'tsql');
    expect(sortedTypePositions(statement).map((i) => statement.tokens[i].text)).toEqual(['INT', 'NVARCHAR', 'BIGINT']);
  });

  it('is empty for a statement without types', () => {
    expect(sortedTypePositions(splitAll('SELECT 1', 'tsql')[0])).toEqual([]);
  });
});
