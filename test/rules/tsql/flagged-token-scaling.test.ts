import { describe, expect, it, vi } from 'vitest';
import noLimit from '../../../rules/tsql/no-limit.js';
import { lintSource } from '../../../src/engine/linter.js';
import type * as TokenModule from '../../../src/sql/token.js';

// Counts the punctuation checks a lint makes: a rule that works out the parentheses of the
// whole statement for each token it flags makes a number per flagged token that grows with the statement.
const counts = vi.hoisted(() => ({ checks: 0 }));
vi.mock('../../../src/sql/token.js', async (importOriginal) => {
  const { countingModule } = await import('../../support/counting-module.js');
  return countingModule(await importOriginal<typeof TokenModule>(), ['isPunctuation'], () => counts.checks++);
});

/** Punctuation checks per LIMIT when one statement holds `count` subqueries that each end in LIMIT 1. */
function checksPerLimit(count: number): number {
  const subqueries = Array.from({ length: count }, (_, i) => `a IN (SELECT a FROM u${i} LIMIT 1)`);
  const text = `SELECT * FROM t WHERE ${subqueries.join(' OR ')};\n`;
  counts.checks = 0;
  const diagnostics = lintSource(text, {
    filePath: 'limits.sql',
    dialect: 'tsql',
    dialectSource: 'file name',
    rules: [{ rule: noLimit, severity: 2, options: [] }],
    settings: { sqlserverVersion: '2019' },
  });
  expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'tsql/no-limit')).toHaveLength(count);
  return counts.checks / count;
}

describe('rules that look at the parentheses around a flagged token', () => {
  it('tsql/no-limit: as many punctuation checks per LIMIT in one statement of 800 as of 100', () => {
    const small = checksPerLimit(100);
    const large = checksPerLimit(800);
    // The statement's parenthesis depths, worked out again for each LIMIT, made 800 cost ~8 times as much each as 100.
    expect(large).toBeLessThanOrEqual(small * 1.1);
  });
});
