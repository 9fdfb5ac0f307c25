import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadValidator, precompiledValidatorSource, type Validator } from '../../src/config/config-validator.js';
import { repoRoot } from '../support/cli.js';

const schemaText = readFileSync(path.join(repoRoot, 'schema', 'config.schema.json'), 'utf8');

/** Configs the schema accepts and rejects for different reasons (keys, enums, oneOf, types, minLength, nesting). */
const SAMPLES: unknown[] = [
  {},
  { defaultDialect: 'mssql', sqlserverVersion: '2022' },
  { defaultDialect: 'postgres' },
  { rules: { 'tsql/no-pragma': 'error', 'core/x': ['warn', { a: 1 }], 'core/y': 2 } },
  { rules: { 'tsql/no-pragma': 'fatal' } },
  { rules: { 'tsql/no-pragma': [] } },
  { rules: { 'tsql/no-pragma': 7 } },
  { overrides: [{ files: ['*.sql'], dialect: 'sqlite' }] },
  { overrides: [{ files: ['*.sql'], dialekt: 'tsql' }] },
  { overrides: [{ files: [''] }] },
  { ignores: 'not-a-list' },
  { owners: { svc: 'sqlserver', other: 'oracle' } },
  { unknownKey: true },
  [],
  'text',
  null,
];

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'schema-lint-validator-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function outcome(validate: Validator, config: unknown) {
  return { valid: validate(config), errors: validate.errors ?? null };
}

describe('the config validator', () => {
  it('precompiled at build time, judges every sample exactly as Ajv compiling the schema at run time', () => {
    // Evaluated as Node would require it, with require resolving from here (it requires Ajv's runtime helpers).
    const module = { exports: {} as Validator & { schemaText?: string } };
    new Function('module', 'exports', 'require', precompiledValidatorSource(schemaText))(module, module.exports, createRequire(import.meta.url));
    const precompiled = module.exports;
    expect(precompiled.schemaText).toBe(schemaText);
    const compiled = loadValidator(schemaText, path.join(dir, 'none.cjs'));
    for (const sample of SAMPLES) expect(outcome(precompiled, sample), JSON.stringify(sample)).toEqual(outcome(compiled, sample));
    expect(SAMPLES.filter((sample) => precompiled(sample)).length).toBeGreaterThan(2);
    expect(SAMPLES.filter((sample) => !precompiled(sample)).length).toBeGreaterThan(8);
  });

  it('is the precompiled module when it was made from this very schema text', () => {
    const file = path.join(dir, 'config-validator.cjs');
    writeFileSync(file, `module.exports = function acceptsAll() { return true; };\nmodule.exports.schemaText = ${JSON.stringify(schemaText)};\n`);
    expect(loadValidator(schemaText, file)({ unknownKey: true })).toBe(true);
  });

  it('is compiled from the schema when the precompiled module is from another schema, or missing', () => {
    const file = path.join(dir, 'config-validator.cjs');
    writeFileSync(file, `module.exports = function acceptsAll() { return true; };\nmodule.exports.schemaText = ${JSON.stringify(`${schemaText} `)};\n`);
    expect(loadValidator(schemaText, file)({ unknownKey: true })).toBe(false);
    expect(loadValidator(schemaText, path.join(dir, 'missing.cjs'))({ unknownKey: true })).toBe(false);
  });
});
