import path from 'node:path';
import { bytesDialect, fileDialects, type FileDialect } from '../api/dialects.js';
import { FileLintError } from '../api/file-lint-error.js';
import { lintBytes, lintFiles, type LintOptions } from '../api/lint.js';
import { ConfigError } from '../config/load.js';
import type { LintResult } from '../engine/diagnostic.js';
import { PathError } from '../files/discover.js';
import { WriteError, writeFileAtomic } from '../files/write-atomic.js';
import { FORMATTER_NAMES, loadFormatter } from '../formatters/index.js';
import { packageVersion } from '../package-info.js';
import { allRuleMetas } from '../../rules/index.js';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { writeOut, type CliIo } from './io.js';

// For the build's training run (scripts/bundle-cli.mjs), which saves the code caches the bundle's runs take.
export { saveSqlJsCodeCache, sqlJsCacheState } from '../sqlite/sqljs-code-cache.js';

/**
 * The command line: arguments in, exit code out. Everything it does is the library API
 * (`lintFiles`, `lintBytes`, `convert`); this file adds parsing, printing and exit codes.
 * User mistakes end in one line on stderr and exit 2, never a stack trace.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    if (argv[0] === 'rules') {
      const { runRulesCommand } = await import('./rules-command.js');
      return await runRulesCommand(argv.slice(1), io);
    }
    if (argv[0] === 'convert') {
      const { runConvert } = await import('./convert-command.js');
      return await runConvert(argv.slice(1), { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
    }
    return await runLint(parseCliArgs(argv), io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

async function runLint(options: CliOptions, io: CliIo): Promise<number> {
  if (options.help) {
    await writeOut(io.stdout, HELP);
    return 0;
  }
  if (options.version) {
    await writeOut(io.stdout, `${packageVersion()}\n`);
    return 0;
  }
  const formatter = await loadFormatter(options.format);
  if (!formatter) throw new UsageError(`Unknown format "${options.format}". Use one of: ${FORMATTER_NAMES.join(', ')}.`);

  const common: LintOptions = {
    cwd: io.cwd,
    configFile: options.config,
    dialect: options.dialect,
    rules: options.rules,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
    fix: options.fix || options.fixDryRun,
    write: options.fix,
    cache: options.cache,
    cacheLocation: options.cacheLocation,
    concurrency: options.concurrency,
  };
  if (options.printDialect) return printDialects(options, common, io);
  let results: LintResult[];
  if (options.stdin) {
    // The bytes, not text: decoded as a file's are, they get a file's notices (binary, not valid UTF-8).
    const bytes = await readStdin(io.stdin);
    results = [await lintBytes(bytes, { ...common, filePath: options.stdinFilename ?? '<stdin>.sql' })];
  } else {
    results = await lintFiles(options.paths, common);
  }

  const warningCount = results.reduce((sum, r) => sum + r.warningCount, 0);
  const errorCount = results.reduce((sum, r) => sum + r.errorCount, 0);
  const shown = options.quiet ? results.map(onlyErrors) : results;
  const report = formatter(shown, {
    cwd: io.cwd,
    rulesMeta: allRuleMetas(),
    color: options.outputFile ? false : wantsColor(options, io),
    env: io.env,
  });

  if (options.outputFile) {
    writeFileAtomic(path.resolve(io.cwd, options.outputFile), report, { refuseReadOnly: false });
  } else if (report) {
    await writeOut(io.stdout, report);
  }

  if (errorCount > 0) return 1;
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    await writeOut(io.stderr, `schema-lint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/** `--print-dialect`: each file's dialect and why, decided as a lint decides them but with nothing linted. */
async function printDialects(options: CliOptions, common: LintOptions, io: CliIo): Promise<number> {
  let dialects: FileDialect[];
  if (options.stdin) {
    dialects = [bytesDialect(await readStdin(io.stdin), { ...common, filePath: options.stdinFilename ?? '<stdin>.sql' })];
  } else {
    dialects = await fileDialects(options.paths, common);
  }
  const lines = dialects.map((d) => `${relative(io.cwd, d.filePath)}: ${d.dialect} (${d.dialectSource})`);
  await writeOut(io.stdout, lines.length > 0 ? `${lines.join('\n')}\n` : '');
  return 0;
}

function onlyErrors(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}

function wantsColor(options: CliOptions, io: CliIo): boolean {
  if (options.color !== undefined) return options.color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}

function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith('..') ? file : rel.split(path.sep).join('/');
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

const EXPECTED_ERRORS = [UsageError, ConfigError, PathError, WriteError];

/**
 * V8's "Invalid string length": a string past its ~512 MB cap. The report is built as one string
 * (as ESLint's formatters build theirs), and only millions of problems make it that long.
 */
function isStringTooLong(error: unknown): boolean {
  return error instanceof RangeError && error.message === 'Invalid string length';
}

async function reportFailure(error: unknown, io: CliIo): Promise<number> {
  // A user's mistake met while linting a file is reported as itself: its message says what to fix.
  // (A string past V8's cap there is no report too large to build, but an internal error.)
  const failure = error instanceof FileLintError && isUserFacing(error.cause) ? error.cause : error;
  const known = isExpected(failure);
  const text = !known
    ? internalErrorLine(failure, io.cwd)
    : isStringTooLong(failure)
      ? 'the report is too large to build: it passed the ~512 MB a JavaScript string can hold. Lint fewer files per run, leave out warnings with --quiet, or use a terser --format (compact).'
      : (failure as Error).message;
  await writeOut(io.stderr, `schema-lint: ${text}\n`);
  if (!known && io.env.SCHEMA_LINT_DEBUG) {
    // The stack of the error itself, not of the wrapper that added the file to it.
    const thrown = failure instanceof FileLintError ? failure.cause : failure;
    await writeOut(io.stderr, `${(thrown as Error)?.stack ?? ''}\n`);
  }
  return 2;
}

function isExpected(error: unknown): boolean {
  return isUserFacing(error) || isStringTooLong(error);
}

function isUserFacing(error: unknown): boolean {
  return EXPECTED_ERRORS.some((type) => error instanceof type);
}

/** One line, whatever the error's message holds: which file was being linted, if any, and what went wrong. */
function internalErrorLine(error: unknown, cwd: string): string {
  const where = error instanceof FileLintError ? ` while linting ${relative(cwd, error.filePath)}` : '';
  const detail = error instanceof FileLintError ? error.detail : ((error as Error)?.message ?? String(error));
  return `Internal error${where}: ${detail.replace(/\s*[\r\n]+\s*/g, ' ')} (please report this; set SCHEMA_LINT_DEBUG=1 for details)`;
}

function processIo(): CliIo {
  // A reader that goes away early (`schema-lint | head`) is not an error of ours: stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // A getter: creating process.stdin costs ~2 ms and only --stdin reads it.
    get stdin() {
      return process.stdin;
    },
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
  };
}
