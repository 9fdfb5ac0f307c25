import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/sql/lexer.js';
import { SourceText } from '../../src/sql/source-text.js';
import type { Token } from '../../src/sql/token.js';

const significant = (tokens: Token[]) =>
  tokens.filter((t) => t.kind !== 'whitespace' && t.kind !== 'line-comment' && t.kind !== 'block-comment');
const kinds = (text: string, dialect: 'tsql' | 'sqlite' = 'tsql') =>
  significant(tokenize(text, dialect)).map((t) => [t.kind, t.text]);

describe('lexer', () => {
  it('covers every character exactly once, in order', () => {
    const text = "CREATE TABLE [a]]b] (x NVARCHAR(10) DEFAULT N'it''s', y INT) -- done\r\nGO\n/* c */ SELECT @@ROWCOUNT, #t.x";
    const tokens = tokenize(text, 'tsql');
    expect(tokens.map((t) => t.text).join('')).toBe(text);
    for (let i = 1; i < tokens.length; i++) expect(tokens[i].start).toBe(tokens[i - 1].end);
  });

  it('reads T-SQL literals and names', () => {
    expect(kinds("N'x' [my col] @v @@IDENTITY #temp ##global 0x1F 1.5e3 $IDENTITY")).toEqual([
      ['string', "N'x'"],
      ['quoted-identifier', '[my col]'],
      ['variable', '@v'],
      ['variable', '@@IDENTITY'],
      ['word', '#temp'],
      ['word', '##global'],
      ['number', '0x1F'],
      ['number', '1.5e3'],
      ['word', '$IDENTITY'],
    ]);
  });

  it('reads SQLite literals and parameters', () => {
    expect(kinds("`a b` \"c\" X'AB' ? ?1 :name $p a || b ->> '$.x'", 'sqlite')).toEqual([
      ['quoted-identifier', '`a b`'],
      ['quoted-identifier', '"c"'],
      ['blob', "X'AB'"],
      ['variable', '?'],
      ['variable', '?1'],
      ['variable', ':name'],
      ['variable', '$p'],
      ['word', 'a'],
      ['operator', '||'],
      ['word', 'b'],
      ['operator', '->>'],
      ['string', "'$.x'"],
    ]);
  });

  it('resolves doubled quotes in values', () => {
    const [name, text] = significant(tokenize("[a]]b] 'it''s'", 'tsql'));
    expect(name.value).toBe('a]b');
    expect(text.value).toBe("it's");
  });

  it('nests block comments in T-SQL but not in SQLite', () => {
    const text = '/* a /* b */ c */ SELECT 1';
    expect(kinds(text, 'tsql')).toEqual([
      ['word', 'SELECT'],
      ['number', '1'],
    ]);
    expect(kinds(text, 'sqlite')[0]).toEqual(['word', 'c']);
  });

  it('reads GO only alone on its line, with an optional count', () => {
    expect(kinds('SELECT 1\nGO\n  go 5 -- again\nSELECT go FROM t\nGOTO x')).toEqual([
      ['word', 'SELECT'],
      ['number', '1'],
      ['batch-separator', 'GO'],
      ['batch-separator', 'go 5'],
      ['word', 'SELECT'],
      ['word', 'go'],
      ['word', 'FROM'],
      ['word', 't'],
      ['word', 'GOTO'],
      ['word', 'x'],
    ]);
  });

  it('never throws: an unterminated string ends at its line and lexing resumes', () => {
    const tokens = significant(tokenize("SELECT 'oops\nFROM t", 'tsql'));
    expect(tokens[1]).toMatchObject({ kind: 'string', text: "'oops", error: 'Unterminated string (missing \').' });
    expect(tokens.slice(2).map((t) => t.text)).toEqual(['FROM', 't']);
  });

  it('flags an unterminated block comment and bracket name', () => {
    expect(tokenize('/* open', 'tsql')[0].error).toBe('Unterminated block comment: missing */.');
    expect(significant(tokenize('[open\nx', 'tsql'))[0].error).toBe('Unterminated quoted identifier (missing ]).');
  });

  it('upper-cases exactly the words that have lower-case or non-ASCII letters, and reads N and X as words unless a quote follows', () => {
    const words = significant(tokenize("CREATE t_1 a$b@c Ab9 ÄÖ straße N n X x Nx N'a' x'0f' NAME", 'tsql'));
    expect(words.map((t) => [t.kind, t.text, t.upper])).toEqual([
      ['word', 'CREATE', 'CREATE'],
      ['word', 't_1', 'T_1'],
      ['word', 'a$b@c', 'A$B@C'],
      ['word', 'Ab9', 'AB9'],
      ['word', 'ÄÖ', 'ÄÖ'],
      ['word', 'straße', 'STRASSE'],
      ['word', 'N', 'N'],
      ['word', 'n', 'N'],
      ['word', 'X', 'X'],
      ['word', 'x', 'X'],
      ['word', 'Nx', 'NX'],
      ['string', "N'a'", ''],
      ['blob', "x'0f'", ''],
      ['word', 'NAME', 'NAME'],
    ]);
  });

  it('reads non-ASCII characters as name characters and keeps surrogate pairs whole', () => {
    expect(kinds('😀', 'tsql')).toEqual([['word', '😀']]);
    expect(kinds('§', 'tsql')).toEqual([['word', '§']]);
    expect(kinds('{', 'tsql')).toEqual([['unknown', '{']]);
  });
});

describe('source positions', () => {
  it('counts lines across LF, CRLF and lone CR', () => {
    const source = new SourceText('a\nb\r\nc\rd');
    expect(source.lineCount).toBe(4);
    expect(source.positionAt(7)).toEqual({ line: 4, column: 1 });
    expect(source.positionAt(5)).toEqual({ line: 3, column: 1 });
    expect(source.lineText(2)).toBe('b');
  });

  it('counts columns in UTF-16 code units, a tab as one', () => {
    const text = "\tSELECT 'é😀', x";
    const source = new SourceText(text);
    const x = significant(tokenize(text, 'tsql')).find((t) => t.text === 'x')!;
    // tab(1) SELECT(6) space(1) 'é😀'(5 code units) , space → x at offset 15, column 16
    expect(source.positionAt(x.start)).toEqual({ line: 1, column: 16 });
  });

  it('places tokens after a CRLF line exactly', () => {
    const text = 'CREATE TABLE t (\r\n\tid INT\r\n)';
    const source = new SourceText(text);
    const id = significant(tokenize(text, 'tsql')).find((t) => t.text === 'id')!;
    expect(source.positionAt(id.start)).toEqual({ line: 2, column: 2 });
  });

  it('maps positions back to offsets', () => {
    const source = new SourceText('ab\ncd\n');
    expect(source.offsetAt({ line: 2, column: 2 })).toBe(4);
    expect(source.positionAt(source.offsetAt({ line: 2, column: 2 }))).toEqual({ line: 2, column: 2 });
  });
});
