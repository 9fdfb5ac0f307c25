import type { Finding } from './compare.js';

/**
 * `parityAllow` lists intended differences: `"audit_log"` silences every finding about that
 * table (its absence, its columns, keys and indexes), `"users.legacy_flag"` one column's.
 * Names compare case-insensitively, a `dbo.`/`main.` prefix is ignored, and `*` matches any
 * run of characters (`"*.created_at"`, `"tmp_*"`).
 */
export function isAllowed(allow: readonly string[], subject: Finding['subject']): boolean {
  if (!subject.table) return false;
  return allow.some((entry) => matchesEntry(entry, subject));
}

function matchesEntry(entry: string, subject: Finding['subject']): boolean {
  let parts = entry
    .trim()
    .split('.')
    .map((part) => part.replace(/^[[\]"`]+|[[\]"`]+$/g, ''));
  if (parts.length > 1 && /^(dbo|main)$/i.test(parts[0])) parts = parts.slice(1);
  if (parts.length === 1) return wildcard(parts[0]).test(subject.table);
  if (parts.length === 2) return wildcard(parts[0]).test(subject.table) && subject.column !== undefined && wildcard(parts[1]).test(subject.column);
  return false;
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}
