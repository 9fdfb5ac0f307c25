import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/sql/dialect.js';
import { tokenize } from '../../src/sql/lexer.js';
import { splitStatements } from '../../src/sql/splitter.js';
import { classifyStatement, type ClassificationState } from '../../src/sql/statement.js';
import type { Token } from '../../src/sql/token.js';

/**
 * What the lexer's and splitter's shortcuts must keep true, on the fixtures and on random text:
 * a word's upper-case form is toUpperCase of its text even when the lexer skips the call; every
 * token has the same fields in the same order (the order decides V8's shared object shape); a
 * statement's kind is what classifyStatement says of its tokens even when the splitter settled
 * it from the leading ones; and every operator is lexed whole.
 */

const DIALECTS: readonly Dialect[] = ['tsql', 'sqlite'];

/** Pieces that reach every lexer branch and every splitter rule, in both letter cases. */
const FRAGMENTS = [
  'CREATE', 'create', 'Create', 'TABLE', 'table', 'ALTER', 'DROP', 'INDEX', 'VIEW', 'PROCEDURE', 'PROC', 'FUNCTION',
  'TRIGGER', 'SELECT', 'select', 'FROM', 'WHERE', 'INSERT', 'INTO', 'VALUES', 'UPDATE', 'DELETE', 'MERGE', 'JOIN', 'IF',
  'EXISTS', 'BEGIN', 'begin', 'END', 'end', 'ELSE', 'TRY', 'CATCH', 'TRAN', 'CONVERSATION', 'DIALOG', 'EXEC', 'EXECUTE',
  'SET', 'DECLARE', 'AS', 'ON', 'WITH', 'GRANT', 'DENY', 'REVOKE', 'OPTION', 'OR', 'REPLACE', 'UNIQUE', 'CLUSTERED',
  'NONCLUSTERED', 'COLUMN', 'CONSTRAINT', 'MASKED', 'ENABLE', 'DISABLE', 'THROW', 'RETURN', 'OPEN', 'CLOSE', 'FETCH',
  'PRAGMA', 'VACUUM', 'ANALYZE', 'CASE', 'WHEN', 'THEN', 'UNION', 'ALL', 'XMLNAMESPACES', 'TEMP', 'VIRTUAL', 'AFTER',
  'INSTEAD', 'OF', 'FOR', 'EACH', 'ROW', 'GOTO', 'retry', 'Ünïcode', 'straße', 'naïve', 'ǅ', '$IDENTITY', '$12', '$p',
  '#temp', '##g', '@x', '@@ROWCOUNT', '@', '?', '?1', ':a', '::', ':', 'dbo', 't', 'a_1', 'x$y', 'a@b', '[dbo]', '[a]]b]',
  '[open', '"q"', '"a""b"', '"open', '`b`', '`open', "'x'", "'it''s'", "N'y'", "n'z'", "X'AB'", "x'cd'", "'open",
  "'multi\nline'", '1', '1.5', '.5', '1e3', '1.5e-3', '1e', '0x1F', '0X', '(', ')', ',', ';', '.', '=', '==', '<>', '!=',
  '!<', '<=', '>=', '||', '->', '->>', '+', '-', '*', '/', '%', '+=', '^=', '~', '&', '|', '^', '!', '{', '}', '\\',
  '--c\n', '-- c', '/* c */', '/* a /* b */ c */', '/* open', '\n', '\r\n', '\r', '\t', ' ', '\u00a0', '\ufeff',
  '\nGO\n', '\ngo 5\n', '\n  GO -- x\n', 'GO', '\u{1F600}', '\ud800', '\udc00', 'é', 'Å',
];

const script = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(' '));
const tightScript = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(''));

function fixtureTexts(): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.sql')) found.push({ path, text: readFileSync(path, 'utf8') });
    }
  };
  walk('fixtures');
  return found;
}

/** The fields of every token, in the order every token is made with. */
const TOKEN_FIELDS = ['kind', 'text', 'start', 'end', 'upper', 'value', 'quote', 'error'];

const TWO_CHAR_OPERATORS = ['<=', '>=', '<>', '!=', '!<', '!>', '==', '||', '<<', '>>', '->', '::', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^='];

function expectTokenInvariants(tokens: readonly Token[]): void {
  for (const token of tokens) {
    expect(Object.keys(token)).toEqual(TOKEN_FIELDS);
    if (token.kind === 'word') expect(token.upper).toBe(token.text.toUpperCase());
  }
}

function expectSplitInvariants(text: string, dialect: Dialect, maxStatementTokens?: number): void {
  const trivia: Token[] = [];
  for (const statement of splitStatements(text, dialect, { onTrivia: (token) => trivia.push(token), maxStatementTokens })) {
    expect(statement.kind).toBe(classifyStatement(statement.tokens));
    expectTokenInvariants(statement.tokens);
  }
  expectTokenInvariants(trivia);
}

function expectInvariants(text: string, dialect: Dialect): void {
  expectTokenInvariants(tokenize(text, dialect));
  expectSplitInvariants(text, dialect);
}

describe('the lexer and splitter keep what their shortcuts skip', () => {
  it('on every fixture, in both dialects', () => {
    const fixtures = fixtureTexts();
    expect(fixtures.length).toBeGreaterThan(20);
    for (const { text } of fixtures) for (const dialect of DIALECTS) expectInvariants(text, dialect);
  });

  it('on words whose upper-case form differs from their text only outside ASCII', () => {
    const text = 'ǅ Å ÅB straße ß ﬁ naïve NAÏVE ı İ ǆx $ǅ #ǅ @ǅ CREATE Create';
    for (const dialect of DIALECTS) expectInvariants(text, dialect);
    expect(tokenize('ǅ Å straße create', 'tsql').map((token) => token.upper)).toEqual(['Ǆ', '', 'Å', '', 'STRASSE', '', 'CREATE']);
  });

  it('lexes every operator whole, in both dialects, wherever it stands', () => {
    for (const dialect of DIALECTS) {
      for (const operator of [...TWO_CHAR_OPERATORS, '->>']) {
        for (const text of [operator, `a${operator}b`, `1 ${operator} 2`]) {
          const operators = tokenize(text, dialect).filter((token) => token.kind === 'operator');
          expect(operators.map((token) => token.text), `${dialect}: ${text}`).toEqual([operator]);
        }
      }
      expect(tokenize('a <> b', dialect).map((token) => token.text)).toEqual(['a', ' ', '<>', ' ', 'b']);
      expect(tokenize('a<-b', dialect).filter((token) => token.kind === 'operator').map((token) => token.text)).toEqual(['<', '-']);
    }
  });

  it('on random scripts of SQL fragments', () => {
    fc.assert(
      fc.property(script, fc.constantFrom(...DIALECTS), (text, dialect) => expectInvariants(text, dialect)),
      { numRuns: 1000 },
    );
  });

  it('on fragments run together, where one token can swallow the next', () => {
    fc.assert(
      fc.property(tightScript, fc.constantFrom(...DIALECTS), (text, dialect) => expectInvariants(text, dialect)),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...DIALECTS), (text, dialect) => expectInvariants(text, dialect)),
      { numRuns: 1000 },
    );
  });

  it('on statements cut short by the token limit', () => {
    fc.assert(
      fc.property(script, fc.constantFrom(...DIALECTS), fc.integer({ min: 1, max: 12 }), (text, dialect, limit) => {
        expectSplitInvariants(text, dialect, limit);
      }),
      { numRuns: 500 },
    );
  });
});

/** Whether classifyStatement says that no token added after `tokens` can change its answer. */
function isClassificationSettled(tokens: readonly Token[]): boolean {
  const state: ClassificationState = { settled: false };
  classifyStatement(tokens, state);
  return state.settled;
}

describe('isClassificationSettled', () => {
  it('holds only when no further token changes the classification', () => {
    fc.assert(
      fc.property(script, (text) => {
        const tokens = tokenize(text, 'tsql').filter((token) => token.kind !== 'whitespace');
        for (let length = 0; length <= tokens.length; length++) {
          const prefix = tokens.slice(0, length);
          if (!isClassificationSettled(prefix)) continue;
          const kind = classifyStatement(prefix);
          for (let longer = length + 1; longer <= tokens.length; longer++) expect(classifyStatement(tokens.slice(0, longer))).toBe(kind);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('settles a CREATE only at its object word, and BEGIN or END at their second token', () => {
    const settledAt = (text: string): number => {
      const tokens = tokenize(text, 'tsql').filter((token) => token.kind !== 'whitespace');
      for (let length = 0; length <= tokens.length; length++) if (isClassificationSettled(tokens.slice(0, length))) return length;
      return -1;
    };
    expect(settledAt('CREATE OR ALTER UNIQUE CLUSTERED INDEX ix')).toBe(6);
    expect(settledAt('CREATE OR')).toBe(-1);
    expect(settledAt('CREATE OR x')).toBe(3);
    expect(settledAt('DROP')).toBe(-1);
    expect(settledAt('BEGIN TRAN')).toBe(2);
    expect(settledAt('END')).toBe(-1);
    expect(settledAt('SELECT')).toBe(1);
    expect(settledAt('(')).toBe(1);
    expect(settledAt('')).toBe(-1);
  });
});
