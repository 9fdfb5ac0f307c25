import { chownSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../src/config/config.js';
import { userNameOf } from '../../src/files/owner.js';
import { headerPragmaDialect, resolveDialect } from '../../src/engine/resolve-dialect.js';
import { tempDir } from '../support/temp-dir.js';

const base = '/repo';
const config = (c: ResolvedConfig['config'] = {}): ResolvedConfig => ({ config: c, baseDir: base });
const file = (name: string) => path.join(base, name);

describe('dialect resolution, every step of the precedence', () => {
  it('--dialect beats everything', () => {
    const decision = resolveDialect({
      filePath: file('schema.sqlite.sql'),
      text: '-- schema-lint dialect: sqlite\n',
      cliDialect: 'tsql',
      config: config({ overrides: [{ files: ['**/*.sql'], dialect: 'sqlite' }] }),
    });
    expect(decision).toEqual({ dialect: 'tsql', step: 'cli', reason: '--dialect' });
  });

  it('a header pragma beats config overrides and names', () => {
    const decision = resolveDialect({
      filePath: file('schema.sql'),
      text: '/* generated */\n-- schema-lint dialect: sqlite\nCREATE TABLE t (a INT);',
      config: config({ overrides: [{ files: ['*.sql'], dialect: 'tsql' }] }),
    });
    expect(decision).toEqual({ dialect: 'sqlite', step: 'pragma', reason: 'header pragma' });
  });

  it('a pragma after the first statement is not a header', () => {
    expect(headerPragmaDialect('SELECT 1;\n-- schema-lint dialect: sqlite')).toBeUndefined();
    expect(headerPragmaDialect('-- schema-lint dialect: mssql')).toBe('tsql');
  });

  it('a config override beats the owner and the name; the last matching override wins', () => {
    const decision = resolveDialect({
      filePath: file('db/schema.sql'),
      text: '',
      config: config({
        overrides: [
          { files: ['db/**'], dialect: 'tsql' },
          { files: ['db/*.sql'], dialect: 'sqlite' },
        ],
      }),
      ownerUid: process.getuid?.() ?? 0,
    });
    expect(decision).toEqual({ dialect: 'sqlite', step: 'override', reason: 'config override "db/*.sql"' });
  });

  it('file-name conventions of the seed', () => {
    const byName = (name: string) => resolveDialect({ filePath: file(name), text: '', config: config() });
    expect(byName('schema.sqlite.sql')).toMatchObject({ dialect: 'sqlite', reason: 'file name *.sqlite.sql' });
    expect(byName('Credentials/schema.sqlite.sql')).toMatchObject({ dialect: 'sqlite', step: 'file-name' });
    expect(byName('schema_mssql.sql')).toMatchObject({ dialect: 'tsql', reason: 'file name *_mssql.sql' });
    expect(byName('x.mssql.sql')).toMatchObject({ dialect: 'tsql', reason: 'file name *.mssql.sql' });
    expect(byName('Credentials/schema.sql')).toMatchObject({ dialect: 'tsql', reason: 'file name schema.sql' });
  });

  it('defaultDialect decides the rest, T-SQL unless configured', () => {
    expect(resolveDialect({ filePath: file('update.sql'), text: '', config: config() })).toEqual({
      dialect: 'tsql',
      step: 'default',
      reason: 'default for *.sql',
    });
    expect(resolveDialect({ filePath: file('update.sql'), text: '', config: config({ defaultDialect: 'sqlite' }) })).toEqual({
      dialect: 'sqlite',
      step: 'default',
      reason: 'config defaultDialect sqlite',
    });
  });
});

describe('the owner step, with real files and the real user database', () => {
  const folder = tempDir('owner');

  it('resolves uid 0 to root', () => {
    expect(userNameOf(0)).toBe('root');
  });

  it('an owner mapped in config beats the file name', () => {
    const target = path.join(folder, 'schema.sql');
    writeFileSync(target, 'CREATE TABLE t (a INT);');
    const me = userInfo().username;
    const decision = resolveDialect({
      filePath: target,
      text: '',
      config: { config: { owners: { [me]: 'sqlite' } }, baseDir: folder },
      ownerUid: statSync(target).uid,
    });
    expect(decision).toEqual({ dialect: 'sqlite', step: 'owner', reason: `owner ${me}` });
  });

  it.runIf(process.getuid?.() === 0)('a file chowned to another user is judged by that user', () => {
    const target = path.join(folder, 'other.sqlite.sql');
    writeFileSync(target, 'CREATE TABLE t (a INT);');
    chownSync(target, 1, 1); // uid 1 is `daemon` on Debian and most Linux systems
    const owner = userNameOf(statSync(target).uid);
    expect(owner).toBeDefined();
    const decision = resolveDialect({
      filePath: target,
      text: '',
      config: { config: { owners: { [owner!]: 'tsql' } }, baseDir: folder },
      ownerUid: statSync(target).uid,
    });
    expect(decision).toEqual({ dialect: 'tsql', step: 'owner', reason: `owner ${owner}` });
  });

  it('an owner with no mapping does not decide', () => {
    const target = path.join(folder, 'plain.sqlite.sql');
    writeFileSync(target, '');
    const decision = resolveDialect({ filePath: target, text: '', config: { config: {}, baseDir: folder }, ownerUid: statSync(target).uid });
    expect(decision.step).toBe('file-name');
  });
});
