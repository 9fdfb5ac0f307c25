import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encode } from '../../src/files/decode.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * A preload that says on stderr when anything instantiates WebAssembly: the SQLite engine
 * (sql.js) is the only WebAssembly the CLI loads, so a run that prints nothing never started it.
 */
function engineProbe(): NodeJS.ProcessEnv {
  const file = path.join(tempDir('engine-probe'), 'probe.cjs');
  writeFileSync(
    file,
    'const instantiate = WebAssembly.instantiate;\n' +
      'WebAssembly.instantiate = function (...args) {\n' +
      "  process.stderr.write('probe: WebAssembly instantiated\\n');\n" +
      '  return instantiate.apply(this, args);\n' +
      '};\n',
  );
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(file)}`.trim() };
}

/** One file per way a dialect is decided, and files the lint skips (binary, unreadable). */
function mixedTree(): string {
  const dir = tempDir('print-dialect');
  writeFileSync(path.join(dir, 'schema-lint.config.json'), JSON.stringify({ overrides: [{ files: ['legacy/**'], dialect: 'sqlite' }] }));
  mkdirSync(path.join(dir, 'legacy'));
  mkdirSync(path.join(dir, 'folder'));
  writeFileSync(path.join(dir, 'plain.sql'), 'CREATE TABLE t (id INT IDENTITY(1,1) PRIMARY KEY);\n');
  writeFileSync(path.join(dir, 'app.sqlite.sql'), 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n');
  writeFileSync(path.join(dir, 'pragma.sql'), '-- schema-lint dialect: sqlite\nCREATE TABLE t (id INTEGER);\n');
  writeFileSync(path.join(dir, 'utf16.sql'), encode('/* schema-lint dialect: sqlite */\nSELECT 1;\n', 'utf16le'));
  writeFileSync(path.join(dir, 'broken-syntax.sql'), 'CREATE TABLE (((;\nSELEC FROM WHERE;\n');
  writeFileSync(path.join(dir, 'legacy', 'old.sql'), 'CREATE TABLE t (id INT);\n');
  writeFileSync(path.join(dir, 'binary.sqlite.sql'), Buffer.from([0x2d, 0x2d, 0x00, 0x01, 0x02]));
  symlinkSync(path.join(dir, 'nowhere.sql'), path.join(dir, 'dangling.sql'));
  symlinkSync(path.join(dir, 'folder'), path.join(dir, 'folder-link.sql'));
  return dir;
}

// What --print-dialect printed for mixedTree when it linted every file first (before it decided dialects alone).
const MIXED_TREE_DIALECTS =
  'app.sqlite.sql: sqlite (file name *.sqlite.sql)\n' +
  'binary.sqlite.sql: sqlite (file name *.sqlite.sql)\n' +
  'broken-syntax.sql: tsql (default for *.sql)\n' +
  'dangling.sql: tsql (default for *.sql)\n' +
  'folder-link.sql: tsql (default for *.sql)\n' +
  'legacy/old.sql: sqlite (config override "legacy/**")\n' +
  'plain.sql: tsql (default for *.sql)\n' +
  'pragma.sql: sqlite (header pragma)\n' +
  'utf16.sql: sqlite (header pragma)\n';

describe('--print-dialect', () => {
  it('prints each file’s dialect and why, skipped and unreadable files included', () => {
    const dir = mixedTree();
    expect(runCli(['--print-dialect', '.'], { cwd: dir })).toEqual({ status: 0, stdout: MIXED_TREE_DIALECTS, stderr: '' });
    expect(runCli(['--print-dialect', '--dialect', 'tsql', 'legacy', 'pragma.sql'], { cwd: dir }).stdout).toBe(
      'legacy/old.sql: tsql (--dialect)\npragma.sql: tsql (--dialect)\n',
    );
  });

  it('decides standard input’s dialect from its bytes and --stdin-filename', () => {
    const dir = mixedTree();
    const pragma = runCli(['--print-dialect', '--stdin'], { cwd: dir, input: encode('-- schema-lint dialect: sqlite\nSELECT 1;\n', 'utf16be') });
    expect(pragma).toEqual({ status: 0, stdout: '<stdin>.sql: sqlite (header pragma)\n', stderr: '' });
    const named = runCli(['--print-dialect', '--stdin', '--stdin-filename', 'legacy/x.sql'], { cwd: dir, input: 'SELEC;\n' });
    expect(named.stdout).toBe('legacy/x.sql: sqlite (config override "legacy/**")\n');
  });

  it('fails as a lint fails on a bad config or an unknown --rule', () => {
    const dir = mixedTree();
    expect(runCli(['--print-dialect', '.', '--rule', 'no/such-rule:error'], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'schema-lint: Unknown rule "no/such-rule" in --rule. Run "schema-lint rules" to list them.\n',
    });
    expect(runCli(['--print-dialect', 'no/such/dir'], { cwd: dir }).stderr).toBe('schema-lint: No files matching the pattern "no/such/dir" were found.\n');
  });

  it('does not start the SQLite engine', () => {
    const dir = mixedTree();
    const env = engineProbe();
    // The probe sees the engine when a lint starts it, so its silence below means something.
    expect(runCli(['app.sqlite.sql'], { cwd: dir, env }).stderr).toContain('probe: WebAssembly instantiated');
    expect(runCli(['--print-dialect', '.'], { cwd: dir, env })).toEqual({ status: 0, stdout: MIXED_TREE_DIALECTS, stderr: '' });
  });

  it('runs no rule: --fix with it rewrites nothing', () => {
    const dir = mixedTree();
    const file = path.join(dir, 'plain-autoincrement.sql');
    const source = 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n';
    writeFileSync(file, source);
    const run = runCli(['--print-dialect', '--fix', 'plain-autoincrement.sql'], { cwd: dir });
    expect(run).toEqual({ status: 0, stdout: 'plain-autoincrement.sql: tsql (default for *.sql)\n', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(source);
  });
});
