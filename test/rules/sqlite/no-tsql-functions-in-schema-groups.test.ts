import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/sqlite/no-tsql-functions-in-schema.js';
import { lintSource } from '../../../src/engine/linter.js';
import { CURRENT_TIME_FUNCTIONS, tsqlFunctionCalls } from '../../../src/rules-support/sqlite-tsql-functions.js';
import { splitAll } from '../../../src/sql/splitter.js';

/** The fixes' ranges the rule gives for `text`. */
function fixedRanges(text: string): string[] {
  const diagnostics = lintSource(text, {
    filePath: 'defaults.sqlite.sql',
    dialect: 'sqlite',
    dialectSource: 'file name',
    rules: [{ rule, severity: 1, options: [] }],
    settings: { sqlserverVersion: '2019' },
  });
  return diagnostics.flatMap((d) => (d.fix ? [`${d.fix.range[0]}-${d.fix.range[1]}`] : []));
}

/** What the rule asked per call before it kept one answer per DEFAULT group: the group read again, whole. */
function fixedRangesByRereading(text: string): string[] {
  const ranges: string[] = [];
  for (const statement of splitAll(text, 'sqlite')) {
    const tokens = statement.tokens;
    for (const call of tsqlFunctionCalls(statement)) {
      if (call.context !== 'default' || !CURRENT_TIME_FUNCTIONS.has(call.name.upper) || !call.defaultGroup || call.close !== call.index + 2) continue;
      const [open, close] = call.defaultGroup;
      const withoutCall = tokens.slice(open, close + 1).filter((_, k) => k + open < call.index || k + open > call.close);
      const opens = withoutCall.filter((token) => token.text === '(').length;
      const closes = withoutCall.filter((token) => token.text === ')').length;
      if (opens + closes === withoutCall.length && opens === closes) ranges.push(`${tokens[open].start}-${tokens[close].end}`);
    }
  }
  return ranges;
}

describe('sqlite/no-tsql-functions-in-schema: the DEFAULT CURRENT_TIMESTAMP fix', () => {
  it('is offered exactly where reading the DEFAULT group again for each call offered it', () => {
    const piece = fc.constantFrom('(', ')', 'GETDATE()', 'getutcdate()', 'SYSDATETIME()', 'NEWID()', ' || ', '1', "'x'", ', ', 'CURRENT_TIMESTAMP');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = `CREATE TABLE t (a TEXT DEFAULT (${pieces.join('')}), b INT);\n`;
        expect(fixedRanges(text)).toEqual(fixedRangesByRereading(text));
      }),
      { numRuns: 3000 },
    );
    // Both kinds of group occur: one the fix rewrites, one it leaves.
    expect(fixedRanges('CREATE TABLE t (a TEXT DEFAULT ((GETDATE())));')).toHaveLength(1);
    expect(fixedRanges('CREATE TABLE t (a TEXT DEFAULT (GETDATE() || GETDATE()));')).toEqual([]);
  });
});
