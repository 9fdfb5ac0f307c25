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

const lint = (text: string) =>
  lintSource(text, {
    filePath: 'a.sql',
    dialect: 'tsql',
    dialectSource: 'test',
    rules: [
      { rule: noFoo, severity: 2, options: [] },
      { rule: noBar, severity: 1, options: [] },
    ],
    settings: { sqlserverVersion: '2019' },
  }).map((d) => `${d.line}:${d.ruleId}`);

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
});
