import { describe, expect, it } from 'vitest';
import rule from '../../../rules/sqlite/no-tsql-functions.js';
import { lintSource } from '../../../src/engine/linter.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    "CREATE TABLE t (a TEXT DEFAULT (datetime('now')), b TEXT DEFAULT CURRENT_TIMESTAMP, c INT CHECK (length(b) > 0));",
    "SELECT ifnull(a, 0), coalesce(a, b), substr(a, 1, 2), iif(a, 1, 0), replace(a, 'x', 'y'), max(a, b) FROM t;",
    'CREATE TABLE len (space INT, isnull INT);\nINSERT INTO len (space) VALUES (1);\nCREATE INDEX ix ON len (space);',
    "SELECT a FROM t WHERE a ISNULL;\nSELECT 'GETDATE()' -- LEN(x)\n;",
    'WITH len (n) AS (SELECT 1) SELECT n FROM len;\nSELECT * FROM t LEFT JOIN u ON t.a = u.a;',
    'SELECT * FROM t WHERE a = @name AND b = :b AND c = ?1;',
    'CREATE TABLE t (a TEXT DEFAULT (GETDATE()));\nCREATE VIEW v AS SELECT LEN(a) AS n FROM t;',
    {
      name: "an IF condition's calls belong to the IF (no-tsql-control-flow)",
      code: "IF OBJECT_ID('t', 'U') IS NOT NULL DROP TABLE t;",
    },
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (created DATETIME DEFAULT GETDATE(), id TEXT DEFAULT NEWID());',
      errors: [
        {
          line: 1,
          column: 42,
          endColumn: 51,
          message: 'SQLite rejects DEFAULT GETDATE() without parentheses: near "(": syntax error.',
          help: 'Write DEFAULT CURRENT_TIMESTAMP.',
        },
        {
          line: 1,
          column: 69,
          message: 'SQLite rejects DEFAULT NEWID() without parentheses: near "(": syntax error.',
          help: 'Write DEFAULT (lower(hex(randomblob(16)))).',
        },
      ],
      output: 'CREATE TABLE t (created DATETIME DEFAULT CURRENT_TIMESTAMP, id TEXT DEFAULT NEWID());',
    },
    {
      code: "SELECT ISNULL(a, 0), LEN(b),\n  CHARINDEX('x', b)\nFROM t WHERE DATEDIFF(day, a, b) > 1;",
      errors: [
        { line: 1, column: 8, message: 'SQLite rejects ISNULL(): no such function: ISNULL.', help: 'Use ifnull(a, b) or coalesce(a, b).' },
        { line: 1, column: 22, message: 'SQLite rejects LEN(): no such function: LEN.' },
        { line: 2, column: 3, message: 'SQLite rejects CHARINDEX(): no such function: CHARINDEX.' },
        { line: 3, column: 14, message: 'SQLite rejects DATEDIFF(): no such function: DATEDIFF.' },
      ],
      output: null,
    },
    {
      code: 'CREATE TABLE t (a TEXT CHECK (len(a) > 0), b INT AS (convert(int, a)));\nINSERT INTO t (a) VALUES (@@IDENTITY);',
      errors: [
        { line: 1, column: 31, message: 'SQLite rejects len(): no such function: len.' },
        { line: 1, column: 54, message: 'SQLite rejects convert(): no such function: convert.' },
        { line: 2, column: 27, message: 'SQLite rejects @@IDENTITY: unrecognized token: "@".', help: 'Use last_insert_rowid().' },
      ],
    },
    {
      code: 'UPDATE t SET a = SCOPE_IDENTITY() WHERE b = LEFT(c, 2);',
      errors: [
        { line: 1, column: 18, message: 'SQLite rejects SCOPE_IDENTITY(): no such function: SCOPE_IDENTITY.' },
        { line: 1, column: 45, message: 'SQLite rejects LEFT(): no such function: LEFT.', help: 'Use substr(x, 1, n).' },
      ],
    },
  ],
});

describe('sqlite/no-tsql-functions suggestions', () => {
  it('offers ifnull for ISNULL', () => {
    const [diagnostic] = lintSource('SELECT ISNULL(a, 0) FROM t;', {
      filePath: 'x.sqlite.sql',
      dialect: 'sqlite',
      dialectSource: 'test',
      rules: [{ rule, severity: 2, options: [] }],
      settings: { sqlserverVersion: '2019' },
    });
    expect(diagnostic.suggestions).toEqual([{ desc: 'Call ifnull() instead', fix: { range: [7, 13], text: 'ifnull' } }]);
  });
});
