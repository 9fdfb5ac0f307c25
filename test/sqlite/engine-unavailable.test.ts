import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/sqlite/syntax.js';
import { loadSqliteEngine, markSqliteEngineBroken, sqliteEngineState } from '../../src/sqlite/engine.js';
import { describe as show, lintWithEngine } from './lint-sqlite.js';

// Vitest isolates test files, so breaking the engine here leaves other files' engine alone.
describe('when the SQLite engine cannot run', () => {
  beforeAll(async () => {
    await rule.prepare?.();
    expect(sqliteEngineState().status).toBe('loaded');
    markSqliteEngineBroken('simulated trap');
  });

  it('reports one clear line per file instead of throwing, and no engine errors', () => {
    expect(show(lintWithEngine('CREATE TABLE t (a NVARCHAR(MAX));\nSELECT nope FROM nowhere;'))).toEqual([
      '1:1 SQLite syntax was not checked: the SQLite engine could not run (simulated trap).',
    ]);
  });

  it('stays unavailable instead of reusing a damaged instance', async () => {
    await expect(loadSqliteEngine()).resolves.toEqual({ status: 'unavailable', reason: 'simulated trap' });
  });
});
