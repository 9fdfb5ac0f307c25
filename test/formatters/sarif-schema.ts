import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type AjvDraft04Module from 'ajv-draft-04';
import type addFormatsModule from 'ajv-formats';

// Both packages are CommonJS whose default export TypeScript's NodeNext typing and the
// runtime disagree on; require() gives the class and the plugin function as they are.
const require = createRequire(import.meta.url);
const AjvDraft04 = require('ajv-draft-04') as typeof AjvDraft04Module.default;
const addFormats = require('ajv-formats') as typeof addFormatsModule.default;

/**
 * The OASIS SARIF 2.1.0 schema lives in `shared/data/` beside the repository (CI clones the
 * repository with a copy of `shared/` next to it), so it is found relative to the repository
 * root, never by an absolute path. A missing schema throws: the check must fail, not pass.
 */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SARIF_SCHEMA_PATH = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'sarif-schema-2.1.0.json');

export type SarifValidator = (log: unknown) => string[];

export function loadSarifValidator(): SarifValidator {
  if (!existsSync(SARIF_SCHEMA_PATH)) throw new Error(`SARIF schema not found at ${SARIF_SCHEMA_PATH}`);
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as { $schema?: string };
  if (schema.$schema !== 'http://json-schema.org/draft-04/schema#') {
    throw new Error(`expected a draft-04 schema, found ${schema.$schema}`);
  }
  // The schema is draft-04 (ajv-draft-04 reads it); its uri and date-time formats are checked too.
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (log) => {
    if (validate(log)) return [];
    return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim());
  };
}
