import rule from '../../../rules/sqlite/no-max-length.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'CREATE TABLE t (a NVARCHAR(50), b VARCHAR(255), c TEXT, d BLOB);',
    'SELECT max(a), MAX ( b ) FROM t;',
    "INSERT INTO t (a) VALUES ('NVARCHAR(MAX)');",
    '/* VARBINARY(MAX) */ CREATE TABLE t (max INTEGER, [max] TEXT);',
    'SELECT varchar(max) FROM t;',
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (a NVARCHAR(MAX) NOT NULL);',
      errors: [
        {
          line: 1,
          column: 19,
          endColumn: 32,
          message: 'SQLite rejects NVARCHAR(MAX): near "MAX": syntax error.',
          help: 'Write TEXT: SQLite types have no length limit.',
        },
      ],
      output: 'CREATE TABLE t (a TEXT NOT NULL);',
    },
    {
      code: 'CREATE TABLE t (\n  [body] [varchar](max) NULL,\n  [data] varbinary(Max)\n);',
      errors: [
        { line: 2, column: 10, message: 'SQLite rejects [varchar](max): near "max": syntax error.' },
        { line: 3, column: 10, message: 'SQLite rejects varbinary(Max): near "Max": syntax error.' },
      ],
      output: 'CREATE TABLE t (\n  [body] TEXT NULL,\n  [data] BLOB\n);',
    },
    {
      code: 'SELECT CAST(a AS VARCHAR(MAX)) FROM t;',
      errors: [{ line: 1, column: 18, message: 'SQLite rejects VARCHAR(MAX): near "MAX": syntax error.' }],
      output: 'SELECT CAST(a AS TEXT) FROM t;',
    },
  ],
});
