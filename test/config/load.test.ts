import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { tempDir } from '../support/temp-dir.js';

function tree(files: Record<string, string>): string {
  const root = tempDir('config');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('config loading', () => {
  it('finds schema-lint.config.json upwards from the working folder', () => {
    const root = tree({ 'schema-lint.config.json': '{ "defaultDialect": "sqlite" }', 'a/b/x.sql': '' });
    const resolved = loadConfig(path.join(root, 'a', 'b'));
    expect(resolved).toEqual({ config: { defaultDialect: 'sqlite' }, filePath: path.join(root, 'schema-lint.config.json'), baseDir: root });
  });

  it('reads package.json#schemaLint and normalises dialect aliases', () => {
    const root = tree({ 'package.json': JSON.stringify({ name: 'x', schemaLint: { defaultDialect: 'mssql', owners: { svc: 'sqlserver' } } }) });
    expect(loadConfig(root).config).toEqual({ defaultDialect: 'tsql', owners: { svc: 'tsql' } });
  });

  it('a package.json without the key does not stop the search', () => {
    const root = tree({ 'schema-lint.config.json': '{ "sqlserverVersion": "2022" }', 'pkg/package.json': '{ "name": "x" }' });
    expect(loadConfig(path.join(root, 'pkg')).config).toEqual({ sqlserverVersion: '2022' });
  });

  it('names the offending key', () => {
    const root = tree({ 'schema-lint.config.json': JSON.stringify({ overrides: [{ files: ['*.sql'], dialekt: 'tsql' }] }) });
    expect(() => loadConfig(root)).toThrow(new ConfigError('Invalid config schema-lint.config.json: unknown key "dialekt" in "overrides.0".'));
  });

  it('rejects a bad severity and an explicit file that does not exist', () => {
    const root = tree({ 'schema-lint.config.json': JSON.stringify({ rules: { 'tsql/no-pragma': 'fatal' } }) });
    expect(() => loadConfig(root)).toThrow(
      new ConfigError('Invalid config schema-lint.config.json: "rules.tsql/no-pragma" must be one of "off", "warn", "error".'),
    );
    expect(() => loadConfig(root, 'missing.json')).toThrow('Cannot read config file missing.json: no such file.');
  });

  it('never executes a JavaScript config', () => {
    const root = tree({ 'schema-lint.config.js': 'throw new Error("executed")' });
    expect(loadConfig(root).filePath).toBeUndefined();
  });
});
