import { describe, expect, it, vi } from 'vitest';
import { splitAll } from '../../src/sql/splitter.js';
import { SourceText } from '../../src/sql/source-text.js';
import type * as TokenModule from '../../src/sql/token.js';
import { StatementCutter } from '../../src/sqlite/statement-cutter.js';

// Counts the cutter's punctuation checks: it makes one per token it reads, so reading a
// statement SQLite has not ended again from its start for each statement the splitter hands
// over makes a number that grows with the square of the statements.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/sql/token.js', async (importOriginal) => {
  const { countingModule } = await import('../support/counting-module.js');
  return countingModule(await importOriginal<typeof TokenModule>(), ['isPunctuation'], () => checks.count++);
});

/** Punctuation checks per line in cutting `text`'s statements, counted in the cutter alone. */
function checksPerLine(text: string, lines: number): number {
  const source = new SourceText(text);
  const statements = splitAll(text, 'sqlite').map((statement) => statement.tokens);
  const cutter = new StatementCutter(source);
  checks.count = 0;
  const pieces = [...statements.flatMap((tokens) => cutter.cut(tokens)), ...cutter.finish()];
  expect(pieces).toHaveLength(1);
  return checks.count / lines;
}

describe('the statement cutter reads each token once', () => {
  it('lines the splitter cuts at GO, which SQLite reads as one statement: as many checks per line at 800 as at 100', () => {
    const goLines = (count: number) => Array.from({ length: count }, (_, i) => `SELECT ${i}\nGO`).join('\n');
    const small = checksPerLine(goLines(100), 100);
    const large = checksPerLine(goLines(800), 800);
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(20);
  });

  it('a trigger body that sets a column named end, where the splitter cuts: as many checks per line at 800 as at 100', () => {
    const trigger = (count: number) =>
      `CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n${Array.from({ length: count }, (_, i) => `UPDATE t SET end = ${i};`).join('\n')}\nEND;`;
    const small = checksPerLine(trigger(100), 100);
    const large = checksPerLine(trigger(800), 800);
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(20);
  });
});

describe('the statement cutter reads a line indent once', () => {
  /** Characters of the text the cutter reads for statements after a long indent, counted per `.` statement. */
  function charactersReadPerDot(indent: number, dots: number): number {
    const text = `${' '.repeat(indent)}SELECT 1;${' .;'.repeat(dots)}`;
    let read = 0;
    // Reads of the source's text, one by one or as slices: the cutter makes both kinds.
    class Counted extends String {
      override charCodeAt(index: number): number {
        read++;
        return super.charCodeAt(index);
      }
      override slice(start?: number, end?: number): string {
        const piece = super.slice(start, end);
        read += piece.length;
        return piece;
      }
    }
    const source = new SourceText(new Counted(text) as unknown as string);
    const cutter = new StatementCutter(source);
    read = 0;
    for (const statement of splitAll(text, 'sqlite')) cutter.cut(statement.tokens);
    cutter.finish();
    return read / dots;
  }

  it('a `.` after code on a line is told from a shell command by the code next to it, not by the line from its start', () => {
    expect(charactersReadPerDot(1_000, 200)).toBeLessThan(10);
    expect(charactersReadPerDot(8_000, 200)).toBeLessThan(10);
  });
});
