import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/sqlite/syntax.js';
import { lintSource } from '../../src/engine/linter.js';

beforeAll(async () => {
  await rule.prepare?.();
});

/** sqlite/syntax's diagnostics and the engine's, as `line:column message`, with statements held to 200 tokens. */
function problems(text: string): string[] {
  const diagnostics = lintSource(text, {
    filePath: 'deep.sqlite.sql',
    dialect: 'sqlite',
    dialectSource: 'test',
    rules: [{ rule, severity: 2, options: [] }],
    settings: { sqlserverVersion: '2019' },
    maxStatementTokens: 200,
  });
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.message.replace(/ \(lines.*$/, '')}`);
}

describe('an object created by a statement past the token limit', () => {
  it('is not reported missing where later statements use it', () => {
    const view = `CREATE VIEW v AS SELECT a FROM ${'(SELECT a FROM '.repeat(130)}t${')'.repeat(130)};`;
    const text = ['CREATE TABLE t (a INTEGER);', view, 'CREATE TABLE u AS SELECT a FROM v;', 'SELECT a FROM v;', 'SELECT b FROM w;', ''].join('\n');
    // Both uses of v were "no such table: v"; w, which nothing creates, still is.
    expect(problems(text)).toEqual(['2:1 Statement not linted: it runs over 200 tokens', '5:15 SQLite rejects this: no such table: w.']);
  });
});
