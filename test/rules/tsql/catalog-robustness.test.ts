import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tsqlRules } from '../../../rules/tsql/index.js';
import { fixSource } from '../../../src/engine/fixer.js';
import { lintSource } from '../../../src/engine/linter.js';

/**
 * Bad input must never throw out of a rule. Scripts are built from fragments that steer the
 * rules into their edge cases (half-written statements, unbalanced parentheses, stray quotes,
 * constructs cut off at the end of the file), and every catalog rule plus --fix runs on them.
 */
const FRAGMENTS = [
  'CREATE', 'TABLE', 'TEMP', 'VIRTUAL', 'INDEX', 'VIEW', 'TRIGGER', 'IF', 'NOT', 'EXISTS', 'ALTER', 'ADD', 'COLUMN', 'RENAME',
  'TO', 'DROP', 'INSERT', 'OR', 'IGNORE', 'REPLACE', 'INTO', 'VALUES', 'ON', 'CONFLICT', 'DO', 'NOTHING', 'UPDATE', 'SET',
  'PRAGMA', 'WITHOUT', 'ROWID', 'STRICT', 'BOOLEAN', 'BLOB', 'DOUBLE', 'TEXT', 'REAL', 'TIMESTAMP', 'VARCHAR', 'INTEGER',
  'PRIMARY', 'KEY', 'AUTOINCREMENT', 'DEFAULT', 'TRUE', 'FALSE', 'LIMIT', 'OFFSET', 'NULLS', 'FIRST', 'WITH', 'RECURSIVE',
  'RETURNING', 'GENERATED', 'ALWAYS', 'AS', 'STORED', 'COLLATE', 'NOCASE', 'REFERENCES', 'DEFERRABLE', 'INITIALLY',
  'DEFERRED', 'MATCH', 'FULL', 'BEFORE', 'AFTER', 'FOR', 'EACH', 'ROW', 'WHEN', 'BEGIN', 'END', 'NEW', 'OLD', 'VACUUM',
  'ATTACH', 'DATABASE', 'ANALYZE', 'IMMEDIATE', 'TRANSACTION', 'SELECT', 'FROM', 'WHERE', 'IS', 'GLOB', 'CAST', 'CONVERT',
  'DECLARE', 'RETURNS', 'datetime', 'ifnull', 'max', 'time', 'GO', 't', 'x', '@v', '1', "'now'", "'a", '"s"', '"open',
  '`b`', '`open', '[q]', "X'AB'", "X'A", '==', '||', '=', '(', ')', ',', ';', '.', '*', '-', '\n', '\r\n', ' ', '\t',
  '-- c\n', '/* c', '*/', 'N\'n\'', '0x1',
];

const script = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(' '));

describe('the T-SQL catalog on hostile input', () => {
  const rules = tsqlRules
    .filter((rule) => rule.meta.id.startsWith('tsql/no-'))
    .map((rule) => ({ rule, severity: 2 as const, options: [] }));
  const options = { filePath: 'x.sql', dialect: 'tsql' as const, dialectSource: 'test', rules, settings: { sqlserverVersion: '2016' as const } };

  it('never throws, and every diagnostic lies inside the text', () => {
    fc.assert(
      fc.property(script, (text) => {
        const diagnostics = lintSource(text, options);
        for (const d of diagnostics) {
          expect(d.startOffset).toBeGreaterThanOrEqual(0);
          expect(d.endOffset).toBeLessThanOrEqual(text.length);
        }
        fixSource(text, options);
      }),
      { numRuns: 400 },
    );
  });
});
