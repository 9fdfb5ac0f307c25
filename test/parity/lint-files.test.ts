import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/api/lint.js';

const FIXTURES = path.resolve('fixtures/parity');

/** Parity and security diagnostics of a lintFiles run, as `file:line:column rule`. */
async function crossFile(folder: string, rules: Record<string, 'off' | 'warn' | 'error'> = {}): Promise<string[]> {
  const cwd = path.join(FIXTURES, folder);
  const results = await lintFiles(['.'], { cwd, rules });
  return results.flatMap((result) =>
    result.messages
      .filter((m) => m.ruleId?.startsWith('parity/') || m.ruleId?.startsWith('security/'))
      .map((m) => `${path.relative(cwd, result.filePath)}:${m.line}:${m.column} ${m.ruleId}`),
  );
}

describe('lintFiles runs the cross-file checks', () => {
  it('reports drift with the config file found in the folder (its follow-up script included)', async () => {
    expect(await crossFile('drift')).toEqual([
      'schema.sql:9:1 parity/missing-table',
      'schema.sql:12:5 parity/type-mismatch',
      'schema.sql:13:5 parity/nullability',
      'schema.sql:18:1 parity/index',
      'schema.sqlite.sql:2:1 parity/missing-column',
      'schema.sqlite.sql:7:1 parity/missing-column',
      'schema.sqlite.sql:10:5 parity/type-mismatch',
      'schema.sqlite.sql:11:5 parity/nullability',
      'schema.sqlite.sql:21:1 parity/index',
    ]);
  });

  it('counts them in each result and lets --rule switch them off', async () => {
    const cwd = path.join(FIXTURES, 'drift');
    const [, , sqlite] = await lintFiles(['.'], { cwd });
    expect(path.basename(sqlite.filePath)).toBe('schema.sqlite.sql');
    expect(sqlite.errorCount).toBeGreaterThanOrEqual(3);
    expect(await crossFile('drift', { 'parity/index': 'off', 'parity/nullability': 'off', 'parity/type-mismatch': 'off' })).toEqual([
      'schema.sql:9:1 parity/missing-table',
      'schema.sqlite.sql:2:1 parity/missing-column',
      'schema.sqlite.sql:7:1 parity/missing-column',
    ]);
  });

  it('reports nothing on consistent pairs', async () => {
    expect(await crossFile('idiomatic')).toEqual([]);
    expect(await crossFile('ssms-style')).toEqual([]);
  });
});
