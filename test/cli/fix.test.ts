import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encode, type Encoding } from '../../src/files/decode.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

const before = 'CREATE TABLE t (\r\n  id INTEGER PRIMARY KEY AUTOINCREMENT, -- é\r\n  n INT\r\n);\r\n';
const after = 'CREATE TABLE t (\r\n  id INT IDENTITY(1,1) PRIMARY KEY, -- é\r\n  n INT\r\n);\r\n';

function fileWith(bytes: Uint8Array, name = 'a.sql'): { dir: string; file: string } {
  const dir = tempDir('fix');
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return { dir, file };
}

describe('--fix keeps everything outside the edits', () => {
  const encodings: Encoding[] = ['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'utf16le-nobom', 'utf16be-nobom'];
  for (const encoding of encodings) {
    it(`keeps ${encoding} and CRLF line endings, byte for byte`, () => {
      const { dir, file } = fileWith(encode(before, encoding));
      const run = runCli(['a.sql', '--fix', '--rule', 'core/dialect-mismatch:off'], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(Buffer.from(readFileSync(file)).equals(Buffer.from(encode(after, encoding)))).toBe(true);
    });
  }

  it('is idempotent: a second run changes nothing', () => {
    const { dir, file } = fileWith(encode(before, 'utf16le'));
    runCli(['a.sql', '--fix'], { cwd: dir });
    const once = readFileSync(file);
    runCli(['a.sql', '--fix'], { cwd: dir });
    expect(readFileSync(file).equals(once)).toBe(true);
  });

  it('reports a line number that matches the UTF-16 file', () => {
    const { dir } = fileWith(encode(before, 'utf16be'));
    const run = runCli(['a.sql', '--format', 'compact', '--rule', 'core/dialect-mismatch:off'], { cwd: dir });
    expect(run.stdout).toContain("a.sql:2:26: error: SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'. [tsql/no-autoincrement]");
  });

  it('leaves a read-only file unchanged and says so in one line', () => {
    const { dir, file } = fileWith(encode(before, 'utf8'));
    chmodSync(file, 0o444);
    const run = runCli(['a.sql', '--fix', '--format', 'json'], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe(before);
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string; line: number }[] }[];
    expect(result.messages[0]).toMatchObject({ ruleId: null, message: `Fixes not written. Cannot write ${file}: the file is read-only.` });
    expect(result.messages.some((m) => m.ruleId === 'tsql/no-autoincrement' && m.line === 2)).toBe(true);
    expect(run.status).toBe(1);
  });
});

describe('--fix with several rules fixing one statement', () => {
  it('guards a backtick table by the name SQL Server reads once the backticks are brackets', () => {
    const { dir, file } = fileWith(encode('CREATE TABLE IF NOT EXISTS `t` (id INTEGER PRIMARY KEY AUTOINCREMENT);\n', 'utf8'));
    const run = runCli(['a.sql', '--fix', '--rule', 'core/dialect-mismatch:off', '--rule', 'parity/missing-counterpart:off'], { cwd: dir });
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe("IF OBJECT_ID(N'[t]', N'U') IS NULL CREATE TABLE [t] (id INT IDENTITY(1,1) PRIMARY KEY);\n");
  });
});

describe('--fix leaves a file whose bytes did not decode as it is', () => {
  type JsonMessage = { ruleId: string | null; severity: number; line: number; column: number; message: string };
  type JsonResult = { messages: JsonMessage[]; output?: string };
  const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
  const cases = [
    {
      name: 'UTF-8 with a Latin-1 é (E9), which would be written back as EF BF BD',
      encoding: 'UTF-8',
      bytes: Buffer.concat([Buffer.from('-- caf'), Buffer.from([0xe9]), Buffer.from(`\r\n${before}`)]),
    },
    {
      name: 'UTF-16 LE with a lone surrogate (D800), which would be written back as FFFD',
      encoding: 'UTF-16',
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('-- x', 'utf16le'), Buffer.from([0x00, 0xd8]), Buffer.from(`\r\n${before}`, 'utf16le')]),
    },
    {
      name: 'UTF-16 BE with an odd last byte, which would be written back as FFFD',
      encoding: 'UTF-16',
      bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(`-- x\r\n${before}`), Buffer.from([0x41])]),
    },
  ];

  for (const { name, encoding, bytes } of cases) {
    for (const flag of ['--fix', '--fix-dry-run']) {
      it(`${flag}, ${name}: the bytes stay, and the report says why`, () => {
        const { dir, file } = fileWith(bytes);
        const run = runCli(['a.sql', flag, '--format', 'json', '--rule', 'core/dialect-mismatch:off'], { cwd: dir });
        expect(Buffer.from(readFileSync(file)).equals(bytes)).toBe(true);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(1);
        const [result] = JSON.parse(run.stdout) as JsonResult[];
        expect(result.output).toBeUndefined();
        expect(result.messages.filter((m) => m.ruleId === null).map(({ ruleId, severity, line, column, message }) => ({ ruleId, severity, line, column, message }))).toEqual([
          {
            ruleId: null,
            severity: 2,
            line: 1,
            column: 1,
            message: `Fixes not written. The file is not valid ${encoding}: writing it back would replace its undecodable bytes with U+FFFD.`,
          },
          {
            ruleId: null,
            severity: 1,
            line: 1,
            column: 1,
            message: `File is not valid ${encoding}: undecodable bytes were read as U+FFFD; positions after them may be off.`,
          },
        ]);
        // The problem the fix would have removed is still there, where it is in the file.
        expect(result.messages.find((m) => m.ruleId === 'tsql/no-autoincrement')).toMatchObject({ line: 3, column: 26 });
      });
    }
  }
});
