import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertSchema, prepareConvert } from '../../src/convert/convert.js';

const root = path.resolve(import.meta.dirname, '../..');

function sqlFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...sqlFiles(full));
    else if (name.endsWith('.sql')) found.push(full);
  }
  return found.sort();
}

beforeAll(async () => {
  await prepareConvert();
});

/**
 * Every SQL file the project keeps as a fixture (valid and invalid, both dialects, written by
 * every engineer) goes through convert. Whatever convert cannot carry over it may report, but
 * the target's judge must never have to refuse a statement convert wrote: a "SQLite rejects" or
 * "not valid T-SQL" diagnostic is a converter bug.
 */
/**
 * Known refusals, each for a reason outside convert: the schema model does not follow
 * `EXEC sp_rename`, so an index on the renamed column names a column the table does not have.
 */
const KNOWN_REFUSALS: Record<string, string[]> = {
  'fixtures/syntax/tsql/valid/ef-core-migration.sql': [
    'index IX_Posts_Headline is left out (commented): SQLite rejects the converted statement (no such column: Headline).',
  ],
};

describe('every fixture of the repository converts without the judge refusing anything', () => {
  const files = sqlFiles(path.join(root, 'fixtures'));

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((file) => [path.relative(root, file)]))('%s', (file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    const from = /sqlite/i.test(path.basename(file)) || /[\\/]sqlite[\\/]/.test(file) ? 'sqlite' : 'tsql';
    const result = convertSchema(text, { from, to: from === 'sqlite' ? 'tsql' : 'sqlite', filePath: file });
    const refused = result.diagnostics.filter((diagnostic) => /SQLite rejects|not valid T-SQL/.test(diagnostic.message));
    expect(refused.map((diagnostic) => diagnostic.message)).toEqual(KNOWN_REFUSALS[file.split(path.sep).join('/')] ?? []);
  });
});
