import { describe, expect, it } from 'vitest';
import { allRules, convertSchema, lintText, prepareConvert } from '../../src/index.js';

describe('library API', () => {
  it('lints text as the file it names, with the dialect decided the same way', async () => {
    const result = await lintText('CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);\n', { filePath: 'db/update.sql', cwd: '/' });
    expect(result.dialect).toBe('tsql');
    expect(result.messages.find((m) => m.ruleId === 'tsql/no-autoincrement')).toMatchObject({ line: 1, column: 40 });
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
