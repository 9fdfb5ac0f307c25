import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { repoRoot } from '../support/cli.js';

describe('rule documentation', () => {
  it('lists rules', () => {
    expect(allRules.length).toBeGreaterThan(1);
  });

  for (const { meta } of allRules) {
    it(`${meta.id} has a page with a bad and a good example`, () => {
      const page = path.join(repoRoot, 'docs', 'rules', `${meta.id}.md`);
      expect(existsSync(page), `missing docs/rules/${meta.id}.md`).toBe(true);
      const text = readFileSync(page, 'utf8');
      expect(text.startsWith(`# ${meta.id}\n`), 'the page starts with "# <rule id>"').toBe(true);
      expect(text).toMatch(/```sql[\s\S]+```[\s\S]+```sql[\s\S]+```/);
    });
  }

  it('has no page for a rule that does not exist', () => {
    const ids = new Set(allRules.map((rule) => rule.meta.id));
    const pages: string[] = [];
    const root = path.join(repoRoot, 'docs', 'rules');
    for (const folder of readdirSync(root)) {
      for (const file of readdirSync(path.join(root, folder))) if (file.endsWith('.md')) pages.push(`${folder}/${file.slice(0, -3)}`);
    }
    expect(pages.filter((page) => !ids.has(page))).toEqual([]);
  });
});
