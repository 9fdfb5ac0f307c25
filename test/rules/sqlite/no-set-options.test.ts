import rule from '../../../rules/sqlite/no-set-options.js';
import { runRuleTests } from '../../support/rule-tester.js';

const message = (option: string): string => `SQLite rejects SET ${option}: near "SET": syntax error.`;

runRuleTests(rule, {
  valid: [
    "UPDATE t SET language = 'en', nocount = 1 WHERE id = 1;",
    'PRAGMA foreign_keys = ON;',
    "INSERT INTO t (a) VALUES ('SET NOCOUNT ON');",
    '-- SET ANSI_NULLS ON\nCREATE TABLE t (a INT);',
    'INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = excluded.a;',
  ],
  invalid: [
    {
      code: 'SET ANSI_NULLS ON;\nSET QUOTED_IDENTIFIER ON;\nCREATE TABLE t (a INT);\n',
      errors: [
        {
          line: 1,
          column: 1,
          endColumn: 18,
          message: message('ANSI_NULLS'),
          help: 'Delete the statement: SQLite has no SET options (its own settings are PRAGMAs).',
        },
        { line: 2, column: 1, message: message('QUOTED_IDENTIFIER') },
      ],
      output: 'CREATE TABLE t (a INT);\n',
    },
    {
      name: 'no semicolon: the option runs into the next statement',
      code: 'SET NOCOUNT ON\r\nSET XACT_ABORT, ARITHABORT OFF\r\nINSERT INTO t VALUES (1);',
      errors: [{ line: 1, column: 1, message: message('NOCOUNT') }, { line: 2, column: 1, message: message('XACT_ABORT') }],
      output: 'INSERT INTO t VALUES (1);',
    },
    {
      code: 'SET IDENTITY_INSERT [t] ON;\nINSERT INTO t (id) VALUES (5);\nSET IDENTITY_INSERT [t] OFF;',
      errors: [
        {
          line: 1,
          column: 1,
          message: 'SQLite rejects SET IDENTITY_INSERT: near "SET": syntax error.',
          help: 'Delete the statement: SQLite accepts explicit values for an INTEGER PRIMARY KEY column anyway.',
        },
        { line: 3, column: 1, message: 'SQLite rejects SET IDENTITY_INSERT: near "SET": syntax error.' },
      ],
      output: 'INSERT INTO t (id) VALUES (5);',
    },
    {
      code: 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED;\nSET DATEFORMAT dmy;\nSET FOO BAR BAZ;',
      errors: [
        { line: 1, column: 1, message: message('TRANSACTION') },
        { line: 2, column: 1, message: message('DATEFORMAT') },
        { line: 3, column: 1, message: message('FOO') },
      ],
      output: 'SET FOO BAR BAZ;',
    },
  ],
});
