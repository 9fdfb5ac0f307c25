import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import noBooleanLiterals from '../../../rules/tsql/no-boolean-literals.js';
import noLimit from '../../../rules/tsql/no-limit.js';
import { lintSource } from '../../../src/engine/linter.js';
import { splitAll } from '../../../src/sql/splitter.js';
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

/** What no-boolean-literals asked before it remembered its answers: go back from the WHEN to its CASE. */
function inSearchedCaseByScan(tokens: readonly TokenModule.Token[], when: number): boolean {
  let depth = 0;
  for (let i = when - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.kind === 'punctuation' && token.text === ')') depth++;
    else if (token.kind === 'punctuation' && token.text === '(') depth--;
    else if (depth === 0 && token.kind === 'word' && token.upper === 'END') depth++;
    else if (depth === 0 && token.kind === 'word' && token.upper === 'CASE') return tokens[i + 1]?.kind === 'word' && tokens[i + 1].upper === 'WHEN';
    else if (depth > 0 && token.kind === 'word' && token.upper === 'CASE') depth--;
  }
  return false;
}

describe('tsql/no-boolean-literals in CASE expressions', () => {
  it('rewrites TRUE after WHEN as a condition exactly where going back to its CASE finds a searched CASE', () => {
    const piece = fc.constantFrom('CASE', 'CASE a', 'WHEN TRUE THEN 1', 'WHEN 2 THEN TRUE', 'WHEN FALSE THEN 0', 'ELSE 0', 'END', '(', ')', 'x', ',');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = `SELECT ${pieces.join(' ')} FROM t;\n`;
        const diagnostics = lintSource(text, {
          filePath: 'case.sql',
          dialect: 'tsql',
          dialectSource: 'file name',
          rules: [{ rule: noBooleanLiterals, severity: 2, options: [] }],
          settings: { sqlserverVersion: '2019' },
        });
        // The rule sees one statement's tokens: a stray END may end a statement (a block's END).
        const statements = splitAll(text, 'tsql');
        for (const diagnostic of diagnostics) {
          const tokens = statements.find((statement) => statement.tokens.some((token) => token.start === diagnostic.startOffset))!.tokens;
          const index = tokens.findIndex((token) => token.start === diagnostic.startOffset);
          if (tokens[index - 1]?.upper !== 'WHEN' || !diagnostic.fix) continue;
          expect(diagnostic.fix.text.includes('=')).toBe(inSearchedCaseByScan(tokens, index - 1));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
