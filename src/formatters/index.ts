import type { Formatter } from './formatter.js';

/**
 * Formatters by name. Each lives in its own module and is imported only when asked for, so a
 * run that prints stylish output never loads the SARIF or XML code.
 */
const LOADERS: Record<string, () => Promise<{ default: Formatter }>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  junit: () => import('./junit.js'),
  checkstyle: () => import('./checkstyle.js'),
  compact: () => import('./compact.js'),
};

export const FORMATTER_NAMES: readonly string[] = Object.keys(LOADERS);

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  // Own keys only: `--format __proto__` must not find Object.prototype.
  const load = Object.hasOwn(LOADERS, name) ? LOADERS[name] : undefined;
  return load ? (await load()).default : undefined;
}
