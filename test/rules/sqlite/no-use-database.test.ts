import rule from '../../../rules/sqlite/no-use-database.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'SELECT use FROM t;',
    'CREATE TABLE t (use TEXT, [use] INT);',
    "INSERT INTO t (a) VALUES ('USE master');",
    'ATTACH DATABASE ?1 AS aux;',
  ],
  invalid: [
    {
      code: 'USE [Trading];\nCREATE TABLE t (a INT);',
      errors: [
        {
          line: 1,
          column: 1,
          endColumn: 14,
          message: 'SQLite rejects USE [Trading]: near "USE": syntax error.',
          help: 'Delete the statement: the application chooses the database file when it opens it (or ATTACH it).',
        },
      ],
      output: 'CREATE TABLE t (a INT);',
    },
    {
      code: 'use master\nGO\n',
      errors: [{ line: 1, column: 1, message: 'SQLite rejects USE master: near "use": syntax error.' }],
      output: 'GO\n',
    },
    {
      code: 'CREATE TABLE t (a INT);\n  USE Credentials;',
      errors: [{ line: 2, column: 3, message: 'SQLite rejects USE Credentials: near "USE": syntax error.' }],
      output: 'CREATE TABLE t (a INT);',
    },
  ],
});
