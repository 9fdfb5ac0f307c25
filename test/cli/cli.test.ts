import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp-dir.js';

const example = 'fixtures/example/src/Database';

interface JsonResult {
  filePath: string;
  dialect: string;
  dialectSource: string;
  messages: { ruleId: string | null; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number }[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

describe('schema-lint on the example tree', () => {
  const run = runCli([example, '--format', 'json']);
  const results = JSON.parse(run.stdout) as JsonResult[];
  const byName = (name: string) => results.find((r) => r.filePath.endsWith(name))!;

  it('exits 1 because the update script has errors', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
  });

  it('lints every schema file of the seed layout, each with its dialect and the reason', () => {
    expect(results.map((r) => [path.relative(path.join(repoRoot, example), r.filePath), r.dialect, r.dialectSource])).toEqual([
      ['Credentials/schema.sql', 'tsql', 'file name schema.sql'],
      ['Credentials/schema.sqlite.sql', 'sqlite', 'file name *.sqlite.sql'],
      ['ai_schema_updates.sql', 'tsql', 'default for *.sql'],
      ['schema.sql', 'tsql', 'file name schema.sql'],
      ['schema.sqlite.sql', 'sqlite', 'file name *.sqlite.sql'],
      ['schema_mssql.sql', 'tsql', 'file name *_mssql.sql'],
    ]);
  });

  it('reports nothing on the valid files', () => {
    for (const name of ['Credentials/schema.sql', 'Credentials/schema.sqlite.sql', '/schema.sql', '/schema.sqlite.sql', 'schema_mssql.sql']) {
      expect(byName(name).messages, name).toEqual([]);
    }
  });

  it('reports every SQLite construct of the update script on its line', () => {
    const update = byName('ai_schema_updates.sql');
    const errorLines = [...new Set(update.messages.filter((m) => m.severity === 2).map((m) => m.line))];
    // ADD COLUMN ×3, BOOLEAN, FALSE, IF NOT EXISTS, AUTOINCREMENT, datetime('now'), IF NOT EXISTS, INSERT OR IGNORE
    expect(errorLines).toEqual([4, 5, 6, 8, 9, 13, 16, 18]);
    expect(update.messages.find((m) => m.ruleId === 'tsql/no-autoincrement')).toMatchObject({
      line: 9,
      column: 28,
      endLine: 9,
      endColumn: 41,
      message: "SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'.",
    });
    expect(update.errorCount).toBe(update.messages.filter((m) => m.severity === 2).length);
  });

  it('prints a code frame and the rewrite in the default format', () => {
    const stylish = runCli([example]);
    expect(stylish.status).toBe(1);
    expect(stylish.stdout).toContain('fixtures/example/src/Database/ai_schema_updates.sql (T-SQL: default for *.sql)');
    expect(stylish.stdout).toContain(
      [
        "error: SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'. [tsql/no-autoincrement]",
        '  --> fixtures/example/src/Database/ai_schema_updates.sql:9:28',
        '     8 | CREATE TABLE IF NOT EXISTS signal_features (',
        '  >  9 |     id INTEGER PRIMARY KEY AUTOINCREMENT,',
        '       |                            ^^^^^^^^^^^^^',
        '    10 |     signal_id INTEGER NOT NULL REFERENCES signals (id),',
        '  help: Write the column as INT IDENTITY(1,1) PRIMARY KEY.',
      ].join('\n'),
    );
    expect(stylish.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings?\) in 1 file\n/);
  });

  it('answers why each file has its dialect', () => {
    const run = runCli([`${example}/Credentials`, '--print-dialect']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'fixtures/example/src/Database/Credentials/schema.sql: tsql (file name schema.sql)\n' +
        'fixtures/example/src/Database/Credentials/schema.sqlite.sql: sqlite (file name *.sqlite.sql)\n',
    );
  });
});

describe('exit codes and one-line errors', () => {
  it('exits 0 with no output on a clean file', () => {
    const dir = tempDir('cli');
    writeFileSync(path.join(dir, 'clean.sql'), 'CREATE TABLE t (id INT IDENTITY(1,1) PRIMARY KEY);\n');
    expect(runCli(['clean.sql'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('exits 2 for a missing path, in one line', () => {
    const run = runCli(['no/such/dir']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('schema-lint: No files matching the pattern "no/such/dir" were found.\n');
    expect(runCli(['no/such/dir', '--no-error-on-unmatched-pattern']).status).toBe(0);
  });

  it('exits 2 for a bad config, naming the key', () => {
    const dir = tempDir('cli');
    writeFileSync(path.join(dir, 'a.sql'), 'SELECT 1;\n');
    writeFileSync(path.join(dir, 'schema-lint.config.json'), JSON.stringify({ defaultDialect: 'tsql', colour: true }));
    const unknownKey = runCli(['a.sql'], { cwd: dir });
    expect(unknownKey.status).toBe(2);
    expect(unknownKey.stderr).toBe('schema-lint: Invalid config schema-lint.config.json: unknown key "colour".\n');

    writeFileSync(path.join(dir, 'schema-lint.config.json'), JSON.stringify({ sqlserverVersion: '2012' }));
    const badValue = runCli(['a.sql'], { cwd: dir });
    expect(badValue.status).toBe(2);
    expect(badValue.stderr).toBe(
      'schema-lint: Invalid config schema-lint.config.json: "sqlserverVersion" must be one of "2016", "2017", "2019", "2022", "2025", "azure".\n',
    );

    writeFileSync(path.join(dir, 'schema-lint.config.json'), '{ "rules": ');
    const broken = runCli(['a.sql'], { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^schema-lint: Config file .*schema-lint\.config\.json is not valid JSON: .*\n$/);

    writeFileSync(path.join(dir, 'schema-lint.config.json'), JSON.stringify({ rules: { 'tsql/no-such-rule': 'off' } }));
    const unknownRule = runCli(['a.sql'], { cwd: dir });
    expect(unknownRule.status).toBe(2);
    expect(unknownRule.stderr).toBe('schema-lint: Unknown rule "tsql/no-such-rule" in rules. Run "schema-lint rules" to list them.\n');
  });

  it('exits 2 for unknown options, formats and dialects', () => {
    expect(runCli(['--colour']).stderr).toMatch(/^schema-lint: Unknown option '--colour'/);
    expect(runCli(['--format', 'xml', example])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^schema-lint: Unknown format "xml"/) });
    // Names every object has are no formats either (they once reached Object.prototype).
    for (const name of ['__proto__', 'hasOwnProperty', 'constructor']) {
      expect(runCli(['--format', name, example])).toMatchObject({ status: 2, stderr: expect.stringMatching(new RegExp(`^schema-lint: Unknown format "${name}"`)) });
    }
    expect(runCli(['--dialect', 'oracle', example])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^schema-lint: Unknown dialect "oracle"/) });
    expect(runCli(['--dialect', '__proto__', example])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^schema-lint: Unknown dialect "__proto__"/) });
    expect(runCli(['--dialect', 'constructor', example])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^schema-lint: Unknown dialect "constructor"/) });
    expect(runCli(['--rule', '__proto__:error', example])).toMatchObject({ status: 2, stderr: 'schema-lint: Unknown rule "__proto__" in --rule. Run "schema-lint rules" to list them.\n' });
    expect(runCli(['--rule', 'tsql/no-limit:__proto__', example])).toMatchObject({ status: 2, stderr: expect.stringMatching(/severity must be off, warn or error, not "__proto__"/) });
  });

  it('prints the version and help', () => {
    const version = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version as string;
    expect(runCli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    expect(runCli(['--help']).stdout).toMatch(/^Usage: schema-lint \[options\] \[paths\.\.\.\]/);
  });
});

describe('options', () => {
  const sqliteInTsql = 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n';

  it('--dialect accepts the SQL Server aliases and forces the dialect', () => {
    const dir = tempDir('cli');
    writeFileSync(path.join(dir, 'a.sqlite.sql'), sqliteInTsql);
    for (const alias of ['mssql', 'sqlserver', 'transactsql', 'tsql']) {
      const run = runCli(['a.sqlite.sql', '--dialect', alias, '--format', 'json'], { cwd: dir });
      const [result] = JSON.parse(run.stdout) as JsonResult[];
      expect(result.dialect).toBe('tsql');
      expect(result.dialectSource).toBe('--dialect');
      expect(run.status).toBe(1);
    }
  });

  it('--rule turns a rule off or down; --quiet hides warnings; --max-warnings limits them', () => {
    const dir = tempDir('cli');
    writeFileSync(path.join(dir, 'a.sql'), sqliteInTsql);
    expect(runCli(['a.sql', '--rule', 'tsql/no-autoincrement:off']).status).toBe(2); // a.sql is not in the repo root
    // With the specific rule off, the grammar still says what SQL Server would: an error.
    const grammarOnly = runCli(['a.sql', '--rule', 'tsql/no-autoincrement:off', '--format', 'compact'], { cwd: dir });
    expect(grammarOnly).toMatchObject({ status: 1, stdout: "a.sql:1:40: error: Incorrect syntax near 'AUTOINCREMENT'. [tsql/syntax]\n" });
    expect(runCli(['a.sql', '--rule', 'tsql/no-autoincrement:off,tsql/syntax:off'], { cwd: dir }).status).toBe(0);
    // A specific rule turned down to a warning does not hide what the grammar says (only an
    // error explains a line), so the grammar is switched off to watch the warning alone.
    const warned = runCli(['a.sql', '--rule', 'tsql/no-autoincrement:warn,tsql/syntax:off', '--format', 'json'], { cwd: dir });
    expect(warned.status).toBe(0);
    expect((JSON.parse(warned.stdout) as JsonResult[])[0].messages.some((m) => m.ruleId === 'tsql/no-autoincrement' && m.severity === 1)).toBe(true);
    expect(runCli(['a.sql', '--rule', 'tsql/no-autoincrement:warn,tsql/syntax:off', '--max-warnings', '0'], { cwd: dir })).toMatchObject({
      status: 1,
      stderr: 'schema-lint found too many warnings (maximum: 0).\n',
    });
    expect(runCli(['a.sql', '--rule', 'tsql/no-autoincrement:warn,tsql/syntax:off', '--quiet'], { cwd: dir }).stdout).toBe('');
    expect(runCli(['a.sql', '--rule', 'nonsense'], { cwd: dir })).toMatchObject({ status: 2 });
  });

  it('--stdin lints standard input as the file --stdin-filename names', () => {
    const run = runCli(['--stdin', '--stdin-filename', 'db/schema.sqlite.sql', '--format', 'json'], {
      input: 'CREATE TABLE t (id INT IDENTITY(1,1) PRIMARY KEY);\n',
    });
    const [result] = JSON.parse(run.stdout) as JsonResult[];
    expect(result.filePath).toBe(path.join(repoRoot, 'db/schema.sqlite.sql'));
    expect(result.dialect).toBe('sqlite');
    expect(result.dialectSource).toBe('file name *.sqlite.sql');
  });

  describe('--stdin gets the notices a file of the same bytes gets', () => {
    // Each as a path and on standard input under the path's name: the same report, the same exit code.
    const asPathAndStdin = (bytes: Buffer, args: string[]) => {
      const dir = tempDir('cli');
      writeFileSync(path.join(dir, 'x.sql'), bytes);
      return {
        file: runCli(['x.sql', ...args], { cwd: dir }),
        stdin: runCli(['--stdin', '--stdin-filename', 'x.sql', ...args], { cwd: dir, input: bytes }),
      };
    };

    it('a NUL in the first 8 KiB: skipped as binary with one warning, not linted as empty', () => {
      const bytes = Buffer.concat([Buffer.from('SELECT 1;'), Buffer.from([0]), Buffer.from('abc')]);
      const { file, stdin } = asPathAndStdin(bytes, ['--format', 'compact']);
      expect(stdin).toEqual({ status: 0, stdout: 'x.sql:1:1: warning: File skipped: it holds NUL bytes, so it is binary, not SQL.\n', stderr: '' });
      expect(stdin).toEqual(file);
      // Without --stdin-filename the notice names standard input.
      expect(runCli(['--stdin', '--format', 'compact', '--max-warnings', '0'], { cwd: tempDir('cli'), input: bytes })).toEqual({
        status: 1,
        stdout: '<stdin>.sql:1:1: warning: File skipped: it holds NUL bytes, so it is binary, not SQL.\n',
        stderr: 'schema-lint found too many warnings (maximum: 0).\n',
      });
    });

    it('invalid UTF-8: linted with the "not valid UTF-8" warning', () => {
      const bytes = Buffer.concat([Buffer.from('-- caf'), Buffer.from([0xe9]), Buffer.from('\nCREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n')]);
      const { file, stdin } = asPathAndStdin(bytes, ['--format', 'compact', '--rule', 'core/dialect-mismatch:off']);
      expect(stdin).toEqual({
        status: 1,
        stdout: [
          'x.sql:1:1: warning: File is not valid UTF-8: undecodable bytes were read as U+FFFD; positions after them may be off.',
          "x.sql:2:40: error: SQL Server rejects AUTOINCREMENT: Incorrect syntax near 'AUTOINCREMENT'. [tsql/no-autoincrement]",
          '',
        ].join('\n'),
        stderr: '',
      });
      expect(stdin).toEqual(file);
    });
  });

  it('--fix rewrites the file in place and keeps its permissions; a second run changes nothing', () => {
    const dir = tempDir('cli');
    const target = path.join(dir, 'a.sql');
    writeFileSync(target, sqliteInTsql);
    chmodSync(target, 0o640);
    runCli(['a.sql', '--fix'], { cwd: dir });
    const fixed = readFileSync(target, 'utf8');
    expect(fixed).toBe('CREATE TABLE t (id INT IDENTITY(1,1) PRIMARY KEY);\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    runCli(['a.sql', '--fix'], { cwd: dir });
    expect(readFileSync(target, 'utf8')).toBe(fixed);
  });

  it('--fix-dry-run leaves the file alone and shows the output in JSON', () => {
    const dir = tempDir('cli');
    writeFileSync(path.join(dir, 'a.sql'), sqliteInTsql);
    const run = runCli(['a.sql', '--fix-dry-run', '--format', 'json'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'a.sql'), 'utf8')).toBe(sqliteInTsql);
    expect((JSON.parse(run.stdout) as { output?: string }[])[0].output).toBe('CREATE TABLE t (id INT IDENTITY(1,1) PRIMARY KEY);\n');
  });

  it('delivers a large report whole through a pipe', () => {
    const dir = tempDir('cli');
    writeFileSync(path.join(dir, 'big.sql'), sqliteInTsql.repeat(20_000));
    const run = runCli(['big.sql', '--format', 'json'], { cwd: dir });
    const [result] = JSON.parse(run.stdout) as JsonResult[];
    expect(result.messages.filter((m) => m.ruleId === 'tsql/no-autoincrement')).toHaveLength(20_000);
  });
});
