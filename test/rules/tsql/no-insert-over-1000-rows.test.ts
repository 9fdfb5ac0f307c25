import rule from '../../../rules/tsql/no-insert-over-1000-rows.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (rows: number): string =>
  `SQL Server rejects this INSERT: The number of row value expressions in the INSERT statement exceeds the maximum allowed number of 1000 row values (it has ${rows}).`;

/** `(1), (2), ...` with `count` rows, `perLine` rows to a line. */
function rows(count: number, perLine = count): string {
  const lines: string[] = [];
  for (let start = 1; start <= count; start += perLine) {
    const row: string[] = [];
    for (let i = start; i < start + perLine && i <= count; i++) row.push(`(${i})`);
    lines.push(row.join(', '));
  }
  return lines.join(',\n');
}

runRuleTests(rule, {
  valid: [
    { name: 'exactly 1000 rows', code: `INSERT INTO t (a) VALUES ${rows(1000)}` },
    { name: 'a derived table has no row limit', code: `INSERT INTO t (a) SELECT v.a FROM (VALUES ${rows(1200)}) AS v (a)` },
    'INSERT INTO t (a) VALUES (1), (2)',
    { name: 'two inserts of 600 rows', code: `INSERT INTO t (a) VALUES ${rows(600)}\nINSERT INTO t (a) VALUES ${rows(600)}` },
  ],
  invalid: [
    {
      name: '1001 rows on one line: reported at row 1001',
      code: `INSERT INTO t (a) VALUES ${rows(1001)}`,
      // The 1001st row starts after the prefix, 1000 rows and their ', ' separator.
      errors: [{ line: 1, column: 'INSERT INTO t (a) VALUES '.length + rows(1000).length + ', '.length + 1, message: message(1001) }],
    },
    {
      name: 'the fewest tokens that hold a 1001st row',
      code: `INSERT VALUES ${'(),'.repeat(1000)}(`,
      errors: [{ line: 1, column: 'INSERT VALUES '.length + '(),'.repeat(1000).length + 1, message: message(1001) }],
    },
    {
      name: '1500 rows, one per line',
      code: `INSERT INTO t (a) VALUES\n${rows(1500, 1)}`,
      errors: [{ line: 1002, column: 1, message: message(1500), help: 'Split it into INSERT statements of at most 1000 rows each.' }],
    },
    {
      name: 'glued by the splitter to a SET ... ON before it',
      code: `SET IDENTITY_INSERT t ON\nINSERT INTO t (a) VALUES\n${rows(1001, 1)}`,
      errors: [{ line: 1003, column: 1, message: message(1001) }],
    },
    {
      name: '2000 rows, 100 per line',
      code: `INSERT INTO t (a) VALUES\n${rows(2000, 100)};`,
      errors: [{ line: 12, column: 1, message: message(2000) }],
    },
  ],
});
