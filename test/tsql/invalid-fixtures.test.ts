import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tsqlRules } from '../../rules/tsql/index.js';
import { lintSource } from '../../src/engine/linter.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/syntax/tsql/invalid/${name}`, import.meta.url), 'utf8');

describe('invalid T-SQL fixtures, linted with every T-SQL rule', () => {
  it('reports each of four typos across two batches on its line and column, and nothing else', () => {
    const diagnostics = lintSource(fixture('typos-across-batches.sql'), {
      filePath: 'typos-across-batches.sql',
      dialect: 'tsql',
      dialectSource: 'test',
      rules: tsqlRules.map((rule) => ({ rule, severity: rule.meta.severity === 'error' ? 2 : 1, options: [] })),
      settings: { sqlserverVersion: '2019' },
    });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([
      "6:5 tsql/syntax Incorrect syntax near 'Email'.", // missing comma after the Name column
      "13:25 tsql/syntax Incorrect syntax near 'NOT'.", // DECIMAL(10, 2 is missing its ')'
      "15:8 tsql/syntax Incorrect syntax near 'INDX'.", // misspelt keyword
      "16:72 tsql/syntax Incorrect syntax near ')'.", // a stray ')'
    ]);
  });
});
