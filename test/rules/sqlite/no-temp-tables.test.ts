import rule from '../../../rules/sqlite/no-temp-tables.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'CREATE TEMP TABLE staging (a INT);\nINSERT INTO temp.staging SELECT a FROM t;',
    "INSERT INTO t (a) VALUES ('#temp');\n-- SELECT * FROM #t",
    'SELECT "#t", [#u] FROM t;',
    'CREATE TEMPORARY TABLE x AS SELECT 1;',
    { name: 'a #name bind parameter in an expression', code: 'SELECT * FROM t WHERE a = #param;' },
  ],
  invalid: [
    {
      code: 'CREATE TABLE #staging (a INT);',
      errors: [
        {
          line: 1,
          column: 14,
          endColumn: 22,
          message: 'SQLite rejects the temporary table name #staging: near "#staging": syntax error.',
          help: 'Create it with CREATE TEMP TABLE staging and refer to it as staging (or temp.staging).',
        },
      ],
    },
    {
      code: 'INSERT INTO #t SELECT * FROM #t;\nDROP TABLE ##shared;',
      errors: [
        { line: 1, column: 13, message: 'SQLite rejects the temporary table name #t: near "#t": syntax error.' },
        { line: 2, column: 12, message: 'SQLite rejects the temporary table name ##shared: near "##shared": syntax error.' },
      ],
    },
    {
      code: 'SELECT a\nFROM t JOIN #ids i ON i.id = t.id;',
      errors: [{ line: 2, column: 13, message: 'SQLite rejects the temporary table name #ids: near "#ids": syntax error.' }],
    },
  ],
});
