import { describe, expect, it } from 'vitest';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import type { ColumnModel } from '../../src/model/schema.js';
import { holdsSecret, isCredentialsDatabase, securityFindings } from '../../src/parity/security.js';

const column = (name: string): ColumnModel => ({ name, nullable: true, comments: [], ref: { file: 'f', line: 1, column: 1, offset: 0 } });

describe('holdsSecret', () => {
  it('recognises secrets by the end of the column name, in any case style', () => {
    for (const name of ['password', 'user_password', 'apiKey', 'API_KEY', 'api-key', 'webhook_secret', 'access_token', 'credential_value', 'private_key', 'pwd', 'ConnectionString']) {
      expect(holdsSecret(column(name)), name).toBe(true);
    }
  });
  it('does not take references, hashes and metadata for secrets', () => {
    for (const name of ['password_hash', 'token_type', 'api_key_id', 'secret_name', 'credential_id', 'password_changed_at', 'tokens_used', 'keyword']) {
      expect(holdsSecret(column(name)), name).toBe(false);
    }
  });
});

describe('isCredentialsDatabase', () => {
  it('looks at folder and file names relative to the project', () => {
    expect(isCredentialsDatabase('src/Database/Credentials/schema.sql')).toBe(true);
    expect(isCredentialsDatabase('db/credentials.sqlite.sql')).toBe(true);
    expect(isCredentialsDatabase('src/Database/schema.sql')).toBe(false);
    expect(isCredentialsDatabase('credential-rotation-service/db/schema.sql')).toBe(false);
    expect(isCredentialsDatabase('credentials_db/schema.sqlite.sql')).toBe(true);
  });
});

describe('securityFindings', () => {
  const target = (text: string, baseFile = 'Credentials/schema.sqlite.sql') => ({ dialect: 'sqlite' as const, model: buildSqliteModel(text, baseFile), baseFile });

  it('accepts a secret stored as bytes, or next to an encryption marker', () => {
    const audit = 'CREATE TABLE access_log (id INTEGER);\n';
    expect(securityFindings(target(`${audit}CREATE TABLE c (api_key BLOB);`), true, undefined)).toEqual([]);
    expect(securityFindings(target(`${audit}CREATE TABLE c (api_key TEXT, encryption_iv BLOB);`), true, undefined)).toEqual([]);
    expect(securityFindings(target(`${audit}CREATE TABLE c (api_key TEXT, is_encrypted INTEGER);`), true, undefined)).toEqual([]);
    expect(securityFindings(target(`${audit}CREATE TABLE c (api_key TEXT);`), true, undefined).map((f) => [f.ruleId, f.at.line])).toEqual([
      ['security/unencrypted-credential', 2],
    ]);
  });

  it('reports a credentials database without an audit table at its first table', () => {
    const findings = securityFindings(target('\nCREATE TABLE c (name TEXT);\nCREATE TABLE d (x INT);'), true, undefined);
    expect(findings.map((f) => [f.ruleId, f.at.line, f.at.column])).toEqual([['security/no-credential-audit-log', 2, 1]]);
    expect(securityFindings(target('CREATE TABLE credential_audit (x INT);'), true, undefined)).toEqual([]);
    expect(securityFindings(target('-- empty'), true, undefined)).toEqual([]);
  });

  it('reports secrets elsewhere only when the project has a credentials database', () => {
    const main = target('CREATE TABLE users (name TEXT,\n  password TEXT);', 'Database/schema.sqlite.sql');
    expect(securityFindings(main, false, undefined)).toEqual([]);
    const findings = securityFindings(main, false, 'Database/Credentials/schema.sqlite.sql');
    expect(findings.map((f) => [f.ruleId, f.at.line, f.at.column, f.data.credentials])).toEqual([
      ['security/secret-outside-credentials', 2, 3, 'Credentials/schema.sqlite.sql'],
    ]);
  });
});
