import { parseArgs } from 'node:util';
import { allRules } from '../../rules/index.js';
import { UsageError } from './args.js';
import { writeOut, type CliIo } from './io.js';

/** `schema-lint rules [--format json]`: every rule with its dialects, default severity and whether it fixes. */
export async function runRulesCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let format: string;
  try {
    const { values } = parseArgs({ args: [...argv], options: { format: { type: 'string', short: 'f' } }, strict: true });
    format = values.format ?? 'table';
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const rows = allRules.map(({ meta }) => ({
    id: meta.id,
    dialects: [...meta.dialects],
    severity: meta.severity,
    fixable: meta.fixable === true,
    description: meta.description,
    docs: `docs/rules/${meta.id}.md`,
  }));
  if (format === 'json') {
    await writeOut(io.stdout, `${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (format !== 'table') throw new UsageError(`Unknown format "${format}" for rules. Use table or json.`);
  const idWidth = Math.max(...rows.map((row) => row.id.length), 4);
  const lines = rows.map(
    (row) =>
      `${row.id.padEnd(idWidth)}  ${row.dialects.join(',').padEnd(11)}  ${row.severity.padEnd(5)}  ${row.fixable ? 'fix' : '   '}  ${row.description}`,
  );
  const header = `${'rule'.padEnd(idWidth)}  ${'dialects'.padEnd(11)}  ${'level'.padEnd(5)}  fix  description`;
  await writeOut(io.stdout, `${[header, ...lines].join('\n')}\n`);
  return 0;
}
