import type { Diagnostic, TextEdit } from '../engine/diagnostic.js';
import { DIALECTS } from '../sql/dialect.js';
import type { CacheEntry } from './lint-cache.js';

/**
 * Whether a value read from a cache file has the shape of a cache entry, down to every field of
 * its diagnostics that the engine and the formatters read. The file is JSON anyone can edit:
 * with the right format and run key, an entry `null`, `messages: "x"` or `messages: [null]` once
 * reached the lint as if it were one and crashed the run. A bad entry is dropped (its file is
 * linted again), as a bad file is ignored. Plain typeof checks, no schema library: a cache of
 * 20,000 entries is checked on every `--cache` run.
 */
export function isCacheEntry(value: unknown): value is CacheEntry {
  if (!isRecord(value)) return false;
  return (
    typeof value.hash === 'string' &&
    DIALECTS.includes(value.dialect as CacheEntry['dialect']) &&
    typeof value.dialectSource === 'string' &&
    isDiagnosticList(value.messages) &&
    (value.size === undefined || typeof value.size === 'number') &&
    (value.mtimeMs === undefined || typeof value.mtimeMs === 'number')
  );
}

/** The cross-file checks' findings by file, as the cache stores them. */
export function isFindingsByFile(value: unknown): value is Record<string, Diagnostic[]> {
  if (!isRecord(value)) return false;
  for (const key in value) {
    if (Object.hasOwn(value, key) && !isDiagnosticList(value[key])) return false;
  }
  return true;
}

function isDiagnosticList(value: unknown): value is Diagnostic[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!isDiagnostic(item)) return false;
  return true;
}

function isDiagnostic(value: unknown): value is Diagnostic {
  if (!isRecord(value)) return false;
  return (
    (value.ruleId === null || typeof value.ruleId === 'string') &&
    (value.severity === 1 || value.severity === 2) &&
    typeof value.message === 'string' &&
    (value.help === undefined || typeof value.help === 'string') &&
    isPosition(value.line) &&
    isPosition(value.column) &&
    isPosition(value.endLine) &&
    isPosition(value.endColumn) &&
    isPosition(value.startOffset) &&
    isPosition(value.endOffset) &&
    (value.fix === undefined || isTextEdit(value.fix)) &&
    (value.suggestions === undefined || isSuggestionList(value.suggestions)) &&
    (value.fatal === undefined || typeof value.fatal === 'boolean')
  );
}

function isSuggestionList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!isRecord(item) || typeof item.desc !== 'string' || !isTextEdit(item.fix)) return false;
  return true;
}

function isTextEdit(value: unknown): value is TextEdit {
  if (!isRecord(value) || typeof value.text !== 'string') return false;
  const range = value.range;
  return Array.isArray(range) && range.length === 2 && isPosition(range[0]) && isPosition(range[1]) && range[0] <= range[1];
}

/** Lines, columns and offsets: whole numbers, never negative, as the lint writes them. */
function isPosition(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
