import { describe, expect, it } from 'vitest';
import compact from '../../src/formatters/compact.js';
import { expectGolden } from './golden.js';
import { sampleContext, sampleResults } from './sample-results.js';

describe('compact formatter', () => {
  it('matches the golden file', () => {
    expectGolden('sample.compact.txt', compact(sampleResults(), sampleContext()));
  });

  it('prints file:line:col: severity: message [rule], one problem per line', () => {
    const lines = compact(sampleResults(), sampleContext()).split('\n');
    expect(lines).toContain(
      "db/schema.sql:3:26: error: SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'. [tsql/no-autoincrement]",
    );
    // A problem with no rule has no [rule] part.
    expect(lines).toContain('db/missing.sql:1:1: error: Cannot read the file: permission denied.');
  });

  it('folds a multi-line message onto its line', () => {
    const output = compact(sampleResults(), sampleContext());
    expect(output).toContain('db/schema.sql:4:3: warning: Value 100% of "a:b, c" <x> & \'y\' | *z* second line third [tsql/example-warning]\n');
    expect(output.split('\n').filter((line) => line !== '')).toHaveLength(4);
  });

  it('prints nothing when there are no problems', () => {
    const clean = sampleResults().filter((result) => result.messages.length === 0);
    expect(compact(clean, sampleContext())).toBe('');
  });
});
