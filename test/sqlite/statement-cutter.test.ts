import { describe, expect, it } from 'vitest';
import { splitAll } from '../../src/sql/splitter.js';
import { SourceText } from '../../src/sql/source-text.js';
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
