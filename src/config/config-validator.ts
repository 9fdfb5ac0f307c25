import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../package-info.js';

export interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** A validator module written by `npm run build`, with the schema text it was generated from. */
type PrecompiledValidator = Validator & { schemaText?: unknown };

/** The precompiled validator's file in dist/bundle/, where `npm run build` (scripts/bundle-cli.mjs) writes it with the bundle. */
export const PRECOMPILED_VALIDATOR_FILE = 'config-validator.cjs';

/** The options of both ways to the validator: the same options give the same checks and the same errors. */
const AJV_OPTIONS = { allErrors: false, strict: false };

const require = createRequire(import.meta.url);

let cached: Validator | undefined;

/**
 * The validator of `schema/config.schema.json`. Loading Ajv and compiling the schema took
 * ~90 ms of every run with a config file, so the build generates the validator's code once
 * (Ajv's standalone code) and a run only requires it (~5 ms). A run still compiles with Ajv
 * when there is no generated validator or it was made from another version of the schema.
 */
export function configValidator(): Validator {
  if (cached) return cached;
  const root = packageRoot();
  const schemaText = readFileSync(path.join(root, 'schema', 'config.schema.json'), 'utf8');
  cached = loadValidator(schemaText, path.join(root, 'dist', 'bundle', PRECOMPILED_VALIDATOR_FILE));
  return cached;
}

/** The precompiled validator when it was made from exactly `schemaText`, else one compiled now. */
export function loadValidator(schemaText: string, precompiledFile: string): Validator {
  return precompiled(schemaText, precompiledFile) ?? compile(schemaText);
}

function precompiled(schemaText: string, file: string): Validator | undefined {
  let loaded: PrecompiledValidator;
  try {
    loaded = require(file) as PrecompiledValidator;
  } catch {
    return undefined;
  }
  return loaded.schemaText === schemaText ? loaded : undefined;
}

function compile(schemaText: string): Validator {
  const Ajv = require('ajv') as new (options: object) => { compile(schema: object): Validator };
  return new Ajv(AJV_OPTIONS).compile(JSON.parse(schemaText) as object);
}

/**
 * The CommonJS source of a module exporting the validator of `schemaText` (build time only):
 * Ajv's standalone code, which requires nothing but Ajv's small runtime helpers, plus the
 * schema text it was made from, so a run can tell it is current.
 */
export function precompiledValidatorSource(schemaText: string): string {
  const Ajv = require('ajv') as new (options: object) => { compile(schema: object): Validator };
  const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: object, validate: Validator) => string }).default;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(JSON.parse(schemaText) as object);
  return `${standaloneCode(ajv, validate)}\nmodule.exports.schemaText = ${JSON.stringify(schemaText)};\n`;
}
