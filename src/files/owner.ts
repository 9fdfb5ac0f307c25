import type * as ChildProcess from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * uid → user name from the system's user database: /etc/passwd first (cheap, no process),
 * then `getent passwd`, which asks NSS so LDAP or sssd users resolve too. Results are cached
 * per uid for one run (see forgetUserNames): a tree of files has few owners.
 */
const cache = new Map<number, string | undefined>();

/**
 * Starts a run's lookups afresh. The names were kept for the life of the process: an editor
 * or language server that lints for days answered from the user database as it was at the
 * first lookup (an `mssql` user created or a user renamed since never decided a file's
 * dialect), and kept an entry for every uid it had met.
 */
export function forgetUserNames(): void {
  cache.clear();
}

export function userNameOf(uid: number): string | undefined {
  if (cache.has(uid)) return cache.get(uid);
  const name = lookupInPasswd(uid) ?? lookupWithGetent(uid);
  cache.set(uid, name);
  return name;
}

function lookupWithGetent(uid: number): string | undefined {
  if (process.platform === 'win32') return undefined;
  try {
    // Loaded here, not at the top: node:child_process costs ~2 ms to load and /etc/passwd almost always answers.
    const { execFileSync } = createRequire(import.meta.url)('node:child_process') as typeof ChildProcess;
    const line = execFileSync('getent', ['passwd', String(uid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 2000,
    });
    const name = line.split(':')[0]?.trim();
    return name ? name : undefined;
  } catch {
    return undefined;
  }
}

function lookupInPasswd(uid: number): string | undefined {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const fields = line.split(':');
      if (fields.length >= 3 && Number(fields[2]) === uid) return fields[0];
    }
  } catch {
    // No user database readable (Windows, a sandbox): the owner step simply does not decide.
  }
  return undefined;
}
