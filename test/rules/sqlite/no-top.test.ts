import { describe, expect, it } from 'vitest';
import rule from '../../../rules/sqlite/no-top.js';
import { lintSource } from '../../../src/engine/linter.js';
import { applyEdits } from '../../../src/engine/fixes.js';
import { runRuleTests } from '../../support/rule-tester.js';

runRuleTests(rule, {
  valid: [
    'SELECT a FROM t ORDER BY a LIMIT 10;',
    'SELECT top, bottom FROM t;',
    'SELECT top FROM t WHERE top > 1;',
    "SELECT 'TOP 10' -- TOP 5\n;",
    'CREATE TABLE t (top INT, [top] TEXT);',
  ],
  invalid: [
    {
      code: 'SELECT TOP 10 name FROM sqlite_master;',
      errors: [
        {
          line: 1,
          column: 8,
          endColumn: 14,
          message: 'SQLite rejects TOP 10: near "10": syntax error.',
          help: 'Write LIMIT 10 at the end of the query.',
        },
      ],
      output: null,
    },
    {
      code: 'SELECT DISTINCT TOP (5) a\nFROM t\nORDER BY a DESC;',
      errors: [{ line: 1, column: 17, endColumn: 24, message: 'SQLite rejects TOP (...): no such function: TOP.' }],
    },
    {
      code: 'DELETE TOP (100) FROM log;\nUPDATE TOP (1) t SET a = 1;',
      errors: [
        { line: 1, column: 8, message: 'SQLite rejects TOP (...): no such function: TOP.' },
        { line: 2, column: 8, message: 'SQLite rejects TOP (...): no such function: TOP.' },
      ],
    },
    {
      code: 'SELECT * FROM (SELECT TOP 3 a FROM t) x;',
      errors: [{ line: 1, column: 23, message: 'SQLite rejects TOP 3: near "3": syntax error.' }],
    },
  ],
});

describe('sqlite/no-top suggestion', () => {
  const lint = (code: string) =>
    lintSource(code, {
      filePath: 'x.sqlite.sql',
      dialect: 'sqlite',
      dialectSource: 'test',
      rules: [{ rule, severity: 2, options: [] }],
      settings: { sqlserverVersion: '2019' },
    });

  it('moves the count to a LIMIT at the end', () => {
    const code = 'SELECT DISTINCT TOP (5) a\nFROM t\nORDER BY a DESC;';
    const [diagnostic] = lint(code);
    expect(diagnostic.suggestions?.[0].desc).toBe('Replace TOP with LIMIT 5');
    expect(applyEdits(code, [diagnostic.suggestions![0].fix]).output).toBe('SELECT DISTINCT a\nFROM t\nORDER BY a DESC LIMIT 5;');
  });

  it('offers nothing when no select list follows the count', () => {
    expect(lint('SELECT TOP 5 ;')[0].suggestions).toBeUndefined();
    expect(lint('SELECT DISTINCT TOP (5)')[0].suggestions).toBeUndefined();
  });

  it('offers nothing for TOP ... PERCENT or a compound query', () => {
    expect(lint('SELECT TOP 10 PERCENT a FROM t;')[0].suggestions).toBeUndefined();
    expect(lint('SELECT TOP 1 a FROM t UNION SELECT b FROM u;')[0].suggestions).toBeUndefined();
  });
});
