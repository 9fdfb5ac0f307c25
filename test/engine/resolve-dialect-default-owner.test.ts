import { describe, expect, it, vi } from 'vitest';

// The seed's rule — files owned by `mssql` are T-SQL — is the default mapping. The machine
// running the tests may have no `mssql` user, so the user database answers `mssql` here.
vi.mock('../../src/files/owner.js', () => ({ userNameOf: (uid: number) => (uid === 4242 ? 'mssql' : undefined) }));

const { resolveDialect } = await import('../../src/engine/resolve-dialect.js');

describe('default owner mapping', () => {
  it('a file owned by mssql is T-SQL whatever its name', () => {
    const decision = resolveDialect({
      filePath: '/repo/schema.sqlite.sql',
      text: '',
      config: { config: {}, baseDir: '/repo' },
      ownerUid: 4242,
    });
    expect(decision).toEqual({ dialect: 'tsql', step: 'owner', reason: 'owner mssql' });
  });

  it('config owners replace the default mapping', () => {
    const decision = resolveDialect({
      filePath: '/repo/schema.sqlite.sql',
      text: '',
      config: { config: { owners: { postgres: 'tsql' } }, baseDir: '/repo' },
      ownerUid: 4242,
    });
    expect(decision.step).toBe('file-name');
  });
});
