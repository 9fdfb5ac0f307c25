import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/engine/linter.js';
import { defineRule } from '../../src/engine/rule.js';

/** A rule that reports every word FOO, so directive handling can be observed. */
const noFoo = defineRule({
  meta: { id: 'test/no-foo', description: 'no FOO', dialects: ['tsql'], severity: 'error', messages: { foo: 'FOO' } },
  create: (context) => ({ token: (token) => void (token.upper === 'FOO' && context.report({ node: token, messageId: 'foo' })) }),
});
const noBar = defineRule({
  meta: { id: 'test/no-bar', description: 'no BAR', dialects: ['tsql'], severity: 'warn', messages: { bar: 'BAR' } },
  create: (context) => ({ token: (token) => void (token.upper === 'BAR' && context.report({ node: token, messageId: 'bar' })) }),
});

/** The two rules over `text`, with room for `maxProblems` problems (the default budget without). */
const lintProblems = (text: string, maxProblems?: number) =>
  lintSource(text, {
    filePath: 'a.sql',
    dialect: 'tsql',
    dialectSource: 'test',
    rules: [
      { rule: noFoo, severity: 2, options: [] },
      { rule: noBar, severity: 1, options: [] },
    ],
    settings: { sqlserverVersion: '2019' },
    maxProblems,
  });
const lint = (text: string) => lintProblems(text).map((d) => `${d.line}:${d.ruleId}`);

describe('inline directives', () => {
  it('disable-next-line covers the next line only, for the named rules', () => {
    expect(lint('-- schema-lint-disable-next-line test/no-foo\nSELECT FOO, BAR\nSELECT FOO')).toEqual([
      '2:test/no-bar',
      '3:test/no-foo',
    ]);
  });

  it('disable-line without rule names covers every rule on its line', () => {
    expect(lint('SELECT FOO, BAR -- schema-lint-disable-line\nSELECT FOO')).toEqual(['2:test/no-foo']);
  });

  it('disable / enable regions, with a reason after --', () => {
    const text = 'SELECT FOO\n/* schema-lint-disable test/no-foo -- generated code */\nSELECT FOO, BAR\n/* schema-lint-enable test/no-foo */\nSELECT FOO';
    expect(lint(text)).toEqual(['1:test/no-foo', '3:test/no-bar', '5:test/no-foo']);
  });

  it('a comment that merely mentions schema-lint is not a directive', () => {
    expect(lint('-- run schema-lint-disable on this? no\nSELECT FOO')).toEqual(['2:test/no-foo']);
  });

  it('turns off what a plain reading of every directive in order turns off, and lists as many as there is room for (property)', () => {
    const rulesOf = fc.constantFrom([], ['test/no-foo'], ['test/no-bar'], ['test/no-foo', 'test/no-bar']);
    const line = fc.oneof(
      fc.record({ kind: fc.constantFrom('disable' as const, 'enable' as const, 'disable-next-line' as const), rules: rulesOf }),
      // With a `;`, the statement's problems are reported before its trailing directive is read.
      fc.record({ kind: fc.constant('select' as const), semicolon: fc.boolean(), trailing: fc.option(rulesOf) }),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.constantFrom(3, 1000), (lines, room) => {
        const names = (rules: readonly string[]) => (rules.length > 0 ? ` ${rules.join(', ')}` : '');
        const text = lines
          .map((l) => {
            if (l.kind === 'select') return `SELECT FOO, BAR${l.semicolon ? ';' : ''}${l.trailing === null ? '' : ` -- schema-lint-disable-line${names(l.trailing)}`}`;
            return l.kind === 'disable-next-line' ? `-- schema-lint-disable-next-line${names(l.rules)}` : `/* schema-lint-${l.kind}${names(l.rules)} */`;
          })
          .join('\n');
        // The reference: each rule is off from a region that names it (or names none) until one turns it on.
        const off = new Map<string, boolean>();
        const expected: string[] = [];
        let nextLine: (readonly string[])[] = [];
        lines.forEach((l, at) => {
          const covers = (rules: readonly string[], rule: string) => rules.length === 0 || rules.includes(rule);
          if (l.kind === 'disable' || l.kind === 'enable') {
            for (const rule of ['test/no-foo', 'test/no-bar']) if (covers(l.rules, rule)) off.set(rule, l.kind === 'disable');
          }
          if (l.kind === 'select') {
            for (const rule of ['test/no-foo', 'test/no-bar']) {
              const lineOff = nextLine.some((rules) => covers(rules, rule)) || (l.trailing !== null && covers(l.trailing, rule));
              if (!off.get(rule) && !lineOff) expected.push(`${at + 1}:${rule}`);
            }
          }
          nextLine = l.kind === 'disable-next-line' ? [l.rules] : [];
        });
        const problems = lintProblems(text, room);
        const listed = problems.filter((p) => p.ruleId !== null).map((p) => `${p.line}:${p.ruleId}`);
        const notice = problems.find((p) => p.ruleId === null);
        // As many are listed as there is room for, and what the notice counts makes up exactly the problems left on.
        expect(listed).toEqual(expected.slice(0, Math.min(room, expected.length)));
        const left = notice ? Number(/^(\d+) more/.exec(notice.message)?.[1]) : 0;
        expect(listed.length + left).toBe(expected.length);
        if (room >= expected.length) expect(notice).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('a disable-next-line block comment that spans lines', () => {
  const notApplied = (first: number, last: number) =>
    `This schema-lint-disable-next-line is not applied: its comment runs from line ${first} to line ${last}, ` +
    'so the next line is still inside it. End the comment on the line where it starts, or write it as a -- comment.';
  const cases: { code: string; problems: { ruleId: string | null; line: number; column: number; message: string }[] }[] = [
    {
      // The line after its first is the comment's own last line: nothing there is turned off.
      code: '/* schema-lint-disable-next-line test/no-foo\n*/ SELECT FOO',
      problems: [
        { ruleId: null, line: 1, column: 1, message: notApplied(1, 2) },
        { ruleId: 'test/no-foo', line: 2, column: 11, message: 'FOO' },
      ],
    },
    {
      code: 'SELECT 1; /* schema-lint-disable-next-line\r\n   generated code\r\n*/\r\nSELECT FOO, BAR',
      problems: [
        { ruleId: null, line: 1, column: 11, message: notApplied(1, 3) },
        { ruleId: 'test/no-foo', line: 4, column: 8, message: 'FOO' },
        { ruleId: 'test/no-bar', line: 4, column: 13, message: 'BAR' },
      ],
    },
    {
      // On one line it applies, block comment or not.
      code: '/* schema-lint-disable-next-line test/no-foo */\nSELECT FOO, BAR',
      problems: [{ ruleId: 'test/no-bar', line: 2, column: 13, message: 'BAR' }],
    },
    {
      // A region comment may span lines: it applies from where it stands.
      code: '/* schema-lint-disable test/no-foo\n*/\nSELECT FOO, BAR',
      problems: [{ ruleId: 'test/no-bar', line: 3, column: 13, message: 'BAR' }],
    },
  ];
  for (const { code, problems } of cases) {
    it(JSON.stringify(code), () => {
      expect(lintProblems(code).map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }))).toEqual(problems);
    });
  }

  it('is an error that a directive cannot turn off', () => {
    const [problem] = lintProblems('/* schema-lint-disable */ /* schema-lint-disable-next-line\n*/');
    expect(problem).toMatchObject({ ruleId: null, severity: 2, line: 1, column: 27, endLine: 2, endColumn: 3 });
  });
});

describe('fallback rules', () => {
  const grammar = defineRule({
    meta: { id: 'test/grammar', description: 'g', dialects: ['tsql'], severity: 'error', fallback: true, messages: { g: 'grammar' } },
    create: (context) => ({ token: (token) => void (token.text === ')' && context.report({ node: token, messageId: 'g' })) }),
  });
  const comma = defineRule({
    meta: { id: 'test/comma', description: 'c', dialects: ['tsql'], severity: 'error', messages: { c: 'comma' } },
    create: (context) => ({
      token: (token, statement, i) =>
        void (token.text === ',' && statement.tokens[i + 1]?.text === ')' && context.report({ node: token, endNode: statement.tokens[i + 1], messageId: 'c' })),
    }),
  });
  const lint = (text: string) =>
    lintSource(text, {
      filePath: 'a.sql',
      dialect: 'tsql',
      dialectSource: 'test',
      rules: [
        { rule: grammar, severity: 2, options: [] },
        { rule: comma, severity: 2, options: [] },
      ],
      settings: { sqlserverVersion: '2019' },
    }).map((d) => `${d.line}:${d.ruleId}`);

  it('a specific error explains the lines where it starts and ends, not the lines between', () => {
    expect(lint('CREATE TABLE t (a INT,\n)')).toEqual(['1:test/comma']);
    expect(lint('SELECT (1)\nCREATE TABLE t (a INT, )')).toEqual(['1:test/grammar', '2:test/comma']);
  });
});
