import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDialect } from '../sql/dialect.js';
import type { ResolvedConfig, SchemaLintConfig } from './config.js';
import { configValidator, type SchemaError } from './config-validator.js';

/** A configuration problem: the CLI prints its message and exits 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const CONFIG_FILE_NAME = 'schema-lint.config.json';

/**
 * Finds the configuration the way ESLint finds a flat config: the first folder, from `cwd`
 * upwards, holding `schema-lint.config.json` or a package.json with a `schemaLint` key.
 * Configuration is JSON only: nothing in it is ever executed.
 */
export function loadConfig(cwd: string, explicitFile?: string): ResolvedConfig {
  if (explicitFile) {
    const filePath = path.resolve(cwd, explicitFile);
    if (!existsSync(filePath)) throw new ConfigError(`Cannot read config file ${explicitFile}: no such file.`);
    const raw = readJson(filePath);
    const config = path.basename(filePath) === 'package.json' ? pickPackageKey(raw, filePath) : raw;
    return { config: validate(config ?? {}, filePath), filePath, baseDir: path.dirname(filePath) };
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const configPath = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(configPath)) {
      return { config: validate(readJson(configPath), configPath), filePath: configPath, baseDir: dir };
    }
    const packagePath = path.join(dir, 'package.json');
    if (existsSync(packagePath)) {
      const fromPackage = pickPackageKey(readJson(packagePath), packagePath);
      if (fromPackage !== undefined) {
        return { config: validate(fromPackage, packagePath), filePath: packagePath, baseDir: dir };
      }
    }
    if (path.dirname(dir) === dir) break;
  }
  return { config: {}, baseDir: path.resolve(cwd) };
}

function readJson(filePath: string): unknown {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read config file ${filePath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`Config file ${filePath} is not valid JSON: ${(error as Error).message}.`);
  }
}

function pickPackageKey(raw: unknown, filePath: string): unknown {
  if (raw === null || typeof raw !== 'object') throw new ConfigError(`${filePath} is not a JSON object.`);
  return (raw as Record<string, unknown>).schemaLint;
}

/** Validates against the shipped JSON Schema; the first problem names its key. Only runs with a config file get here. */
function validate(config: unknown, filePath: string): SchemaLintConfig {
  const check = configValidator();
  if (!check(config)) {
    const error = check.errors?.[0];
    throw new ConfigError(`Invalid config ${path.basename(filePath)}: ${describe(error)}.`);
  }
  return normalizeDialects(config as SchemaLintConfig);
}

function describe(error: SchemaError | undefined): string {
  if (!error) return 'it does not match the configuration schema';
  const where = error.instancePath ? `"${pointerToPath(error.instancePath)}"` : 'the top level';
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    const at = error.instancePath ? ` in ${where}` : '';
    return `unknown key "${key}"${at}`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
    return `${where} must be one of ${allowed}`;
  }
  if (error.keyword === 'oneOf' || error.keyword === 'type') {
    return `${where} has a wrong value (${error.message ?? 'wrong type'})`;
  }
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** `/rules/tsql~1no-pragma` (a JSON pointer) → `rules.tsql/no-pragma`. */
function pointerToPath(pointer: string): string {
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** Accepted aliases (mssql, sqlserver...) become the canonical dialect names once, here. */
function normalizeDialects(config: SchemaLintConfig): SchemaLintConfig {
  const canonical = (name: string | undefined) => (name === undefined ? undefined : parseDialect(name));
  const result: SchemaLintConfig = { ...config };
  if (config.defaultDialect) result.defaultDialect = canonical(config.defaultDialect);
  if (config.owners) {
    result.owners = Object.fromEntries(Object.entries(config.owners).map(([user, d]) => [user, canonical(d)!]));
  }
  if (config.overrides) {
    result.overrides = config.overrides.map((override) =>
      override.dialect ? { ...override, dialect: canonical(override.dialect) } : override,
    );
  }
  return result;
}
