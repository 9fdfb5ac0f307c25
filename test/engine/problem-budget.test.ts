import { describe, expect, it } from 'vitest';
import noAutoincrement from '../../rules/tsql/no-autoincrement.js';
import noRealType from '../../rules/tsql/no-real-type.js';
import tsqlSyntax from '../../rules/tsql/syntax.js';
import { lintSource } from '../../src/engine/linter.js';
import type { Severity } from '../../src/engine/diagnostic.js';

const FIVE_LINES = 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n'.repeat(5);

/** Five AUTOINCREMENT columns, one a line, linted with room for `maxProblems` problems. */
function lint(maxProblems: number, severity: Severity = 2, withSyntax = false, text = FIVE_LINES) {
  return lintSource(text, {
    filePath: 'five.sql',
    dialect: 'tsql',
    dialectSource: 'test',
    rules: [
      { rule: noAutoincrement, severity, options: [] },
      ...(withSyntax ? [{ rule: tsqlSyntax, severity: 2 as const, options: [] }] : []),
    ],
    settings: { sqlserverVersion: '2019' },
    maxProblems,
  });
}

describe('the per-file problem budget', () => {
  it('keeps every problem within the budget and adds nothing', () => {
    const problems = lint(5);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.ruleId}`)).toEqual([1, 2, 3, 4, 5].map((line) => `${line}:40 tsql/no-autoincrement`));
  });

  it('keeps the first problems and says, at the first one left out, how many more there are and how many are errors', () => {
    const problems = lint(3);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.ruleId ?? '-'} ${p.severity}`)).toEqual([
      '1:40 tsql/no-autoincrement 2',
      '2:40 tsql/no-autoincrement 2',
      '3:40 tsql/no-autoincrement 2',
      '4:40 - 2',
    ]);
    expect(problems[3].message).toBe('2 more problems from here on are not listed (2 errors): at most 3 are kept per file. Fix these and lint again.');
  });

  it('is a warning when only warnings were left out', () => {
    const problems = lint(4, 1);
    expect(problems).toHaveLength(5);
    expect(problems[4]).toMatchObject({
      ruleId: null,
      severity: 1,
      line: 5,
      column: 40,
      message: '1 more problem from here on is not listed: at most 4 are kept per file. Fix these and lint again.',
    });
  });

  it('gives no room to problems a directive turns off, so the problems after them are listed', () => {
    // Lines 1 to 3 inside a disabled region: with room for two, lines 4 and 5 are listed, and nothing is left out.
    const text = `/* schema-lint-disable */\n${FIVE_LINES.split('\n').slice(0, 3).join('\n')}\n/* schema-lint-enable */\n${FIVE_LINES.split('\n').slice(3).join('\n')}`;
    expect(lint(2, 2, false, text).map((p) => `${p.line}:${p.column} ${p.ruleId ?? '-'}`)).toEqual(['6:40 tsql/no-autoincrement', '7:40 tsql/no-autoincrement']);
  });

  it('does not count a problem left out that a directive later in the file turns off', () => {
    // The comment that turns off lines 4 and 5 comes after each statement: only known once the problem is reported.
    const lines = FIVE_LINES.split('\n').slice(0, 5);
    const text = `${lines.slice(0, 3).join('\n')}\n${lines.slice(3).map((line) => `${line} -- schema-lint-disable-line`).join('\n')}\n`;
    expect(lint(3, 2, false, text).map((p) => `${p.line} ${p.ruleId ?? '-'}`)).toEqual(['1 tsql/no-autoincrement', '2 tsql/no-autoincrement', '3 tsql/no-autoincrement']);
    // Line 5 alone left on: one more, at line 5.
    const oneOn = `${lines.slice(0, 3).join('\n')}\n${lines[3]} -- schema-lint-disable-line\n${lines[4]}\n`;
    const problems = lint(3, 2, false, oneOn);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.ruleId ?? '-'}`)).toEqual(['1:40 tsql/no-autoincrement', '2:40 tsql/no-autoincrement', '3:40 tsql/no-autoincrement', '5:40 -']);
    expect(problems[3].message).toBe('1 more problem from here on is not listed (1 error): at most 3 are kept per file. Fix these and lint again.');
  });

  it('lets an error a directive turns off still explain the syntax error on its line, as when nothing is left out', () => {
    const text = `-- schema-lint-disable-next-line tsql/no-autoincrement\n${FIVE_LINES}`;
    // Line 2's AUTOINCREMENT error is turned off, and its syntax error stays explained.
    expect(lint(100, 2, true, text).map((p) => `${p.line} ${p.ruleId ?? '-'}`)).toEqual([3, 4, 5, 6].map((line) => `${line} tsql/no-autoincrement`));
    // Room for two: the syntax errors, explained on every line, take none of it. Left out: the AUTOINCREMENT
    // errors of lines 5 and 6, not the one turned off.
    const problems = lint(2, 2, true, text);
    expect(problems.map((p) => `${p.line} ${p.ruleId ?? '-'}`)).toEqual(['3 tsql/no-autoincrement', '4 tsql/no-autoincrement', '5 -']);
    expect(problems[2].message).toBe('2 more problems from here on are not listed (2 errors): at most 2 are kept per file. Fix these and lint again.');
  });

  it('does not count a syntax error left out where a specific error explains it, as the full list would not show it', () => {
    // Unlimited: each line has the AUTOINCREMENT error and nothing else (tsql/syntax's report there is explained).
    expect(lint(100, 2, true).map((p) => `${p.line} ${p.ruleId}`)).toEqual([1, 2, 3, 4, 5].map((line) => `${line} tsql/no-autoincrement`));
    // Room for three: the syntax errors, explained, take none of it, whether reported before or after the
    // AUTOINCREMENT error on their line. The AUTOINCREMENT errors of lines 4 and 5 are the two left out, and
    // they still explain the syntax errors on their lines.
    const problems = lint(3, 2, true);
    expect(problems.map((p) => `${p.line} ${p.ruleId ?? '-'}`)).toEqual(['1 tsql/no-autoincrement', '2 tsql/no-autoincrement', '3 tsql/no-autoincrement', '4 -']);
    expect(problems[3].message).toBe('2 more problems from here on are not listed (2 errors): at most 3 are kept per file. Fix these and lint again.');
  });

  it('lists as many problems as it promises when problems dropped only later filled it, and counts the rest exactly', () => {
    // Each line: REAL's warning, AUTOINCREMENT's error and the grammar's (explained by AUTOINCREMENT's); every
    // third line turned off by a comment after its statement. 60 lines, 80 problems on: 40 listed, 40 counted.
    // Before, the grammar's errors and the problems of the lines turned off took room until the end of the file, and 19 were listed.
    const text = Array.from({ length: 60 }, (_, i) => `CREATE TABLE t${i} (a REAL, b INT AUTOINCREMENT);${i % 3 === 2 ? ' -- schema-lint-disable-line' : ''}\n`).join('');
    const problems = lintSource(text, {
      filePath: 'many.sql',
      dialect: 'tsql',
      dialectSource: 'test',
      rules: [
        { rule: noAutoincrement, severity: 2, options: [] },
        { rule: noRealType, severity: 1, options: [] },
        { rule: tsqlSyntax, severity: 2, options: [] },
      ],
      settings: { sqlserverVersion: '2019' },
      maxProblems: 40,
    });
    const listed = problems.filter((p) => p.ruleId !== null);
    expect(listed).toHaveLength(40);
    expect(listed.every((p) => p.ruleId !== 'tsql/syntax' && p.line % 3 !== 0)).toBe(true);
    expect(listed.at(-1)?.line).toBe(29);
    expect(problems.filter((p) => p.ruleId === null).map((p) => `${p.line} ${p.message}`)).toEqual([
      '31 40 more problems from here on are not listed (20 errors): at most 40 are kept per file. Fix these and lint again.',
    ]);
  });
});
