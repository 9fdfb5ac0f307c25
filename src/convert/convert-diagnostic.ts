import type { SourceRef } from '../model/schema.js';

/**
 * What convert tells the user about its input: `error` when an object was left out (or
 * written commented out) because it cannot be expressed faithfully in the target dialect,
 * `warning` when it was converted but the target holds or behaves a little differently.
 */
export type ConvertSeverity = 'error' | 'warning';

export interface ConvertDiagnostic {
  severity: ConvertSeverity;
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Collects diagnostics in source order; one object is reported once per distinct message. */
export class ConvertReport {
  private readonly seen = new Set<string>();
  readonly diagnostics: ConvertDiagnostic[] = [];

  error(ref: SourceRef, message: string): void {
    this.add('error', ref, message);
  }

  warn(ref: SourceRef, message: string): void {
    this.add('warning', ref, message);
  }

  private add(severity: ConvertSeverity, ref: SourceRef, message: string): void {
    const key = `${ref.file}:${ref.offset}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push({ severity, file: ref.file, line: ref.line, column: ref.column, message });
  }

  sorted(): ConvertDiagnostic[] {
    return [...this.diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  }
}

/** `schema.sqlite.sql:12:5: error: ...`, the shape compilers and editors understand. */
export function formatConvertDiagnostic(diagnostic: ConvertDiagnostic): string {
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message}`;
}
