import { describe, expect, it } from 'vitest';
import rule from '../../../rules/tsql/batch-first-statement.js';
import { lintSource } from '../../../src/engine/linter.js';
import { runRuleTests } from '../../support/rule-tester.js';

const notFirst = (statement: string): string => `'${statement}' must be the first statement in a query batch.`;

runRuleTests(rule, {
  valid: [
    'CREATE VIEW v AS SELECT 1 AS one',
    'SET ANSI_NULLS ON\nGO\nCREATE PROCEDURE p AS SELECT 1\nGO\nCREATE FUNCTION f() RETURNS INT AS BEGIN RETURN 1 END',
    '-- a comment first is fine\n/* and another */\nCREATE TRIGGER tr ON t AFTER INSERT AS SELECT 1',
    'CREATE TABLE t (a INT)\nCREATE INDEX ix ON t (a)\nCREATE XML SCHEMA COLLECTION c AS N\'<x/>\'',
    'CREATE SCHEMA s AUTHORIZATION dbo\n  CREATE TABLE s.t (a INT)\n  CREATE VIEW s.v AS SELECT a FROM s.t\n  GRANT SELECT ON s.v TO public',
    "IF OBJECT_ID('v') IS NOT NULL DROP VIEW v\nGO\nCREATE OR ALTER VIEW v AS SELECT 1 AS one",
    ';\nCREATE PROC p AS RETURN 0',
    // Statement kinds that are names on Object.prototype are not CREATE VIEW and friends.
    'SELECT 1;\nconstructor;\n__proto__;\ntoString;',
  ],
  invalid: [
    {
      code: 'SET ANSI_NULLS ON\nCREATE PROCEDURE dbo.p AS SELECT 1',
      errors: [{ line: 2, column: 1, endColumn: 17, message: notFirst('CREATE/ALTER PROCEDURE'), help: 'Put a GO line before it, so that it starts a batch of its own.' }],
    },
    {
      code: "IF OBJECT_ID('v') IS NULL\n    CREATE VIEW v AS SELECT 1 AS one",
      errors: [{ line: 2, column: 5, message: notFirst('CREATE VIEW') }],
    },
    {
      name: 'two routines in one batch: the second is read as part of the first body',
      code: 'CREATE PROCEDURE a AS SELECT 1\nCREATE PROCEDURE b AS SELECT 2\nGO\nALTER VIEW v AS SELECT 1 AS x\nALTER FUNCTION f() RETURNS INT AS BEGIN RETURN 1 END',
      errors: [
        { line: 2, column: 1, message: notFirst('CREATE/ALTER PROCEDURE') },
        { line: 5, column: 1, message: notFirst('ALTER FUNCTION') },
      ],
    },
    {
      code: 'CREATE TABLE t (a INT);\nCREATE SCHEMA s;\nCREATE TRIGGER tr ON t AFTER INSERT AS SELECT 1',
      errors: [
        { line: 2, column: 1, message: notFirst('CREATE SCHEMA') },
        { line: 3, column: 1, message: notFirst('CREATE TRIGGER') },
      ],
    },
  ],
});

describe('tsql/batch-first-statement suggestion', () => {
  it('suggests a GO line before a top-level statement, keeping the line ending', () => {
    const [diagnostic] = lintSource('SELECT 1\r\n  CREATE VIEW v AS SELECT 1 AS one', {
      filePath: 'a.sql',
      dialect: 'tsql',
      dialectSource: 'test',
      rules: [{ rule, severity: 2, options: [] }],
      settings: { sqlserverVersion: '2019' },
    });
    expect(diagnostic.suggestions).toEqual([{ desc: 'Insert a GO line before this statement.', fix: { range: [10, 10], text: 'GO\r\n' } }]);
  });
});
