import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, countDiagnostics, type Diagnostic, type LintResult } from '../engine/diagnostic.js';
import type { RunContext } from '../api/lint.js';
import { runKeyOf, type LintCache } from './lint-cache.js';

/**
 * Runs the cross-file checks (parity, security) over a run's results, answering from the cache
 * when nothing they could look at changed. They compare files with each other, so their
 * findings are cached for the run as a whole, keyed by every linted file's content hash and a
 * listing of the other .sql files in those folders (a partner file that appears, changes or
 * goes away). Without that, a cached run would still build every file's schema model, which is
 * most of its time. Runs that fix files or pair files by config (partners anywhere) are not
 * cached: their inputs are not all in the key.
 */
export async function applyCrossFileChecks(results: LintResult[], run: RunContext, cache: LintCache | undefined): Promise<void> {
  // Loaded only here: it brings both DDL parsers.
  const { applyParity } = await import('../parity/check-parity.js');
  const key = cache ? crossFileKey(results, run, cache) : undefined;
  if (!cache || key === undefined) {
    applyParity(results, run.resolved, { cliRules: run.options.rules });
    return;
  }
  const stored = cache.crossFileFindings(key);
  if (stored) {
    for (const result of results) addFindings(result, stored[result.filePath]);
    return;
  }
  const before = new Map(results.map((result) => [result, new Set(result.messages)]));
  applyParity(results, run.resolved, { cliRules: run.options.rules });
  const found: Record<string, Diagnostic[]> = {};
  for (const result of results) {
    const earlier = before.get(result);
    const added = result.messages.filter((message) => !earlier?.has(message));
    if (added.length > 0) found[result.filePath] = added;
  }
  cache.storeCrossFileFindings(key, found);
}

/** Exactly what applyParity does with the findings of one file. */
function addFindings(result: LintResult, extra: Diagnostic[] | undefined): void {
  if (!extra || extra.length === 0) return;
  result.messages = [...result.messages, ...extra].sort(compareDiagnostics);
  Object.assign(result, countDiagnostics(result.messages));
}

function crossFileKey(results: readonly LintResult[], run: RunContext, cache: LintCache): string | undefined {
  if (run.options.fix || (run.resolved.config.pairs ?? []).length > 0) return undefined;
  const linted: [string, string][] = [];
  for (const result of results) {
    // Every file must have been linted (or answered) with a current entry. A file that could not
    // be read or is binary has none; one with undecodable bytes has, and its notice is no reason
    // to check every file again (a single Latin-1 script used to cost each cached run that).
    const entry = cache.currentEntry(result.filePath);
    if (!entry || entry.dialect !== result.dialect) return undefined;
    linted.push([result.filePath, entry.hash]);
  }
  const lintedPaths = new Set(results.map((result) => result.filePath));
  const folders = [...new Set(results.map((result) => path.dirname(result.filePath)))].sort();
  const others: [string, number, number][] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return undefined;
    }
    for (const name of names.sort()) {
      const filePath = path.join(folder, name);
      if (!name.toLowerCase().endsWith('.sql') || lintedPaths.has(filePath)) continue;
      try {
        const stats = statSync(filePath);
        others.push([filePath, stats.size, stats.mtimeMs]);
      } catch {
        others.push([filePath, -1, -1]);
      }
    }
  }
  return runKeyOf({ linted, others });
}
