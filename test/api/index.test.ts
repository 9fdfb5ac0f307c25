import { describe, expect, it } from 'vitest';
import { allRules, convertSchema, fileDialects, lintFiles, lintText, prepareConvert } from '../../src/index.js';
import { repoRoot } from '../support/cli.js';

describe('library API', () => {
  it('lints text as the file it names, with the dialect decided the same way', async () => {
    const result = await lintText('CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n', { filePath: 'db/update.sql', cwd: '/' });
    expect(result.dialect).toBe('tsql');
    expect(result.messages.find((m) => m.ruleId === 'tsql/no-autoincrement')).toMatchObject({ line: 1, column: 40 });
  });

  it('decides files’ dialects without linting them, as lintFiles decides them', async () => {
    const options = { cwd: repoRoot, concurrency: 'off' as const };
    const linted = await lintFiles(['fixtures'], options);
    const decided = await fileDialects(['fixtures'], options);
    expect(decided).toEqual(linted.map(({ filePath, dialect, dialectSource }) => ({ filePath, dialect, dialectSource })));
    expect(new Set(decided.map((file) => file.dialect))).toEqual(new Set(['tsql', 'sqlite']));
  });

  it('converts, and lists the rules', async () => {
    await prepareConvert();
    const converted = convertSchema('CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);\n', {
      from: 'sqlite',
      to: 'tsql',
      filePath: 't.sqlite.sql',
    });
    expect(converted.output).toMatch(/IDENTITY\(1,\s*1\)/);
    expect(allRules.length).toBeGreaterThan(50);
  });
});
