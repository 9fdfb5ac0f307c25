import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatConvertDiagnostic } from '../convert/convert-diagnostic.js';
import { convertSchema, prepareConvert } from '../convert/convert.js';
import { decode } from '../files/decode.js';
import { WriteError, writeFileAtomic } from '../files/write-atomic.js';
import { dialectDisplayName, parseDialect, type Dialect } from '../sql/dialect.js';

export interface ConvertIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

const USAGE = `Usage: schema-lint convert <input> [--to-sqlite | --to <tsql|sqlite>] [-o <output>] [--force]

Converts a schema script from one dialect into the other (default: SQLite to SQL Server).
  --to-sqlite          convert SQL Server (T-SQL) to SQLite
  --to <dialect>       the dialect to write: tsql or sqlite
  -o, --output <path>  where to write (default: <input>.converted; "-" writes to stdout)
  --force              allow the output to replace the input file
Exit codes: 0 converted, 1 converted but something was left out (see the errors), 2 usage or I/O problem.`;

interface ConvertArguments {
  input: string;
  to: Dialect;
  output?: string;
  force: boolean;
}

class UsageError extends Error {}

/** `schema-lint convert ...`: the seed's converter contract, over the schema model. */
export async function runConvert(argv: string[], io: ConvertIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`schema-lint convert: ${message}\n`);
    return 2;
  };
  let args: ConvertArguments | 'help';
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n${USAGE.split('\n')[0]}`);
    throw error;
  }
  if (args === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const inputPath = path.resolve(io.cwd, args.input);
  let bytes: Uint8Array;
  try {
    if (statSync(inputPath).isDirectory()) return fail(`${args.input} is a folder, not a schema file.`);
    bytes = readFileSync(inputPath);
  } catch (error) {
    return fail(`cannot read ${args.input}: ${describeIoError(error)}.`);
  }
  const decoded = decode(bytes);
  if (decoded.binary) return fail(`${args.input} is not a text file.`);

  const from: Dialect = args.to === 'tsql' ? 'sqlite' : 'tsql';
  const outputPath = args.output === undefined ? `${inputPath}.converted` : args.output === '-' ? undefined : path.resolve(io.cwd, args.output);
  if (outputPath && !args.force && samePath(outputPath, inputPath)) {
    return fail(`refusing to overwrite the input ${args.input}; pass --force to replace it.`);
  }

  let result: ReturnType<typeof convertSchema>;
  try {
    if (args.to === 'sqlite') await prepareConvert();
    result = convertSchema(decoded.text, { from, to: args.to, filePath: args.input });
  } catch (error) {
    return fail(`cannot convert ${args.input}: ${(error as Error).message}`);
  }

  if (outputPath === undefined) {
    io.stdout.write(result.output);
  } else {
    try {
      writeFileAtomic(outputPath, result.output);
    } catch (error) {
      return fail(error instanceof WriteError ? error.message : `cannot write ${outputPath}: ${describeIoError(error)}.`);
    }
  }

  for (const diagnostic of result.diagnostics) io.stderr.write(`${formatConvertDiagnostic(diagnostic)}\n`);
  const leftOut = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (outputPath !== undefined) {
    const shown = path.relative(io.cwd, outputPath) || outputPath;
    io.stderr.write(
      `Converted ${args.input} (${dialectDisplayName(from)}) to ${shown} (${dialectDisplayName(args.to)})` +
        `${leftOut > 0 ? `; ${leftOut} object(s) left out, see the errors above` : ''}.\n`,
    );
  }
  return leftOut > 0 ? 1 : 0;
}

function parseArguments(argv: readonly string[]): ConvertArguments | 'help' {
  let input: string | undefined;
  let to: Dialect | undefined;
  let toSqlite = false;
  let output: string | undefined;
  let force = false;
  const valueOf = (name: string, index: number): string => {
    const value = argv[index];
    if (value === undefined) throw new UsageError(`${name} needs a value.`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--to-sqlite':
        toSqlite = true;
        break;
      case '--to': {
        const value = inline ?? valueOf('--to', ++i);
        to = parseDialect(value);
        if (!to) throw new UsageError(`unknown dialect "${value}" for --to (use tsql or sqlite).`);
        break;
      }
      case '-o':
      case '--output':
        output = inline ?? valueOf(flag, ++i);
        break;
      case '--force':
        force = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}.`);
        if (input !== undefined) throw new UsageError(`one input file at a time (got ${input} and ${arg}).`);
        input = arg;
    }
  }
  if (input === undefined) throw new UsageError('missing the input file.');
  if (input === '-') throw new UsageError('reading the schema from stdin is not supported; name the file.');
  if (toSqlite && to === 'tsql') throw new UsageError('--to-sqlite and --to tsql contradict each other.');
  return { input, to: toSqlite ? 'sqlite' : (to ?? 'tsql'), output, force };
}

/** Same file, also through symlinks or a different spelling of the path. */
function samePath(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? (error as Error).message;
}
