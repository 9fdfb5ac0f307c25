import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import rule from '../../rules/sqlite/syntax.js';
import { describe as show, lintWithEngine } from './lint-sqlite.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/syntax/sqlite');
const filesIn = (folder: string): string[] =>
  readdirSync(path.join(root, folder))
    .filter((name) => name.endsWith('.sql'))
    .sort();

beforeAll(async () => {
  await rule.prepare?.();
});

describe('SQLite fixtures judged by the SQLite engine', () => {
  it('has fixtures to judge', () => {
    expect(filesIn('valid').length).toBeGreaterThanOrEqual(5);
    expect(filesIn('invalid').length).toBeGreaterThanOrEqual(2);
  });

  for (const name of filesIn('valid')) {
    it(`accepts valid/${name}`, () => {
      const text = readFileSync(path.join(root, 'valid', name), 'utf8');
      expect(show(lintWithEngine(text, name))).toEqual([]);
    });
  }

  for (const name of filesIn('invalid')) {
    it(`reports exactly the expected errors of invalid/${name}`, () => {
      const text = readFileSync(path.join(root, 'invalid', name), 'utf8');
      const expected = [...text.matchAll(/^-- expect (\d+:\d+ .+)$/gm)].map((match) => match[1]);
      expect(expected.length).toBeGreaterThan(0);
      expect(show(lintWithEngine(text, name))).toEqual(expected);
    });
  }
});
