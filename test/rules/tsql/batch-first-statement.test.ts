import { describe, expect, it, vi } from 'vitest';
import rule from '../../../rules/tsql/batch-first-statement.js';
import { lintWithRule, runRuleTests } from '../../support/rule-tester.js';

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
    const [diagnostic] = lintWithRule(rule, 'SELECT 1\r\n  CREATE VIEW v AS SELECT 1 AS one');
    expect(diagnostic.suggestions).toEqual([{ desc: 'Insert a GO line before this statement.', fix: { range: [10, 10], text: 'GO\r\n' } }]);
  });
});

describe('tsql/batch-first-statement on a file of many reports', () => {
  const lint = (text: string) => lintWithRule(rule, text);
  const views = (count: number, separator: string) => Array.from({ length: count }, (_, i) => `CREATE VIEW v${i} AS SELECT ${i} AS one;`).join(separator);

  it('searches the file for its line break once, not once per report', () => {
    const text = views(500, '\n');
    const includes = vi.spyOn(String.prototype, 'includes');
    try {
      expect(lint(text)).toHaveLength(499);
      const searches = includes.mock.calls.filter(([searched], call) => searched === '\r\n' && String(includes.mock.contexts[call]).length === text.length);
      expect(searches).toHaveLength(1);
    } finally {
      includes.mockRestore();
    }
  });

  it('reads as many characters of a one-line file per statement for 2,000 statements as for 250', () => {
    // Looking for the start of the statement's line read (and sliced) the line from its start, per report.
    const slicedPerStatement = (count: number) => {
      const text = views(count, ' ');
      const slice = vi.spyOn(String.prototype, 'slice');
      try {
        expect(lint(text)).toHaveLength(count - 1);
        const sliced = slice.mock.calls
          .filter((_, call) => String(slice.mock.contexts[call]).length === text.length)
          .reduce((sum, [start = 0, end = text.length]) => sum + (end - start), 0);
        return sliced / count;
      } finally {
        slice.mockRestore();
      }
    };
    const small = slicedPerStatement(250);
    const large = slicedPerStatement(2000);
    expect(large).toBeLessThanOrEqual(small * 1.1);
  });
});
