import type { Severity } from '../engine/diagnostic.js';

/** The word every machine-readable format uses for a severity: `error` or `warning`. */
export function severityName(severity: Severity): 'error' | 'warning' {
  return severity === 2 ? 'error' : 'warning';
}
