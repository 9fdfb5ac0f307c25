import rule from '../../../rules/sqlite/no-table-hints.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'WITH recent AS (SELECT * FROM t) SELECT * FROM recent;',
    'SELECT * FROM json_each(t.data), generate_series(1, 3);',
    'INSERT INTO t (nolock) VALUES (1);',
    "SELECT 'WITH (NOLOCK)' FROM t -- WITH (NOLOCK)\n;",
    'CREATE TABLE t (a INT) WITHOUT ROWID;',
  ],
  invalid: [
    {
      code: 'SELECT * FROM t WITH (NOLOCK) WHERE a = 1;',
      errors: [
        {
          line: 1,
          column: 17,
          endColumn: 30,
          message: 'SQLite rejects the table hint WITH (NOLOCK): near "(": syntax error.',
          help: 'Delete WITH (NOLOCK): SQLite has no locking hints (readers never block in WAL mode).',
        },
      ],
      output: 'SELECT * FROM t WHERE a = 1;',
    },
    {
      code: 'SELECT *\nFROM orders o WITH (NOLOCK, INDEX(ix_orders))\nJOIN users u (nolock) ON u.id = o.user_id;',
      errors: [
        { line: 2, column: 15, message: 'SQLite rejects the table hint WITH (NOLOCK, INDEX(ix_orders)): near "(": syntax error.' },
        { line: 3, column: 14, message: 'SQLite rejects the table hint (nolock): near "(": syntax error.' },
      ],
      output: 'SELECT *\nFROM orders o\nJOIN users u ON u.id = o.user_id;',
    },
    {
      code: 'UPDATE t WITH (ROWLOCK) SET a = 1;',
      errors: [{ line: 1, column: 10, message: 'SQLite rejects the table hint WITH (ROWLOCK): near "(": syntax error.' }],
      output: 'UPDATE t SET a = 1;',
    },
  ],
});
