import rule from '../../../rules/tsql/no-virtual-table.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (module: string): string =>
  `SQL Server has no virtual tables: CREATE VIRTUAL TABLE ... USING ${module} is rejected (Incorrect syntax near 'VIRTUAL').`;

runRuleTests(rule, {
  valid: [
    'CREATE TABLE docs (id INT PRIMARY KEY, body NVARCHAR(MAX))',
    'CREATE FULLTEXT INDEX ON docs (body) KEY INDEX pk_docs',
    'CREATE TABLE virtual (a INT)',
    "SELECT 'CREATE VIRTUAL TABLE' AS note",
  ],
  invalid: [
    {
      code: 'CREATE VIRTUAL TABLE docs USING fts5(body)',
      errors: [
        {
          line: 1,
          column: 8,
          endColumn: 15,
          message: message('fts5'),
          help: 'Create an ordinary table; for full-text search (fts3/fts4/fts5) add a FULLTEXT INDEX on it.',
        },
      ],
    },
    {
      code: 'CREATE VIRTUAL TABLE IF NOT EXISTS geo USING rtree(id, x0, x1)',
      errors: [{ line: 1, column: 8, message: message('rtree') }],
    },
    {
      code: 'SELECT 1;\ncreate virtual table t using fts4(a, b);',
      errors: [{ line: 2, column: 8, message: message('fts4') }],
    },
  ],
});
