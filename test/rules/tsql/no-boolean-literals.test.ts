import rule from '../../../rules/tsql/no-boolean-literals.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (word: string): string =>
  `SQL Server has no boolean literals: it reads ${word} as a column name and rejects it here.`;

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (active BIT NOT NULL DEFAULT 1)',
    "SELECT a FROM t WHERE note = 'TRUE'",
    'SELECT [true], t.false FROM t',
    { name: 'PolyBase options take TRUE/FALSE', code: "CREATE EXTERNAL FILE FORMAT csv WITH (FORMAT_TYPE = DELIMITEDTEXT, FORMAT_OPTIONS (USE_TYPE_DEFAULT = TRUE))" },
    '-- DEFAULT TRUE would fail\nSELECT 1',
    { name: 'columns named true and false', code: 'CREATE TABLE t (true BIT, false BIT)' },
    { name: 'OPENROWSET options', code: "SELECT * FROM OPENROWSET(BULK 'x.csv', FORMAT = 'CSV', HEADER_ROW = TRUE) AS r" },
    { name: 'a bare word passed to a procedure is a string', code: 'EXEC dbo.set_flag @enabled = TRUE' },
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (active BIT NOT NULL DEFAULT TRUE)',
      errors: [{ line: 1, column: 45, endColumn: 49, message: message('TRUE'), help: 'Write 1 (a BIT value) instead of TRUE.' }],
      output: 'CREATE TABLE t (active BIT NOT NULL DEFAULT 1)',
    },
    {
      code: 'UPDATE t SET done = false WHERE id = 3',
      errors: [{ line: 1, column: 21, message: message('FALSE') }],
      output: 'UPDATE t SET done = 0 WHERE id = 3',
    },
    {
      code: 'INSERT INTO t (a, b) VALUES (TRUE, FALSE)',
      errors: [
        { line: 1, column: 30, message: message('TRUE') },
        { line: 1, column: 36, message: message('FALSE') },
      ],
      output: 'INSERT INTO t (a, b) VALUES (1, 0)',
    },
    {
      name: 'a condition needs a comparison',
      code: 'SELECT a FROM t WHERE TRUE AND b = CASE WHEN FALSE THEN 1 ELSE 2 END AND c = CASE d WHEN TRUE THEN 3 END',
      errors: [
        { line: 1, column: 23, message: message('TRUE') },
        { line: 1, column: 46, message: message('FALSE') },
        { line: 1, column: 90, message: message('TRUE') },
      ],
      output: 'SELECT a FROM t WHERE 1 = 1 AND b = CASE WHEN 1 = 0 THEN 1 ELSE 2 END AND c = CASE d WHEN 1 THEN 3 END',
    },
    {
      name: 'a literal compared with something is a value, not a condition',
      code: 'SELECT a FROM t WHERE TRUE = flag OR FALSE <> flag OR TRUE IS NULL',
      errors: [
        { line: 1, column: 23, message: message('TRUE') },
        { line: 1, column: 38, message: message('FALSE') },
        { line: 1, column: 55, message: message('TRUE') },
      ],
      output: 'SELECT a FROM t WHERE 1 = flag OR 0 <> flag OR 1 IS NULL',
    },
    {
      name: 'a condition in parentheses needs a comparison too, and NOT (FALSE) has no rewrite as NOT FALSE has none',
      code: 'SELECT a FROM t WHERE (TRUE) AND NOT (FALSE) AND b IN (TRUE)',
      errors: [
        { line: 1, column: 24, message: message('TRUE') },
        { line: 1, column: 39, message: message('FALSE') },
        { line: 1, column: 56, message: message('TRUE') },
      ],
      output: 'SELECT a FROM t WHERE (1 = 1) AND NOT (FALSE) AND b IN (1)',
    },
    {
      name: 'IS TRUE has no one-token rewrite',
      code: 'SELECT a FROM t WHERE flag IS TRUE',
      errors: [{ line: 1, column: 31, message: message('TRUE') }],
      output: null,
    },
  ],
});
