import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkParity, type ParityFile } from '../../src/parity/check-parity.js';
import type * as LexerModule from '../../src/sql/lexer.js';
import { tempDir } from '../support/temp-dir.js';

// Counts the tokens read by every lexer made outside the lexer module: the splitter's, the
// models', and the one that finds where each finding's underline ends.
const counts = vi.hoisted(() => ({ tokens: 0 }));
vi.mock('../../src/sql/lexer.js', async (importOriginal) => {
  const original = await importOriginal<typeof LexerModule>();
  class CountingLexer extends original.Lexer {
    override next(): ReturnType<LexerModule.Lexer['next']> {
      counts.tokens++;
      return super.next();
    }
  }
  return { ...original, Lexer: CountingLexer };
});

const dir = tempDir('span-scaling');

describe('checkParity: where each finding is underlined', () => {
  it('reads a span shared by many findings once: as many tokens per finding for 800 as for 100', () => {
    // A one-line view of `count` terms on both sides, and `count` tables the T-SQL side lacks:
    // each missing table is reported at the view, the object before the SQLite tables.
    const tokensPerFinding = (count: number): number => {
      const where = Array.from({ length: count }, (_, i) => `k = ${i}`).join(' OR ');
      const view = `CREATE VIEW v AS SELECT k FROM base WHERE ${where};\n`;
      const tables = Array.from({ length: count }, (_, i) => `CREATE TABLE t${i} (id INTEGER NOT NULL PRIMARY KEY);\n`).join('');
      const files: ParityFile[] = [
        { filePath: path.join(dir, `x${count}.sql`), dialect: 'tsql', text: `CREATE TABLE base (k INT NOT NULL PRIMARY KEY);\n${view}` },
        { filePath: path.join(dir, `x${count}.sqlite.sql`), dialect: 'sqlite', text: `CREATE TABLE base (k INTEGER NOT NULL PRIMARY KEY);\n${view}${tables}` },
      ];
      for (const file of files) writeFileSync(file.filePath, file.text);
      counts.tokens = 0;
      const found = checkParity(files, { config: {}, baseDir: dir });
      const missing = (found.get(files[0].filePath) ?? []).filter((d) => d.ruleId === 'parity/missing-table');
      expect(missing).toHaveLength(count);
      expect(missing.map((d) => [d.line, d.column, d.endLine])).toEqual(missing.map(() => [2, 1, 2]));
      expect(missing[0].message).toBe(`table t0 is defined in x${count}.sqlite.sql:3 but not here.`);
      return counts.tokens / count;
    };
    const small = tokensPerFinding(100);
    const large = tokensPerFinding(800);
    // The span was lexed again per finding, from the view's start to the end of its line: ~8 times as many tokens each at 800.
    expect(large).toBeLessThanOrEqual(small * 1.1);
  });
});
