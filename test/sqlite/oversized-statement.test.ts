import { beforeAll, describe, expect, it } from 'vitest';
import batchSeparator from '../../rules/sqlite/no-batch-separator.js';
import schemaPrefix from '../../rules/sqlite/no-schema-prefix.js';
import rule from '../../rules/sqlite/syntax.js';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import type { Rule } from '../../src/engine/rule.js';
import { applyEdits } from '../../src/engine/fixes.js';
import { lintSource } from '../../src/engine/linter.js';

beforeAll(async () => {
  await rule.prepare?.();
});

/** One rule's diagnostics (sqlite/syntax's unless given) and the engine's, with statements held to 200 tokens. */
function lint(text: string, chosen: Rule = rule): Diagnostic[] {
  return lintSource(text, {
    filePath: 'deep.sqlite.sql',
    dialect: 'sqlite',
    dialectSource: 'test',
    rules: [{ rule: chosen, severity: 2, options: [] }],
    settings: { sqlserverVersion: '2019' },
    maxStatementTokens: 200,
  });
}

/** The same, as `line:column message`. */
function problems(text: string, chosen: Rule = rule): string[] {
  return lint(text, chosen).map((d) => `${d.line}:${d.column} ${d.message.replace(/ \(lines.*$/, '')}`);
}

const NOT_LINTED = 'Statement not linted: it runs over 200 tokens';

describe('an object created by a statement past the token limit', () => {
  it('is not reported missing where later statements use it', () => {
    const view = `CREATE VIEW v AS SELECT a FROM ${'(SELECT a FROM '.repeat(130)}t${')'.repeat(130)};`;
    const text = ['CREATE TABLE t (a INTEGER);', view, 'CREATE TABLE u AS SELECT a FROM v;', 'SELECT a FROM v;', 'SELECT b FROM w;', ''].join('\n');
    // Both uses of v were "no such table: v"; w, which nothing creates, still is.
    expect(problems(text)).toEqual([`2:1 ${NOT_LINTED}`, '5:15 SQLite rejects this: no such table: w.']);
  });
});

describe('sqlite/no-batch-separator after a statement past the token limit', () => {
  it('ends that statement with a ";" where it deletes the GO after it', () => {
    // Seven `(` among its kept leading tokens, and their `)` cut away: by its kept tokens it would
    // be open, and the GO a name inside it.
    const statement = `SELECT (((((((1)))))))${' + 1'.repeat(120)}`;
    const text = `${statement}\nGO\nSELECT 1;\n`;
    const [notLinted, go] = lint(text, batchSeparator);
    expect(notLinted.message).toMatch(NOT_LINTED);
    expect(`${go.ruleId} ${go.line}:${go.column} ${go.message}`).toBe('sqlite/no-batch-separator 2:1 SQLite rejects the batch separator GO: near "GO": syntax error.');
    // The fix deleted the GO line only, and ran the statement into the next one.
    expect(applyEdits(text, go.fix ? [go.fix] : []).output).toBe(`${statement};\nSELECT 1;\n`);
  });
});

describe('sqlite/no-schema-prefix after an ATTACH past the token limit', () => {
  it('accepts the schema it attaches, named among its kept latest tokens', () => {
    const file = Array.from({ length: 120 }, () => "'a'").join(' || ');
    const text = `ATTACH DATABASE ${file} AS aux;\nCREATE TABLE aux.t (a INTEGER);\nCREATE TABLE dbo.u (a INTEGER);\n`;
    // aux.t was "unknown database aux"; dbo, which nothing attaches, still is unknown.
    expect(problems(text, schemaPrefix)).toEqual([`1:1 ${NOT_LINTED}`, '3:14 SQLite rejects the schema prefix dbo: unknown database dbo.']);
  });

  it('takes the AS outside the parentheses, though some of them were cut away', () => {
    // Six `(` among its kept leading tokens and their `)` cut away: counted from the start, every
    // later token would be inside them. The first AS kept is CAST's, which names no schema.
    const file = `((((((${Array.from({ length: 120 }, () => "'a'").join(' || ')})))))) || CAST('b' AS TEXT)`;
    const text = `ATTACH DATABASE ${file} AS aux;\nCREATE TABLE aux.t (a INTEGER);\n`;
    expect(problems(text, schemaPrefix)).toEqual([`1:1 ${NOT_LINTED}`]);
  });
});
