import { describe, expect, it } from 'vitest';
import rule from '../../../rules/sqlite/no-tsql-control-flow.js';
import { lintSource } from '../../../src/engine/linter.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'BEGIN;\nINSERT INTO t VALUES (1);\nEND;',
    'BEGIN IMMEDIATE TRANSACTION;\nCOMMIT TRANSACTION;\nBEGIN DEFERRED;\nROLLBACK TO SAVEPOINT s;',
    'CREATE TRIGGER tr AFTER INSERT ON t\nBEGIN\n  UPDATE t SET a = CASE WHEN new.a > 0 THEN 1 ELSE 0 END WHERE rowid = new.rowid;\nEND;',
    'DROP TABLE IF EXISTS t;\nCREATE TABLE IF NOT EXISTS t (a INT);',
    "SELECT begin, end, print, exec FROM events WHERE kind = 'IF' -- DECLARE @x\n;",
    'SELECT CASE WHEN a THEN 1 ELSE 2 END AS x FROM t WHERE b = @param;',
    'UPDATE t SET a = 1 WHERE b = :b;',
    'SELECT id, while FROM loops WHERE while > 0;',
    'INSERT INTO t VALUES (1);\nEND TRANSACTION;',
    'SAVEPOINT a;\nINSERT INTO t VALUES (1);\nEND;\nBEGIN TRANSACTION;\nROLLBACK TO a;\nEND TRANSACTION;',
  ],
  invalid: [
    {
      code: "IF OBJECT_ID('dbo.t', 'U') IS NOT NULL DROP TABLE t;",
      errors: [
        {
          line: 1,
          column: 1,
          endColumn: 3,
          message: 'SQLite rejects the T-SQL IF statement: near "IF": syntax error.',
          help: 'Use DROP TABLE IF EXISTS / CREATE TABLE IF NOT EXISTS; other conditions belong in application code.',
        },
      ],
    },
    {
      code: 'DECLARE @n INT;\nSET @n = 1;\nPRINT @n;',
      errors: [
        { line: 1, column: 1, message: 'SQLite rejects T-SQL variables (DECLARE @n): near "DECLARE": syntax error.' },
        { line: 2, column: 1, message: 'SQLite rejects T-SQL variables (SET @n): near "SET": syntax error.' },
        { line: 3, column: 1, message: 'SQLite rejects PRINT: near "PRINT": syntax error.' },
      ],
    },
    {
      name: 'a block without semicolons between its statements',
      code: "IF NOT EXISTS (SELECT 1 FROM t)\nBEGIN\n  INSERT INTO t VALUES (1)\n  PRINT 'added'\nEND\nELSE\n  THROW 50000, 'x', 1;",
      errors: [
        { line: 1, column: 1, message: 'SQLite rejects the T-SQL IF statement: near "IF": syntax error.' },
        { line: 2, column: 1, message: 'SQLite rejects the T-SQL block keyword BEGIN: near "BEGIN": syntax error.' },
        { line: 4, column: 3, message: 'SQLite rejects PRINT: near "PRINT": syntax error.' },
        { line: 5, column: 1, message: 'SQLite rejects the T-SQL block keyword END: near "END": syntax error.' },
        { line: 6, column: 1, message: 'SQLite rejects the T-SQL block keyword ELSE: near "ELSE": syntax error.' },
      ],
    },
    {
      code: "BEGIN TRY\n  DELETE FROM t;\nEND TRY\nBEGIN CATCH\n  RAISERROR('failed', 16, 1);\nEND CATCH;",
      errors: [
        { line: 1, column: 1, message: 'SQLite rejects the T-SQL block keyword BEGIN: near "TRY": syntax error.' },
        { line: 3, column: 1, message: 'SQLite rejects the T-SQL block keyword END: near "TRY": syntax error.' },
        { line: 4, column: 1, message: 'SQLite rejects the T-SQL block keyword BEGIN: near "BEGIN": syntax error.' },
        { line: 5, column: 3, message: 'SQLite rejects RAISERROR: near "RAISERROR": syntax error.' },
        { line: 6, column: 1, message: 'SQLite rejects the T-SQL block keyword END: near "CATCH": syntax error.' },
      ],
    },
    {
      code: "EXEC sp_rename 't', 'u';\nWHILE 1 = 1 BREAK;",
      errors: [
        { line: 1, column: 1, message: 'SQLite rejects EXEC: SQLite has no stored procedures (near "EXEC": syntax error).' },
        { line: 2, column: 1, message: 'SQLite rejects the T-SQL block keyword WHILE: near "WHILE": syntax error.' },
      ],
    },
    {
      name: 'a lone END closing a T-SQL block',
      code: 'BEGIN;\nEND;\nIF 1 = 1\nBEGIN\n  DELETE FROM t;\nEND\n',
      errors: [
        { line: 3, column: 1, message: 'SQLite rejects the T-SQL IF statement: near "IF": syntax error.' },
        { line: 4, column: 1, message: 'SQLite rejects the T-SQL block keyword BEGIN: near "BEGIN": syntax error.' },
        {
          line: 6,
          column: 1,
          message: 'SQLite reads this END as COMMIT and fails: cannot commit - no transaction is active.',
          help: 'SQLite has no procedural blocks: delete the END of the T-SQL block (and its BEGIN).',
        },
      ],
    },
    {
      code: 'BEGIN TRAN;\nINSERT INTO t VALUES (1);\nCOMMIT TRAN;',
      errors: [
        { line: 1, column: 1, message: 'SQLite rejects BEGIN TRAN: near "TRAN": syntax error.', help: 'Write BEGIN TRANSACTION.' },
        { line: 3, column: 1, message: 'SQLite rejects COMMIT TRAN: near "TRAN": syntax error.' },
      ],
      output: 'BEGIN TRANSACTION;\nINSERT INTO t VALUES (1);\nCOMMIT TRANSACTION;',
    },
  ],
});

describe('sqlite/no-tsql-control-flow suggestions', () => {
  const lint = (code: string) =>
    lintSource(code, {
      filePath: 'x.sqlite.sql',
      dialect: 'sqlite',
      dialectSource: 'test',
      rules: [{ rule, severity: 2, options: [] }],
      settings: { sqlserverVersion: '2019' },
    });

  it('offers DROP ... IF EXISTS for the usual guard', () => {
    const [diagnostic] = lint("IF OBJECT_ID(N'dbo.t', N'U') IS NOT NULL\n  DROP TABLE [t];");
    expect(diagnostic.suggestions).toEqual([
      { desc: 'Replace with DROP TABLE IF EXISTS [t]', fix: { range: [0, 57], text: 'DROP TABLE IF EXISTS [t]' } },
    ]);
  });

  it('offers nothing when the IF does more than drop', () => {
    const [diagnostic] = lint("IF EXISTS (SELECT 1 FROM t) DROP TABLE t PRINT 'x';");
    expect(diagnostic.suggestions).toBeUndefined();
  });
});
