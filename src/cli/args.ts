import { parseArgs } from 'node:util';
import type { Concurrency } from '../api/parallel.js';
import type { RuleSetting } from '../config/config.js';
import { DIALECT_ALIASES, parseDialect, type Dialect } from '../sql/dialect.js';

/** A command-line mistake: printed in one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliOptions {
  paths: string[];
  dialect?: Dialect;
  format: string;
  config?: string;
  rules: Record<string, RuleSetting>;
  quiet: boolean;
  maxWarnings?: number;
  errorOnUnmatchedPattern: boolean;
  fix: boolean;
  fixDryRun: boolean;
  outputFile?: string;
  stdin: boolean;
  stdinFilename?: string;
  color?: boolean;
  printDialect: boolean;
  cache: boolean;
  cacheLocation?: string;
  concurrency: Concurrency;
  help: boolean;
  version: boolean;
}

/** Node's own argument parser: enough for a linter's flags, no dependency needed. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        dialect: { type: 'string' },
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'no-error-on-unmatched-pattern': { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'output-file': { type: 'string', short: 'o' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'print-dialect': { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const values = parsed.values;

  let dialect: Dialect | undefined;
  if (values.dialect !== undefined) {
    dialect = parseDialect(values.dialect);
    if (!dialect) {
      throw new UsageError(`Unknown dialect "${values.dialect}". Use one of: ${DIALECT_ALIASES.join(', ')}.`);
    }
  }

  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = wholeNumber(values['max-warnings']);
    if (maxWarnings === undefined || maxWarnings < -1) {
      throw new UsageError(`--max-warnings takes a whole number, not "${values['max-warnings']}".`);
    }
  }

  if (values['stdin-filename'] !== undefined && !values.stdin) {
    throw new UsageError('--stdin-filename goes with --stdin.');
  }
  if (values.stdin && parsed.positionals.length > 0) {
    throw new UsageError('With --stdin, give no paths (use --stdin-filename to name the text).');
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('Use --fix or --fix-dry-run, not both.');
  if (values.stdin && values.fix) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run --format json.');

  return {
    paths: parsed.positionals,
    dialect,
    format: values.format ?? 'stylish',
    config: values.config,
    rules: parseRuleFlags(values.rule ?? []),
    quiet: values.quiet ?? false,
    maxWarnings: maxWarnings === -1 ? undefined : maxWarnings,
    errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'],
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    outputFile: values['output-file'],
    stdin: values.stdin ?? false,
    stdinFilename: values['stdin-filename'],
    color: values['no-color'] ? false : values.color,
    printDialect: values['print-dialect'] ?? false,
    cache: values.cache ?? false,
    cacheLocation: values['cache-location'],
    concurrency: parseConcurrency(values.concurrency),
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

/** `--concurrency off|auto|<threads>`, as ESLint's. */
function parseConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  const threads = wholeNumber(value);
  if (threads === undefined || threads < 1) {
    throw new UsageError(`--concurrency takes off, auto or a number of threads (1 or more), not "${value}".`);
  }
  return threads;
}

/**
 * A whole number written in decimal digits, with an optional minus. `Number()` alone took `''`
 * as 0 and `1e3`, `0x10` and ` 5 ` as numbers, so a mistyped `--max-warnings ''` passed as 0.
 */
function wholeNumber(text: string): number | undefined {
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}

const SEVERITY_WORDS: Record<string, 'off' | 'warn' | 'error'> = { off: 'off', warn: 'warn', error: 'error', '0': 'off', '1': 'warn', '2': 'error' };

/** `--rule tsql/no-pragma:off`, `--rule 'tsql/no-limit: warn'`; several flags or comma-separated. */
function parseRuleFlags(flags: readonly string[]): Record<string, RuleSetting> {
  // No prototype: `--rule __proto__:off` must become a key of its own (and be reported as unknown), not vanish.
  const rules = Object.create(null) as Record<string, RuleSetting>;
  for (const flag of flags.flatMap((f) => f.split(','))) {
    const separator = flag.lastIndexOf(':');
    const id = flag.slice(0, separator).trim();
    const level = flag.slice(separator + 1).trim();
    if (separator <= 0 || !id) throw new UsageError(`--rule takes id:severity, e.g. tsql/no-pragma:off — not "${flag}".`);
    const severity = Object.hasOwn(SEVERITY_WORDS, level) ? SEVERITY_WORDS[level] : undefined;
    if (!severity) throw new UsageError(`--rule ${id}: severity must be off, warn or error, not "${level}".`);
    rules[id] = severity;
  }
  return rules;
}

export const HELP = `Usage: schema-lint [options] [paths...]
       schema-lint rules [--format json]
       schema-lint convert <input> [--to-sqlite | --to <tsql|sqlite>] [-o <output>] [--force]

Lint SQL schema files for the dialect each must be in: SQL Server (T-SQL) or SQLite.
Paths are files, folders (searched for *.sql) or globs; the default is the current folder.

Options:
  --dialect <tsql|sqlite>          Judge every file as this dialect (aliases: mssql, sqlserver, transactsql)
  -f, --format <name>              stylish (default), json, sarif, github, junit, checkstyle, compact
  -o, --output-file <path>         Write the report to a file instead of standard output
  -c, --config <file>              Use this config file instead of searching for schema-lint.config.json
  --rule <id:severity>             Set a rule's severity (off, warn, error); repeatable
  --quiet                          Report errors only
  --max-warnings <n>               Exit 1 when there are more than n warnings
  --fix                            Fix problems that have one right fix, in place
  --fix-dry-run                    Compute fixes without writing them (see them with --format json)
  --stdin                          Lint standard input
  --stdin-filename <path>          The path standard input stands for (decides dialect and config)
  --print-dialect                  Print each file's dialect and why, then exit
  --cache                          Only lint files that changed since the last --cache run
  --cache-location <path>          The cache file or folder (default: .schemalintcache)
  --concurrency <off|auto|n>       Threads for many files (default: auto, when it pays)
  --no-error-on-unmatched-pattern  Do not fail when a path or glob matches no file
  --color, --no-color              Force colour on or off (default: on for a terminal; NO_COLOR turns it off)
  -v, --version                    Print the version
  -h, --help                       Print this help

Exit codes: 0 no errors, 1 lint errors (or too many warnings), 2 usage, config or I/O failure.
`;
