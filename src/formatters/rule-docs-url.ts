/**
 * Where schema-lint's documentation lives online. SARIF viewers (GitHub code scanning, VS
 * Code's SARIF viewer) link each rule to its page, and SARIF requires absolute URIs there.
 * Rule pages are `docs/rules/<rule id>.md`, so `tsql/no-autoincrement` has
 * `docs/rules/tsql/no-autoincrement.md`.
 */
export const PROJECT_URL = 'https://github.com/schema-lint/schema-lint';

export function ruleDocsUrl(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${ruleId.split('/').map(encodeURIComponent).join('/')}.md`;
}
