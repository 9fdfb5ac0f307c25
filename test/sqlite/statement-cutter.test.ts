import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAll } from '../../src/sql/splitter.js';
import { SourceText } from '../../src/sql/source-text.js';
import type { Token } from '../../src/sql/token.js';
import { StatementCutter } from '../../src/sqlite/statement-cutter.js';

/** The pieces SQLite would see, as text, for a whole file. */
function cut(text: string): string[] {
  const cutter = new StatementCutter(new SourceText(text));
  const pieces = [...splitAll(text, 'sqlite').flatMap((statement) => cutter.cut(statement.tokens)), ...cutter.finish()];
  return pieces.map((piece) => {
    const body = text.slice(piece.tokens[0].start, piece.tokens[piece.tokens.length - 1].end);
    return piece.kind === 'shell-command' ? `shell ${piece.name}: ${body}` : body;
  });
}

describe('StatementCutter: statements end where SQLite ends them', () => {
  it('a semicolon inside unbalanced parentheses still ends the statement', () => {
    expect(cut('CREATE TABLE a (x INT;\nCREATE TABLE b (y INT);')).toEqual(['CREATE TABLE a (x INT;', 'CREATE TABLE b (y INT);']);
  });

  it('a trigger body keeps its semicolons until END;', () => {
    const trigger = 'CREATE TEMP TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT CASE WHEN 1 THEN 2 END; END;';
    expect(cut(`${trigger}\nSELECT 2;`)).toEqual([trigger, 'SELECT 2;']);
  });

  it('EXPLAIN CREATE TRIGGER is a trigger too', () => {
    const text = 'EXPLAIN CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;';
    expect(cut(text)).toEqual([text]);
  });

  it('a trigger without END runs to the end of the file', () => {
    expect(cut('CREATE TRIGGER t AFTER INSERT ON x BEGIN\nDELETE FROM x;\nSELECT 1;')).toEqual([
      'CREATE TRIGGER t AFTER INSERT ON x BEGIN\nDELETE FROM x;\nSELECT 1;',
    ]);
  });

  it('sqlite3 shell dot-commands are lines of their own, even with a semicolon in them', () => {
    expect(cut('.headers on\n.print done; really\nCREATE TABLE t (a);\n  .quit')).toEqual([
      'shell .headers: .headers on',
      'shell .print: .print done;',
      'CREATE TABLE t (a);',
      'shell .quit: .quit',
    ]);
  });

  it('words that steer a trigger, inside a plain statement, change nothing: its semicolon ends it', () => {
    const text = 'SELECT "end", trigger, create_at FROM t WHERE x IN (SELECT end FROM trigger);\nUPDATE temp SET explain = 1;\nSELECT 2;';
    expect(cut(text)).toEqual([
      'SELECT "end", trigger, create_at FROM t WHERE x IN (SELECT end FROM trigger);',
      'UPDATE temp SET explain = 1;',
      'SELECT 2;',
    ]);
  });

  it('a dot in the middle of a line is not a shell command', () => {
    expect(cut('SELECT t.a FROM t;\nSELECT\n.5;')).toEqual(['SELECT t.a FROM t;', 'SELECT\n.5;']);
  });
});

describe('StatementCutter: reading on across statements', () => {
  // Words and marks that steer the cutter, and the splitter's own cuts (GO lines, a column named end).
  const SNIPPETS = ['SELECT 1', 'UPDATE t SET end = 1', ';', '\nGO\n', 'CREATE', 'TEMP', 'TRIGGER tr AFTER INSERT ON t', 'BEGIN', 'END', 'CASE WHEN 1 THEN 2 END', 'EXPLAIN', '(', ')', "'x;'", '-- c;\n'];
  const text = fc.array(fc.constantFrom(...SNIPPETS), { maxLength: 40 }).map((parts) => parts.join(' '));

  it('cuts the statements one by one as it cuts all their tokens at once (property)', () => {
    const pieces = (source: string, statements: (readonly Token[])[]) => {
      const cutter = new StatementCutter(new SourceText(source));
      return [...statements.flatMap((tokens) => cutter.cut(tokens)), ...cutter.finish()].map((piece) => piece.tokens.map((token) => token.text).join(' '));
    };
    fc.assert(
      fc.property(text, (source) => {
        const statements = splitAll(source, 'sqlite').map((statement) => statement.tokens);
        expect(pieces(source, statements)).toEqual(pieces(source, [statements.flat()]));
      }),
      { numRuns: 2000 },
    );
  });

  it('a trigger whose body sets a column named end thousands of times stays one piece', () => {
    const body = Array.from({ length: 3000 }, (_, i) => `UPDATE t SET end = ${i};`).join('\n');
    const trigger = `CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n${body}\nEND;`;
    expect(cut(`${trigger}\nSELECT 2;`)).toEqual([trigger, 'SELECT 2;']);
  });
});
