import { readFileSync, readdirSync, statSync } from 'node:fs';
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SchemaLintConfig } from '../../src/config/config.js';
import type { LintResult } from '../../src/engine/diagnostic.js';
import { applyParity, checkParity, type ParityFile } from '../../src/parity/check-parity.js';
import type { Dialect } from '../../src/sql/dialect.js';

const FIXTURES = path.resolve('fixtures/parity');

/** The .sql files under a fixture folder (or the listed ones), judged by name as the CLI would. */
function filesOf(folder: string, only?: string[]): ParityFile[] {
  const root = path.join(FIXTURES, folder);
  const out: ParityFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.sql') && (!only || only.includes(path.relative(root, full)))) {
        const dialect: Dialect = /\.sqlite\.sql$/.test(name) ? 'sqlite' : 'tsql';
        out.push({ filePath: full, dialect, text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return out;
}

/** `file:line:column rule message`, file relative to the fixture folder, sorted. */
function run(folder: string, config: SchemaLintConfig = {}, only?: string[], files = filesOf(folder, only)): string[] {
  const baseDir = path.join(FIXTURES, folder);
  const lines: string[] = [];
  for (const [filePath, diagnostics] of checkParity(files, { config, baseDir })) {
    for (const d of diagnostics) lines.push(`${path.relative(baseDir, filePath)}:${d.line}:${d.column} ${d.ruleId} ${d.message}`);
  }
  return lines.sort();
}

const DRIFT_CONFIG: SchemaLintConfig = JSON.parse(readFileSync(path.join(FIXTURES, 'drift/schema-lint.config.json'), 'utf8'));

describe('checkParity: a drifted pair with a follow-up script', () => {
  it('reports each drift on the file that lacks or differs, at the nearest object, naming the counterpart', () => {
    expect(run('drift', DRIFT_CONFIG)).toEqual([
      // positions exists only in SQLite: reported where it would go in T-SQL, after signals.
      'schema.sql:12:5 parity/type-mismatch column signals.price is DECIMAL(18, 8) (decimal) here but TEXT (text) in schema.sqlite.sql:10; the type mapping does not pair them.',
      'schema.sql:13:5 parity/nullability column signals.note is nullable here but NOT NULL in schema.sqlite.sql:11.',
      'schema.sql:18:1 parity/index index IX_signals_instrument on signals is (instrument_id, received_at DESC) here but (instrument_id, received_at) in schema.sqlite.sql:21.',
      'schema.sql:9:1 parity/missing-table table positions is defined in schema.sqlite.sql:15 but not here.',
      'schema.sqlite.sql:10:5 parity/type-mismatch column signals.price is TEXT (text) here but DECIMAL(18, 8) (decimal) in schema.sql:12; the type mapping does not pair them.',
      'schema.sqlite.sql:11:5 parity/nullability column signals.note is NOT NULL here but nullable in schema.sql:13.',
      'schema.sqlite.sql:21:1 parity/index index IX_signals_instrument on signals is (instrument_id, received_at) here but (instrument_id, received_at DESC) in schema.sql:18.',
      'schema.sqlite.sql:2:1 parity/missing-column column instruments.exchange is defined in schema.sql:5 but not here.',
      // The follow-up script adds a column on the SQL Server side only.
      'schema.sqlite.sql:7:1 parity/missing-column column signals.confidence is defined in ai_schema_updates.sql:2 but not here.',
    ]);
  });

  it('gives each diagnostic a span, a severity from the rule and a help line', () => {
    const baseDir = path.join(FIXTURES, 'drift');
    const diagnostics = checkParity(filesOf('drift'), { config: DRIFT_CONFIG, baseDir }).get(path.join(baseDir, 'schema.sqlite.sql')) ?? [];
    const price = diagnostics.find((d) => d.ruleId === 'parity/type-mismatch');
    expect(price).toMatchObject({ severity: 2, line: 10, column: 5, endLine: 10, endColumn: 24 });
    expect(price?.help).toBe('Declare it as DECIMAL(18, 8) here (the mapping in docs/parity.md), or list "signals.price" in parityAllow.');
    const note = diagnostics.find((d) => d.ruleId === 'parity/nullability');
    expect(note?.severity).toBe(1);
    // A CREATE's span ends before the `(` that opens its body.
    const table = diagnostics.find((d) => d.ruleId === 'parity/missing-column' && d.line === 2);
    expect(table).toMatchObject({ column: 1, endColumn: 39 });
  });

  it("adopts a linted script next to the base that ALTERs its tables as a follow-up, as the seed's ai_schema_updates.sql", () => {
    expect(run('drift', {})).toEqual(run('drift', DRIFT_CONFIG));
  });

  it('without the follow-up script linted or configured, the update is not part of the model', () => {
    const lines = run('drift', {}, ['schema.sql', 'schema.sqlite.sql']);
    expect(lines.some((line) => line.includes('confidence'))).toBe(false);
    expect(lines.filter((line) => line.includes('parity/missing-table'))).toHaveLength(1);
  });

  it('takes follow-up scripts as globs', () => {
    expect(run('drift', { pairs: [{ tsql: 'schema.sql', sqlite: 'schema.sqlite.sql', tsqlUpdates: ['ai_*.sql'] }] })).toEqual(run('drift', DRIFT_CONFIG));
  });

  it('parityAllow silences a table or a column', () => {
    const lines = run('drift', { ...DRIFT_CONFIG, parityAllow: ['positions', 'signals.note', 'dbo.instruments.EXCHANGE', '*.confidence'] });
    expect(lines.filter((line) => /positions|note|exchange|confidence/.test(line))).toEqual([]);
    expect(lines.filter((line) => line.includes('signals.price'))).toHaveLength(2);
  });

  it('reads a parityAllow list changed in place since the last run (a long-lived caller keeps one config object)', () => {
    const entries = ['positions', 'signals.note', 'dbo.instruments.EXCHANGE', '*.confidence'];
    const config: SchemaLintConfig = { ...DRIFT_CONFIG, parityAllow: [] };
    expect(run('drift', config).filter((line) => /positions|note|exchange|confidence/.test(line)).length).toBeGreaterThan(0);
    config.parityAllow?.push(...entries);
    // The list object was the key of the compiled list kept from the run before: its answers were the empty list's.
    expect(run('drift', config)).toEqual(run('drift', { ...DRIFT_CONFIG, parityAllow: entries }));
    config.parityAllow?.splice(0);
    expect(run('drift', config)).toEqual(run('drift', { ...DRIFT_CONFIG, parityAllow: [] }));
  });

  it('severity comes from the config: off drops a rule, overrides apply per file', () => {
    const lines = run('drift', {
      ...DRIFT_CONFIG,
      rules: { 'parity/index': 'off' },
      overrides: [{ files: ['*.sqlite.sql'], rules: { 'parity/type-mismatch': 'off' } }],
    });
    expect(lines.filter((line) => line.includes('parity/index'))).toEqual([]);
    expect(lines.filter((line) => line.includes('parity/type-mismatch'))).toEqual([
      expect.stringMatching(/^schema\.sql:12:5 /),
    ]);
  });

  it('inline directives switch parity rules off', () => {
    const files = filesOf('drift').map((file) =>
      file.filePath.endsWith('schema.sqlite.sql')
        ? { ...file, text: file.text.replace('    note TEXT NOT NULL,', '    note TEXT NOT NULL, -- schema-lint-disable-line parity/nullability') }
        : file,
    );
    const lines = run('drift', DRIFT_CONFIG, undefined, files);
    expect(lines.filter((line) => line.startsWith('schema.sqlite.sql:11:'))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('schema.sql:13:'))).toHaveLength(1);
  });

  it('reports only on linted files, reading an unlinted partner from disk', () => {
    const lines = run('drift', {}, ['schema.sqlite.sql']);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.startsWith('schema.sqlite.sql:'))).toBe(true);
  });
});

describe('checkParity: pairs that agree', () => {
  it('a consistent pair reports nothing', () => {
    expect(run('consistent')).toEqual([]);
  });

  it('an SSMS-scripted T-SQL database and its hand-written SQLite version, both with a credentials database, report nothing', () => {
    // Guarded CREATEs, ALTER TABLE ... ADD CONSTRAINT ... DEFAULT ... FOR, WITH CHECK ADD CONSTRAINT ... FOREIGN KEY,
    // CLUSTERED keys WITH (...) ON [PRIMARY], triggers in each dialect, encrypted credentials with an access log.
    expect(run('ssms-style')).toEqual([]);
  });

  it('a pair written in each dialect\'s idiom reports nothing', () => {
    // [brackets], dbo., NVARCHAR(MAX) vs TEXT, BIT vs INTEGER/BOOLEAN, IDENTITY vs AUTOINCREMENT,
    // GETDATE() vs CURRENT_TIMESTAMP / datetime('now'), ((1)) vs 1, FALSE vs 0, UNIQUE index vs constraint.
    expect(run('idiomatic')).toEqual([]);
  });
});

describe('checkParity: a T-SQL file written in SQLite (the seed\'s failure)', () => {
  it('reads the tables it declares instead of reporting each one missing', () => {
    expect(run('sqlite-written-schema')).toEqual([
      "schema.sqlite.sql:10:5 parity/default column orders.status has no default here but defaults to 'pending' in schema.sql:12.",
    ]);
  });
});

describe('checkParity: one tree per dialect', () => {
  it('pairs sqlite/init.sql with mssql/init.sql', () => {
    expect(run('dialect-folders')).toEqual(['sqlite/init.sql:2:1 parity/missing-column column notes.pinned is defined in ../mssql/init.sql:4 but not here.']);
  });
});

describe('checkParity: update scripts kept in both dialects', () => {
  it('folds updates.sql / updates.sqlite.sql into the schema pair they ALTER, side by side', () => {
    expect(run('update-pair')).toEqual([
      'schema.sqlite.sql:1:1 parity/missing-column column signals.model_name is defined in updates.sql:2 but not here.',
    ]);
  });
});

describe('checkParity: a follow-up script judged T-SQL but written for SQLite', () => {
  it('applies the columns it adds instead of reporting them missing', () => {
    expect(run('sqlite-written-update')).toEqual([]);
    // Without the script, both columns are missing on the T-SQL side.
    expect(run('sqlite-written-update', {}, ['schema.sql', 'schema.sqlite.sql'])).toHaveLength(2);
  });
});

describe('checkParity: tables neither reader can read', () => {
  const pair = (tsql: string): ParityFile[] => [
    { filePath: '/v/schema.sql', dialect: 'tsql', text: tsql },
    { filePath: '/v/schema.sqlite.sql', dialect: 'sqlite', text: 'CREATE TABLE a (x INT);\nCREATE TABLE positions (id INTEGER);' },
  ];
  const missing = (tsql: string) =>
    [...checkParity(pair(tsql), { config: {}, baseDir: '/v' }, { listFolder: () => [] }).values()]
      .flat()
      .filter((d) => d.ruleId === 'parity/missing-table')
      .map((d) => `${d.line}:${d.column} ${d.message}`);

  it('does not report a table as missing when its CREATE TABLE is there but unreadable', () => {
    expect(missing('CREATE TABLE a (x INT);\nCREATE TABLE [dbo].[positions] (id INT')).toEqual([]);
  });

  it('still reports a table that is only in a comment', () => {
    expect(missing('CREATE TABLE a (x INT);\n-- CREATE TABLE positions (id INT);\n/* CREATE TABLE positions (id INT); */')).toEqual([
      '1:1 table positions is defined in schema.sqlite.sql:2 but not here.',
    ]);
  });
});

describe('checkParity: expressions nested deeper than a descent per level allows', () => {
  it('compares a filtered index whose WHERE nests 2,000 parentheses instead of calling it missing', () => {
    const where = `${'('.repeat(2_000)}a > 0${')'.repeat(2_000)}`;
    const files: ParityFile[] = [
      { filePath: '/v/x.sql', dialect: 'tsql', text: `CREATE TABLE t (a INT NOT NULL);\nGO\nCREATE INDEX ix ON t (a) WHERE ${where};\nGO\n` },
      { filePath: '/v/x.sqlite.sql', dialect: 'sqlite', text: 'CREATE TABLE t (a INTEGER NOT NULL);\nCREATE INDEX ix ON t (a) WHERE (a > 0);\n' },
    ];
    // It had been 'x.sql:1:1 parity/index index ix on t (a) is defined in x.sqlite.sql:2 but not here.'
    expect([...checkParity(files, { config: {}, baseDir: '/v' }, { listFolder: () => [] }).values()].flat()).toEqual([]);
  });
});

describe('checkParity: missing counterpart', () => {
  it('warns on a schema.sql whose schema.sqlite.sql is missing', () => {
    expect(run('missing-counterpart')).toEqual([
      'schema.sql:2:1 parity/missing-counterpart this T-SQL schema has no SQLite version (schema.sqlite.sql is missing); a loader that falls back to running this file on SQLite fails on its T-SQL.',
    ]);
  });

  it('does not ask a plain T-SQL script in a T-SQL-only project for a SQLite version', () => {
    const file: ParityFile = { filePath: path.join(FIXTURES, 'missing-counterpart', 'reports.sql'), dialect: 'tsql', text: 'CREATE TABLE r (a INT);' };
    expect(run('missing-counterpart', {}, undefined, [file])).toEqual([]);
  });

  it('warns on a configured pair whose other file does not exist', () => {
    expect(run('missing-counterpart', { pairs: [{ tsql: 'schema.sql', sqlite: 'db/schema.sqlite.sql' }] })).toEqual([
      'schema.sql:2:1 parity/missing-counterpart this T-SQL schema has no SQLite version (db/schema.sqlite.sql is missing); a loader that falls back to running this file on SQLite fails on its T-SQL.',
    ]);
  });
});

describe('checkParity: the seed\'s security considerations', () => {
  it('reports secrets outside the credentials database, unencrypted credentials and a missing audit log', () => {
    expect(run('seed-layout')).toEqual([
      'Credentials/schema.sql:1:1 security/no-credential-audit-log this credentials database defines no audit-log table (a table named like credential_audit_log or access_log).',
      'Credentials/schema.sql:1:1 security/unencrypted-credential table credentials holds the secret column credential_value as NVARCHAR(MAX) with no encryption marker (no column such as is_encrypted or encryption_iv, no binary type).',
      'Credentials/schema.sqlite.sql:1:1 security/no-credential-audit-log this credentials database defines no audit-log table (a table named like credential_audit_log or access_log).',
      'Credentials/schema.sqlite.sql:1:1 security/unencrypted-credential table credentials holds the secret column credential_value as TEXT with no encryption marker (no column such as is_encrypted or encryption_iv, no binary type).',
      'schema.sql:4:5 security/secret-outside-credentials column webhooks.api_key looks like it holds a secret, but this is not the credentials database (Credentials/schema.sql).',
      'schema.sqlite.sql:4:5 security/secret-outside-credentials column webhooks.api_key looks like it holds a secret, but this is not the credentials database (Credentials/schema.sql).',
    ]);
  });

  it('accepts encrypted credentials with an audit log, and secrets kept by reference', () => {
    expect(run('encrypted-store')).toEqual([]);
  });

  it('takes the credentials database from the credentialsDatabase option when given', () => {
    const config: SchemaLintConfig = { rules: { 'security/secret-outside-credentials': ['warn', { credentialsDatabase: ['schema.sqlite.sql'] }] } };
    const lines = run('seed-layout', config);
    // Now the main SQLite file is the credentials database: its api_key is where it belongs (but unencrypted, with no audit log)...
    expect(lines.filter((line) => line.startsWith('schema.sqlite.sql:'))).toEqual([
      'schema.sqlite.sql:1:1 security/no-credential-audit-log this credentials database defines no audit-log table (a table named like credential_audit_log or access_log).',
      'schema.sqlite.sql:1:1 security/unencrypted-credential table webhooks holds the secret column api_key as TEXT with no encryption marker (no column such as is_encrypted or encryption_iv, no binary type).',
    ]);
    // ...and every other file is outside it, the Credentials folder included: the option replaces the convention.
    expect(lines.filter((line) => line.includes('secret-outside-credentials'))).toEqual([
      'Credentials/schema.sql:4:5 security/secret-outside-credentials column credentials.credential_value looks like it holds a secret, but this is not the credentials database (../schema.sqlite.sql).',
      'Credentials/schema.sqlite.sql:4:5 security/secret-outside-credentials column credentials.credential_value looks like it holds a secret, but this is not the credentials database (../schema.sqlite.sql).',
      'schema.sql:4:5 security/secret-outside-credentials column webhooks.api_key looks like it holds a secret, but this is not the credentials database (schema.sqlite.sql).',
    ]);
  });

  it('reads a credentialsDatabase option of 150,000 globs (they were spread as arguments)', () => {
    const globs = [...new Array<string>(149_999).fill('archive/*.sqlite.sql'), 'schema.sqlite.sql'];
    const config: SchemaLintConfig = { rules: { 'security/secret-outside-credentials': ['warn', { credentialsDatabase: globs }] } };
    expect(run('seed-layout', config).filter((line) => line.startsWith('schema.sqlite.sql:'))).toEqual([
      'schema.sqlite.sql:1:1 security/no-credential-audit-log this credentials database defines no audit-log table (a table named like credential_audit_log or access_log).',
      'schema.sqlite.sql:1:1 security/unencrypted-credential table webhooks holds the secret column api_key as TEXT with no encryption marker (no column such as is_encrypted or encryption_iv, no binary type).',
    ]);
  });

  it('does not report secrets in a project without a credentials database', () => {
    // Linting only the main database: no credentials database is known, so api_key has nowhere better to live.
    expect(run('seed-layout', {}, ['schema.sql', 'schema.sqlite.sql'])).toEqual([]);
  });
});

describe('applyParity', () => {
  it('merges the diagnostics into lint results, sorted and counted', () => {
    const baseDir = path.join(FIXTURES, 'drift');
    const results: LintResult[] = filesOf('drift').map((file) => ({
      filePath: file.filePath,
      dialect: file.dialect,
      dialectSource: 'test',
      messages: [],
      errorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      source: file.text,
    }));
    applyParity(results, { config: DRIFT_CONFIG, baseDir });
    const sqlite = results.find((result) => result.filePath.endsWith('schema.sqlite.sql')) as LintResult;
    expect(sqlite.messages.map((m) => m.line)).toEqual([2, 7, 10, 11, 21]);
    expect([sqlite.errorCount, sqlite.warningCount]).toEqual([3, 2]);
    const updates = results.find((result) => result.filePath.endsWith('ai_schema_updates.sql')) as LintResult;
    expect(updates.messages).toEqual([]);
  });
});

describe('checkParity: hostile input', () => {
  const pieces = [
    'CREATE TABLE', 'CREATE UNIQUE INDEX ix ON', 'CREATE VIEW v AS SELECT', 'ALTER TABLE', 'ADD', 'DROP TABLE', 'IF OBJECT_ID(N\'t\') IS NULL',
    't', 'u', '[dbo].[t]', '"t"', '(', ')', ',', ';', 'GO\n', 'a INT', 'b TEXT NOT NULL', 'c NVARCHAR(MAX) DEFAULT GETDATE()',
    'PRIMARY KEY', 'REFERENCES u (a) ON DELETE CASCADE', 'CHECK (a > 0)', 'IDENTITY(1,1)', 'AUTOINCREMENT', 'WHERE a = 1', 'password TEXT',
  ];
  it('never throws, whatever the two files hold', () => {
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(text, text, (tsql, sqlite) => {
        const files: ParityFile[] = [
          { filePath: '/virtual/Credentials/schema.sql', dialect: 'tsql', text: tsql },
          { filePath: '/virtual/Credentials/schema.sqlite.sql', dialect: 'sqlite', text: sqlite },
          { filePath: '/virtual/main.sqlite.sql', dialect: 'sqlite', text: sqlite },
        ];
        checkParity(files, { config: {}, baseDir: '/virtual' }, { listFolder: () => [], readFile: () => undefined });
      }),
      { numRuns: 500 },
    );
  });
});
