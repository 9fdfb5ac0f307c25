import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { lintSource } from '../../src/engine/linter.js';
import type { Dialect } from '../../src/sql/dialect.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string; line: number; column: number }[];
}

function workspace(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir('odd');
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

function lintAll(text: string, dialect: Dialect) {
  return lintSource(text, {
    filePath: dialect === 'sqlite' ? 'x.sqlite.sql' : 'x.sql',
    dialect,
    dialectSource: 'test',
    dialectStep: 'file-name',
    // The SQLite engine rule needs its WebAssembly loaded by prepare(); it is exercised through the CLI below.
    rules: allRules.filter((rule) => !rule.prepare).map((rule) => ({ rule, severity: 2 as const, options: [] })),
    settings: { sqlserverVersion: '2019' },
  });
}

describe('odd files', () => {
  it('empty, blank and comment-only files lint clean', () => {
    const dir = workspace({
      'empty.sql': '',
      'blank.sql': ' \n\t\r\n\n',
      'comments.sql': '-- nothing here\n/* nor /* here */ */\n',
      'empty.sqlite.sql': '',
      'comments.sqlite.sql': '-- nothing\n',
    });
    expect(runCli(['.'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('a binary file is skipped with one warning', () => {
    const dir = workspace({ 'dump.sql': Buffer.from([0x53, 0x51, 0x4c, 0x00, 0x01, 0x02, 0xff]) });
    const run = runCli(['.', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as JsonResult[])[0].messages).toEqual([
      expect.objectContaining({ ruleId: null, severity: 1, message: 'File skipped: it holds NUL bytes, so it is binary, not SQL.' }),
    ]);
  });

  it('UTF-16 without a byte-order mark is read as UTF-16, LE and BE, with positions of the text', () => {
    const text = '-- naïve\r\nCREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\r\n';
    const be = Buffer.from(text, 'utf16le');
    be.swap16();
    const dir = workspace({ 'le.sql': Buffer.from(text, 'utf16le'), 'be.sql': be });
    const run = runCli(['.', '--format', 'compact', '--rule', 'core/dialect-mismatch:off', '--rule', 'parity/missing-counterpart:off'], { cwd: dir });
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      "be.sql:2:40: error: SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'. [tsql/no-autoincrement]",
      "le.sql:2:40: error: SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'. [tsql/no-autoincrement]",
    ]);
  });

  it('binary bytes that pair up like UTF-16 are still skipped as binary', () => {
    const dir = workspace({ 'pairs.sql': Buffer.from([0x00, 0x01, 0x00, 0x02, 0x00, 0x41, 0x00, 0x42]) });
    const run = runCli(['.', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(run.stdout) as JsonResult[])[0].messages).toEqual([
      expect.objectContaining({ ruleId: null, severity: 1, message: 'File skipped: it holds NUL bytes, so it is binary, not SQL.' }),
    ]);
  });

  it('invalid UTF-8 is linted as far as it reads, with one warning', () => {
    const bytes = Buffer.concat([
      Buffer.from('-- caf'),
      Buffer.from([0xe9]), // Latin-1 é: not UTF-8
      Buffer.from('\nCREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n'),
    ]);
    const run = runCli(['x.sql', '--format', 'json'], { cwd: workspace({ 'x.sql': bytes }) });
    const messages = (JSON.parse(run.stdout) as JsonResult[])[0].messages;
    expect(messages.filter((m) => m.ruleId === null)).toEqual([
      expect.objectContaining({ severity: 1, message: expect.stringMatching(/^File is not valid UTF-8/) }),
    ]);
    expect(messages.find((m) => m.ruleId === 'tsql/no-autoincrement')).toMatchObject({ line: 2, column: 40 });
  });

  it('positions are right after lone CR line endings and tabs', () => {
    const run = runCli(['x.sql', '--format', 'json', '--rule', 'core/dialect-mismatch:off'], {
      cwd: workspace({ 'x.sql': '-- old Mac file\rCREATE TABLE t (\r\tid INTEGER PRIMARY KEY AUTOINCREMENT\r)\r' }),
    });
    expect((JSON.parse(run.stdout) as JsonResult[])[0].messages.find((m) => m.ruleId === 'tsql/no-autoincrement')).toMatchObject({
      line: 3,
      column: 25,
    });
  });

  it('100,000 nested parentheses do not overflow any stack', () => {
    const deep = `SELECT ${'('.repeat(100_000)}1${')'.repeat(100_000)};\nCREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n`;
    for (const dialect of ['tsql', 'sqlite'] as const) expect(() => lintAll(deep, dialect)).not.toThrow();
    expect(lintAll(deep, 'tsql').some((d) => d.ruleId === 'tsql/no-autoincrement' && d.line === 2)).toBe(true);
    const unclosed = `SELECT ${'('.repeat(100_000)}1;\n`;
    for (const dialect of ['tsql', 'sqlite'] as const) expect(() => lintAll(unclosed, dialect)).not.toThrow();
    const run = runCli(['deep.sql', 'deep.sqlite.sql', '--format', 'json'], { cwd: workspace({ 'deep.sql': deep, 'deep.sqlite.sql': deep }) });
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.status);
  });

  for (const [what, text] of [
    ['string', "INSERT INTO t (a) VALUES ('oops);\n"],
    ['block comment', '/* never closed\n'],
    ['bracket name', 'CREATE TABLE [broken (a INT);\n'],
    ['BEGIN block', 'IF 1 = 1\nBEGIN\n  PRINT 1;\n'],
  ] as const) {
    it(`an unterminated ${what} gives a clear error and linting goes on after it`, () => {
      const after = 'GO\nCREATE TABLE u (id INTEGER PRIMARY KEY AUTOINCREMENT);\n';
      const tsql = what === 'block comment' ? text : text + after;
      const run = runCli(['x.sql', '--format', 'json'], { cwd: workspace({ 'x.sql': tsql }) });
      expect(run.stderr).toBe('');
      const messages = (JSON.parse(run.stdout) as JsonResult[])[0].messages;
      // The error stands in the broken part (SQL Server reports a BEGIN without END at the batch's last token).
      const brokenLines = text.split('\n').length - 1;
      const inBrokenPart = messages.filter((m) => m.severity === 2 && m.line <= brokenLines);
      expect(inBrokenPart.length, JSON.stringify(messages)).toBe(1);
      if (what !== 'block comment') {
        const laterLine = tsql.split('\n').findIndex((line) => line.includes('AUTOINCREMENT')) + 1;
        expect(messages.some((m) => m.ruleId === 'tsql/no-autoincrement' && m.line === laterLine)).toBe(true);
      }
    });
  }
});

describe('deep nesting inside the grammar', () => {
  it('100,000 parentheses in a DEFAULT, a CHECK and a view are no internal error', () => {
    const n = 100_000;
    const text =
      `CREATE TABLE t (a INT DEFAULT ${'('.repeat(n)}1${')'.repeat(n)}, b INT CHECK (${'('.repeat(n)}b > 1${')'.repeat(n)}));\n` +
      `GO\nCREATE VIEW v AS SELECT ${'('.repeat(n)}1${')'.repeat(n)} AS x;\n`;
    const run = runCli(['deep.sql', '--format', 'json'], { cwd: workspace({ 'deep.sql': text }) });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
