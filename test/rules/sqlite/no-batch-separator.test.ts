import rule from '../../../rules/sqlite/no-batch-separator.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = 'SQLite rejects the batch separator GO: near "GO": syntax error.';

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (a INT);\nCREATE TABLE u (b INT);',
    'CREATE TABLE t (\n  a INT,\n  go\n);',
    "INSERT INTO t (a) VALUES ('\nGO\n');",
    '/*\nGO\n*/\nSELECT go FROM t;',
    'SELECT a, go FROM t;',
    { name: 'a table named go on a line of its own', code: 'CREATE TABLE go (id INTEGER);\nSELECT id\nFROM\ngo\n;\nINSERT INTO\ngo\nVALUES (1);' },
    { name: 'a column named go before WHERE', code: 'SELECT id,\ngo\nFROM t;\nSELECT id FROM t AS x JOIN u\ngo\nON 1 = 1;' },
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (a INT);\nGO\nCREATE TABLE u (b INT);\n',
      errors: [{ line: 2, column: 1, endColumn: 3, message, help: 'Delete the GO line and end the statement before it with ";".' }],
      output: 'CREATE TABLE t (a INT);\nCREATE TABLE u (b INT);\n',
    },
    {
      name: 'unterminated statement before GO gets its semicolon',
      code: 'CREATE TABLE t (a INT)\r\ngo\r\nCREATE TABLE u (b INT)\r\nGO 2\r\n',
      errors: [
        { line: 2, column: 1, message: 'SQLite rejects the batch separator go: near "go": syntax error.' },
        { line: 4, column: 1, endColumn: 5, message: 'SQLite rejects the batch separator GO 2: near "GO": syntax error.' },
      ],
      output: 'CREATE TABLE t (a INT);\r\nCREATE TABLE u (b INT);\r\n',
    },
    {
      name: 'indented GO at the end of the file, with a comment',
      code: 'CREATE TABLE t (a INT);\n  GO -- end of batch',
      errors: [{ line: 2, column: 3, message }],
      output: 'CREATE TABLE t (a INT);\n  -- end of batch',
    },
    {
      name: 'GO between a table and SET options, as SSMS scripts them',
      code: 'CREATE TABLE t (a INT)\nGo\nset identity_insert "t" on\nGO\nVALUES (1);',
      errors: [
        { line: 2, column: 1, message: 'SQLite rejects the batch separator Go: near "Go": syntax error.' },
        { line: 4, column: 1, message },
      ],
    },
    {
      name: 'GO as the first line',
      code: 'GO\nCREATE TABLE t (a INT);',
      errors: [{ line: 1, column: 1, message }],
      output: 'CREATE TABLE t (a INT);',
    },
  ],
});
