import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasSqliteAddColumn } from '../../src/parity/sqlite-add-column.js';

/** What parity asked before: the same question as one regular expression, quadratic on text without `;`. */
const ONE_EXPRESSION = /\bALTER\s+TABLE\b[^;]*?\bADD\s+COLUMN\b/i;

// Words and separators the answer turns on, with near misses (ADDED, COLUMNS, xALTER) and case.
const PIECES = ['ALTER', 'alter', 'TABLE', 'Table', 'ADD', 'add', 'COLUMN', 'column', 'COLUMNS', 'ADDED', 'xALTER', 't', 'c INT', ';', ' ', '\n', '\t', '', '_'];

describe('hasSqliteAddColumn', () => {
  it('answers as the single regular expression did, on any text made of the words it turns on', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), fc.array(fc.constantFrom(' ', '', '\n')), (pieces, gaps) => {
        const text = pieces.map((piece, i) => piece + (gaps[i] ?? ' ')).join('');
        expect(hasSqliteAddColumn(text)).toBe(ONE_EXPRESSION.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['ALTER TABLE t ADD COLUMN c INTEGER;', true],
    ['alter  table\n"t"\nadd\tcolumn c;', true],
    ['ALTER TABLE t ADD c INT NULL', false],
    ['ALTER TABLE t ALTER COLUMN c INT; ALTER TABLE t ADD c INT;', false],
    ['ALTER TABLE t DROP COLUMN c; ADD COLUMN', false],
    ['ALTER TABLE t ADD COLUMNS', false],
    ['ALTER TABLES t ADD COLUMN c', false],
    ['CREATE TABLE t (a INT); ALTER TABLE t\nGO\nADD COLUMN', true],
    ['', false],
  ])('%j: %s', (text, expected) => {
    expect(hasSqliteAddColumn(text)).toBe(expected);
    expect(ONE_EXPRESSION.test(text)).toBe(expected);
  });

  it('is ready for the next text after an answer found early', () => {
    expect(hasSqliteAddColumn('ALTER TABLE t ADD COLUMN c; ALTER TABLE u ADD COLUMN d;')).toBe(true);
    expect(hasSqliteAddColumn('ADD COLUMN c')).toBe(false);
  });
});
