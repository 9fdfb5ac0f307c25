import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/cli.js';

/**
 * Valid files written in the styles of real-world schema scripts that once made schema-lint
 * cry wolf (a CTE feeding UPDATE ... SET x -= y, DROP SECURITY POLICY IF EXISTS, sp_addtype
 * alias types, edge tables without columns, FROM ::fn_...), next to framework dumps and
 * hand-written SQLite schemas full of SQL Server-looking names. SQL Server accepts every
 * T-SQL file here and the SQLite library runs every SQLite file (FTS5 aside, which sql.js
 * lacks): the built CLI must report no error on any of them.
 *
 * The warnings allowed are listed by rule, each for a reason that holds for valid files:
 * - tsql/no-deprecated-types: NTEXT/IMAGE columns run on SQL Server but are deprecated.
 * - sqlite/type-affinity: MONEY and the like are names SQLite maps to an affinity; worth knowing.
 * - parity/missing-counterpart: each file stands alone, with no version in the other dialect.
 */
const corpus = path.join(repoRoot, 'fixtures', 'corpus');
const allowedWarnings: Record<'tsql' | 'sqlite', readonly string[]> = {
  tsql: ['tsql/no-deprecated-types', 'parity/missing-counterpart'],
  sqlite: ['sqlite/type-affinity', 'parity/missing-counterpart'],
};

interface JsonResult {
  filePath: string;
  dialect: string;
  messages: { ruleId: string | null; severity: number; message: string; line: number; column: number }[];
}

const listing = (dialect: 'tsql' | 'sqlite'): string[] =>
  readdirSync(path.join(corpus, dialect)).filter((name) => name.endsWith('.sql')).sort();

describe.each(['tsql', 'sqlite'] as const)('the %s no-false-positive corpus', (dialect) => {
  const files = listing(dialect);
  const run = runCli([path.join('fixtures', 'corpus', dialect), '--format', 'json', '--concurrency', 'off']);
  const results = JSON.parse(run.stdout || '[]') as JsonResult[];
  const byName = new Map(results.map((result) => [path.basename(result.filePath), result]));

  it('lints every file, each judged as its dialect', () => {
    expect(run.stderr).toBe('');
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect([...byName.keys()].sort()).toEqual(files);
    for (const result of results) expect(result.dialect, result.filePath).toBe(dialect);
  });

  it.each(files)('reports no error in %s', (name) => {
    const messages = byName.get(name)?.messages ?? [];
    const errors = messages.filter((m) => m.severity === 2).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    expect(errors).toEqual([]);
  });

  it.each(files)('warns in %s only by the rules allowed for valid files', (name) => {
    const messages = byName.get(name)?.messages ?? [];
    const unexpected = messages
      .filter((m) => m.severity === 1 && !allowedWarnings[dialect].includes(m.ruleId ?? ''))
      .map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    expect(unexpected).toEqual([]);
  });

  it('exits 0: nothing in the corpus is an error', () => {
    expect(run.status).toBe(0);
  });
});
