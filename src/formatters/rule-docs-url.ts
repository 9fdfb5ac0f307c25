import { packageHomepage } from '../package-info.js';

/**
 * Where schema-lint's documentation lives online. SARIF viewers (GitHub code scanning, VS
 * Code's SARIF viewer) link each rule to its page, and SARIF requires absolute URIs there.
 * Rule pages are `docs/rules/<rule id>.md`, so `tsql/no-autoincrement` has
 * `docs/rules/tsql/no-autoincrement.md`.
 */
export function projectUrl(): string {
  return packageHomepage();
}

export function ruleDocsUrl(ruleId: string): string {
  return `${projectUrl()}/blob/main/docs/rules/${ruleId.split('/').map(encodeURIComponent).join('/')}.md`;
}
