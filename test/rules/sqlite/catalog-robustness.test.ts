import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../../rules/index.js';
import { fixSource } from '../../../src/engine/fixer.js';
import { lintSource, type LintSourceOptions } from '../../../src/engine/linter.js';

/**
 * Bad input must never throw out of a rule. Scripts are assembled from the fragments the
 * catalog rules look for (so their code paths run), cut at arbitrary places, with stray
 * quotes, brackets and line breaks; linting and fixing must finish and report in range.
 */
const options: LintSourceOptions = {
  filePath: 'random.sqlite.sql',
  dialect: 'sqlite',
  dialectSource: 'test',
  rules: allRules
    .filter((rule) => rule.meta.id.startsWith('sqlite/') && rule.meta.id !== 'sqlite/syntax')
    .map((rule) => ({ rule, severity: rule.meta.severity === 'error' ? 2 : 1, options: [] })),
  settings: { sqlserverVersion: '2019' },
};

const FRAGMENTS = [
  'CREATE', 'TABLE', 'ALTER', 'ADD', 'DROP', 'COLUMN', 'CONSTRAINT', 'PRIMARY', 'KEY', 'CLUSTERED', 'NONCLUSTERED',
  'IDENTITY', '(1,1)', 'INT', 'INTEGER', 'NVARCHAR', '(MAX)', 'MAX', 'DEFAULT', 'GETDATE()', 'GETDATE', 'FOR', 'ON',
  '[PRIMARY]', 'TEXTIMAGE_ON', 'WITH', '(NOLOCK)', 'INCLUDE', 'INDEX', 'IF', 'ELSE', 'BEGIN', 'END', 'TRY', 'CATCH',
  'TRAN', 'TRANSACTION', 'COMMIT', 'SET', 'NOCOUNT', 'IDENTITY_INSERT', 'OFF', 'USE', 'GO', '\nGO\n', 'dbo', '.',
  'SELECT', 'TOP', '10', 'FROM', 'JOIN', 'INTO', 'UPDATE', 'TRUNCATE', '#t', '@@IDENTITY', '@x', "N'x'", "'a'", '+',
  '||', ',', ')', '(', ';', '\n', ' ', '--', '/*', '*/', "'", '"', '[', ']', '`', 'BIT', 'MONEY', 'DATETIME2(7)',
  '[nvarchar](50)', 'DECLARE', 'PRINT', 'EXEC', 'WHILE', 'RAISERROR', 'THROW', 'GRANT', 'PROCEDURE', 'OR', 'VIEW',
  'TRIGGER', 'AS', 'CHECK', 'NOCHECK', 'ISNULL', 'LEN', 'CONVERT', 'OBJECT_ID', 'EXISTS', 'NOT', 'NULL', 'VALUES',
];

describe('SQLite catalog rules on arbitrary input', () => {
  it('never throw while linting or fixing, and report inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), fc.array(fc.constantFrom(' ', '', '\n', '\r\n'), { minLength: 60, maxLength: 60 }), (parts, separators) => {
        const text = parts.map((part, i) => part + separators[i]).join('');
        const diagnostics = lintSource(text, options);
        for (const diagnostic of diagnostics) {
          expect(diagnostic.startOffset).toBeGreaterThanOrEqual(0);
          expect(diagnostic.endOffset).toBeLessThanOrEqual(text.length);
          if (diagnostic.fix) expect(diagnostic.fix.range[1]).toBeLessThanOrEqual(text.length);
        }
        fixSource(text, options);
      }),
      { numRuns: 400, seed: 20261129 },
    );
  });

  it('never throw on short fragment sequences, where edge cases concentrate', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 8 }), (parts) => {
        const text = parts.join(' ');
        lintSource(text, options);
        fixSource(text, options);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });

  it('never throw on statements cut short after the construct', () => {
    const cut = ['SELECT TOP 5 ;', 'SELECT DISTINCT TOP (5)', 'CREATE TABLE t (id INT IDENTITY', 'ALTER TABLE t ADD', 'SET IDENTITY_INSERT',
      'IF', 'BEGIN', 'END', 'GO', 'CREATE TABLE t (a INT) ON', 'WITH (', 'x DEFAULT GETDATE(', 'DEFAULT (GETDATE()', "N'", 'TRUNCATE TABLE',
      'CREATE INDEX i ON t (a) INCLUDE (', 'ALTER TABLE t ADD CONSTRAINT DF DEFAULT', 'ALTER TABLE t ALTER COLUMN', 'SELECT * FROM t (NOLOCK',
      'ALTER TABLE t ADD a INT,', 'CREATE TABLE [t] ([a] [', 'USE', 'DROP TABLE dbo.', 'CREATE OR ALTER'];
    for (const text of cut) {
      expect(() => lintSource(text, options), text).not.toThrow();
      expect(() => fixSource(text, options), text).not.toThrow();
    }
  });

  it('never throw on arbitrary characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        lintSource(text, options);
        fixSource(text, options);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
