import type { Dialect } from './dialect.js';
import type { Token, TokenKind } from './token.js';

/**
 * A hand-written scanner for T-SQL and SQLite that never throws: every character of the
 * input ends up in exactly one token, and malformed input (an unterminated string, comment
 * or quoted name) becomes a token with `error` set. Tokens are produced one at a time so a
 * caller can lint a huge file statement by statement without holding every token at once.
 *
 * Both dialects are lexed with the same token shapes (a backtick name is a quoted identifier
 * even in T-SQL, a GO line is a batch separator even in SQLite) so that rules can recognise a
 * construct that does not belong to the file's dialect. Where the dialects really differ the
 * lexer follows the file's dialect: T-SQL nests block comments, SQLite does not.
 */
export class Lexer {
  private readonly text: string;
  private readonly dialect: Dialect;
  private readonly skipWhitespace: boolean;
  private pos = 0;
  /** Offset where the current line starts, to recognise a GO line. */
  private lineStart = 0;

  /**
   * `skipWhitespace`: whitespace is stepped over instead of returned. Statement splitting
   * never looks at it, and whitespace is about half of all tokens: not allocating them is
   * the largest single saving in a big file's lint.
   */
  constructor(text: string, dialect: Dialect, options: { skipWhitespace?: boolean } = {}) {
    this.text = text;
    this.dialect = dialect;
    this.skipWhitespace = options.skipWhitespace ?? false;
  }

  next(): Token | undefined {
    if (this.skipWhitespace) this.pos = this.whitespaceEnd(this.pos);
    if (this.pos >= this.text.length) return undefined;
    const start = this.pos;
    const code = this.text.charCodeAt(start);

    // Words and punctuation first: they are most tokens, and neither is anything else's first
    // character, except the N and X of N'..' and X'..'.
    if (isIdentifierStart(code)) {
      if ((code | 32) === 110 /* N n */ && this.text.charCodeAt(start + 1) === 39) return this.quoted(start, start + 2, "'", 'string', 'N');
      if ((code | 32) === 120 /* X x */ && this.text.charCodeAt(start + 1) === 39) return this.quoted(start, start + 2, "'", 'blob', "'");
      return this.word(start);
    }
    if (code === 40 || code === 41 || code === 44 || code === 59) return this.make('punctuation', start, start + 1);
    if (isWhitespace(code)) return this.make('whitespace', start, this.whitespaceEnd(start));
    if (code === 45 /* - */ && this.text.charCodeAt(start + 1) === 45) return this.lineComment(start);
    if (code === 47 /* / */ && this.text.charCodeAt(start + 1) === 42) return this.blockComment(start);
    if (code === 39 /* ' */) return this.quoted(start, start + 1, "'", 'string', "'");
    if (code === 91 /* [ */) return this.quoted(start, start + 1, ']', 'quoted-identifier', '[');
    if (code === 34 /* " */) return this.quoted(start, start + 1, '"', 'quoted-identifier', '"');
    if (code === 96 /* ` */) return this.quoted(start, start + 1, '`', 'quoted-identifier', '`');
    if (isDigit(code) || (code === 46 /* . */ && isDigit(this.text.charCodeAt(start + 1)))) return this.number(start);
    if (code === 64 /* @ */ || code === 63 /* ? */ || (code === 58 /* : */ && this.isParameterAfterColon(start))) {
      return this.variable(start);
    }
    if (code === 36 /* $ */) return this.dollar(start);
    if (code === 46 /* . */) return this.make('punctuation', start, start + 1);
    const operatorLength = this.operatorLength(start);
    if (operatorLength > 0) return this.make('operator', start, start + operatorLength);
    // Keep surrogate pairs whole so a stray emoji is one token, not two halves.
    const width = code >= 0xd800 && code <= 0xdbff && start + 1 < this.text.length ? 2 : 1;
    return this.make('unknown', start, start + width);
  }

  /**
   * Every token gets all eight fields, in one order, so that all tokens share one hidden
   * class: property reads in the splitter and the rules stay monomorphic (fast) instead of
   * seeing a different object shape for strings, quoted names and malformed tokens. (`word`
   * builds its tokens itself, with the same fields in the same order.)
   */
  private make(kind: TokenKind, start: number, end: number, value?: string, quote?: Token['quote'], error?: string): Token {
    this.pos = end;
    const text = this.text.slice(start, end);
    return { kind, text, start, end, upper: kind === 'word' ? text.toUpperCase() : '', value, quote, error };
  }

  /** Where the run of whitespace starting at `start` ends; remembers line starts on the way. */
  private whitespaceEnd(start: number): number {
    let i = start;
    while (i < this.text.length) {
      const code = this.text.charCodeAt(i);
      if (!isWhitespace(code)) break;
      i++;
      if (code === 10 || (code === 13 && this.text.charCodeAt(i) !== 10)) this.lineStart = i;
    }
    return i;
  }

  private lineComment(start: number): Token {
    let i = start + 2;
    while (i < this.text.length) {
      const code = this.text.charCodeAt(i);
      if (code === 10 || code === 13) break;
      i++;
    }
    return this.make('line-comment', start, i);
  }

  private blockComment(start: number): Token {
    const nests = this.dialect === 'tsql';
    let depth = 1;
    let i = start + 2;
    while (i < this.text.length) {
      const code = this.text.charCodeAt(i);
      if (code === 42 /* * */ && this.text.charCodeAt(i + 1) === 47) {
        i += 2;
        depth--;
        if (depth === 0) break;
        continue;
      }
      if (nests && code === 47 && this.text.charCodeAt(i + 1) === 42) {
        depth++;
        i += 2;
        continue;
      }
      if (code === 10 || (code === 13 && this.text.charCodeAt(i + 1) !== 10)) this.lineStart = i + 1;
      i++;
    }
    if (depth > 0) {
      return this.make('block-comment', start, this.text.length, undefined, undefined, 'Unterminated block comment: missing */.');
    }
    return this.make('block-comment', start, i);
  }

  /**
   * A quoted token whose closing quote is escaped by doubling it ('it''s', [a]]b], "a""b").
   * An unterminated one ends at the end of its line, so one stray quote does not swallow the
   * rest of the file and linting resumes on the next line.
   */
  private quoted(start: number, bodyStart: number, close: string, kind: TokenKind, quote: Token['quote']): Token {
    const closeCode = close.charCodeAt(0);
    let i = bodyStart;
    let value = '';
    let segmentStart = bodyStart;
    let lastLineBreak = -1;
    while (i < this.text.length) {
      const code = this.text.charCodeAt(i);
      if (code === closeCode) {
        if (this.text.charCodeAt(i + 1) === closeCode) {
          value += this.text.slice(segmentStart, i + 1);
          i += 2;
          segmentStart = i;
          continue;
        }
        value += this.text.slice(segmentStart, i);
        if (lastLineBreak >= 0) this.lineStart = lastLineBreak;
        return this.make(kind, start, i + 1, value, quote);
      }
      if (code === 10 || code === 13) {
        lastLineBreak = code === 13 && this.text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
        if (kind !== 'string' && kind !== 'blob' && quote !== '"') {
          // Bracket and backtick names never span lines in practice: stop at the line end.
          break;
        }
      }
      i++;
    }
    const lineEnd = this.endOfLine(start);
    const what = kind === 'quoted-identifier' ? `quoted identifier (missing ${close})` : `string (missing ${close})`;
    return this.make(kind, start, lineEnd, this.text.slice(bodyStart, lineEnd), quote, `Unterminated ${what}.`);
  }

  private endOfLine(from: number): number {
    let i = from;
    while (i < this.text.length) {
      const code = this.text.charCodeAt(i);
      if (code === 10 || code === 13) break;
      i++;
    }
    return i;
  }

  private number(start: number): Token {
    let i = start;
    const text = this.text;
    if (text.charCodeAt(i) === 48 && (text.charCodeAt(i + 1) | 32) === 120 /* 0x */) {
      i += 2;
      while (i < text.length && isHexDigit(text.charCodeAt(i))) i++;
      return this.make('number', start, i);
    }
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 46 /* . */) {
      i++;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    }
    if ((text.charCodeAt(i) | 32) === 101 /* e */) {
      let j = i + 1;
      if (text.charCodeAt(j) === 43 || text.charCodeAt(j) === 45) j++;
      if (isDigit(text.charCodeAt(j))) {
        i = j;
        while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      }
    }
    return this.make('number', start, i);
  }

  /** SQLite's `:name` parameter, but not T-SQL's `::` scope operator. */
  private isParameterAfterColon(start: number): boolean {
    return this.dialect === 'sqlite' && isIdentifierPart(this.text.charCodeAt(start + 1));
  }

  private variable(start: number): Token {
    let i = start + 1;
    if (this.text.charCodeAt(start) === 64 && this.text.charCodeAt(i) === 64) i++; // @@ROWCOUNT
    while (i < this.text.length && isIdentifierPart(this.text.charCodeAt(i))) i++;
    if (i === start + 1 && this.text.charCodeAt(start) !== 63) return this.make('operator', start, i);
    return this.make('variable', start, i);
  }

  /** `$name` is a SQLite parameter; in T-SQL `$IDENTITY`/`$ROWGUID`/`$action` are words and `$12` money. */
  private dollar(start: number): Token {
    let i = start + 1;
    while (i < this.text.length && isIdentifierPart(this.text.charCodeAt(i))) i++;
    if (i === start + 1) return this.make('unknown', start, i);
    if (this.dialect === 'sqlite') return this.make('variable', start, i);
    return this.make(isDigit(this.text.charCodeAt(start + 1)) ? 'number' : 'word', start, i);
  }

  private word(start: number): Token {
    const text = this.text;
    // Whether toUpperCase could change the word: most words in a schema are upper-case
    // keywords, and for those the text is its own upper-case form, without the call.
    let folds = isCaseFolding(text.charCodeAt(start));
    let i = start + 1;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 128) {
        // One table load instead of a chain of range tests per character (words are most of the text).
        const flags = ASCII_WORD_FLAGS[code];
        if (flags === 0) break;
        if (flags === LOWER_CASE) folds = true;
      } else if (isIdentifierPart(code)) {
        folds = true;
      } else {
        break;
      }
    }
    if (i - start === 2 && this.isBatchSeparatorAt(start, i)) return this.batchSeparator(start, i);
    this.pos = i;
    const word = text.slice(start, i);
    return { kind: 'word', text: word, start, end: i, upper: folds ? word.toUpperCase() : word, value: undefined, quote: undefined, error: undefined };
  }

  /** `GO` alone on its line (after optional indentation), optionally followed by a repeat count. */
  private isBatchSeparatorAt(start: number, end: number): boolean {
    if ((this.text.charCodeAt(start) | 32) !== 103 || (this.text.charCodeAt(start + 1) | 32) !== 111) return false;
    for (let i = this.lineStart; i < start; i++) {
      if (!isWhitespace(this.text.charCodeAt(i))) return false;
    }
    let i = end;
    while (i < this.text.length && isBlank(this.text.charCodeAt(i))) i++;
    while (i < this.text.length && isDigit(this.text.charCodeAt(i))) i++;
    while (i < this.text.length && isBlank(this.text.charCodeAt(i))) i++;
    if (i >= this.text.length) return true;
    const code = this.text.charCodeAt(i);
    if (code === 10 || code === 13) return true;
    return code === 45 && this.text.charCodeAt(i + 1) === 45;
  }

  private batchSeparator(start: number, end: number): Token {
    let i = end;
    while (i < this.text.length && isBlank(this.text.charCodeAt(i))) i++;
    let countEnd = i;
    while (countEnd < this.text.length && isDigit(this.text.charCodeAt(countEnd))) countEnd++;
    const tokenEnd = countEnd > i ? countEnd : end;
    return this.make('batch-separator', start, tokenEnd);
  }

  private operatorLength(start: number): number {
    const a = this.text.charCodeAt(start);
    const b = this.text.charCodeAt(start + 1);
    if (a === 45 && b === 62 && this.text.charCodeAt(start + 2) === 62) return 3; // ->>
    // The pair as one number, not a two-character string: no string is made per operator.
    if (TWO_CHAR_OPERATORS.has(a * 0x10000 + b)) return 2;
    return SINGLE_CHAR_OPERATORS.has(a) ? 1 : 0;
  }
}

/** Two-character operators, each as `first code unit * 0x10000 + second`. */
const TWO_CHAR_OPERATORS = new Set(
  ['<=', '>=', '<>', '!=', '!<', '!>', '==', '||', '<<', '>>', '->', '::', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=']
    .map((pair) => pair.charCodeAt(0) * 0x10000 + pair.charCodeAt(1)),
);
const SINGLE_CHAR_OPERATORS = new Set([...'+-*/%=<>!~&|^:'].map((c) => c.charCodeAt(0)));

/** Tokenizes a whole text. Prefer `new Lexer(...).next()` for streaming over huge inputs. */
export function tokenize(text: string, dialect: Dialect): Token[] {
  const lexer = new Lexer(text, dialect);
  const tokens: Token[] = [];
  for (let token = lexer.next(); token; token = lexer.next()) tokens.push(token);
  return tokens;
}

/** Space, tab, LF, VT, FF, CR, no-break space and BOM. Most characters asked about are above 32: two tests decide them. */
function isWhitespace(code: number): boolean {
  return code <= 32 ? code === 32 || (code >= 9 && code <= 13) : code === 0xa0 || code === 0xfeff;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || ((code | 32) >= 97 && (code | 32) <= 102);
}

function isIdentifierStart(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 /* _ */ || code === 35 /* # */ ||
    (code > 127 && code !== 0xa0 && code !== 0xfeff)
  );
}

/** A code unit toUpperCase may change: an ASCII lower-case letter or anything outside ASCII. */
function isCaseFolding(code: number): boolean {
  return (code >= 97 && code <= 122) || code > 127;
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || isDigit(code) || code === 36 /* $ */ || code === 64 /* @ */;
}

/** ASCII_WORD_FLAGS: 0 ends a word; otherwise the character is part of one, and toUpperCase changes it or not. */
const CASE_STABLE = 1;
const LOWER_CASE = 2;
const ASCII_WORD_FLAGS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  if (isIdentifierPart(code)) ASCII_WORD_FLAGS[code] = isCaseFolding(code) ? LOWER_CASE : CASE_STABLE;
}
