/**
 * Tokens carry exact UTF-16 offsets into the decoded file text. Trivia (whitespace and
 * comments) is kept in the token stream so that nothing of the file is lost; rules normally
 * look at the significant tokens of a statement only.
 */
export type TokenKind =
  | 'word' // keywords and bare identifiers, incl. T-SQL #temp and ##global names
  | 'quoted-identifier' // [name], "name", `name`
  | 'string' // 'text', N'text'
  | 'blob' // X'ABCD' (SQLite blob literal)
  | 'number' // 12, 1.5e3, 0x1F (T-SQL binary constant)
  | 'variable' // T-SQL @x, @@ROWCOUNT; SQLite parameters ?, ?1, :a, @a, $a
  | 'operator' // + - * / % = < > <= >= <> != == || ! ~ & | ^ :: etc.
  | 'punctuation' // ( ) , ; .
  | 'batch-separator' // a T-SQL GO line (GO [count])
  | 'line-comment'
  | 'block-comment'
  | 'whitespace'
  | 'unknown'; // a character neither dialect knows

export interface Token {
  kind: TokenKind;
  /** The exact source text of the token. */
  text: string;
  /** Offset of the first UTF-16 code unit. */
  start: number;
  /** Offset one past the last UTF-16 code unit. */
  end: number;
  /** For words: the upper-cased text, for case-insensitive keyword checks. */
  upper: string;
  /** For quoted identifiers and strings: the value with quotes removed and escapes resolved. */
  value?: string;
  /** For quoted identifiers: the opening quote character. For strings: `N` for N'..'. */
  quote?: '[' | '"' | '`' | "'" | 'N';
  /** Set when the token is malformed (unterminated string, comment, identifier). */
  error?: string;
}

export function isTrivia(token: Token): boolean {
  return token.kind === 'whitespace' || token.kind === 'line-comment' || token.kind === 'block-comment';
}

/** True when the token is the bare word `upper` (never a quoted identifier or a string). */
export function isWord(token: Token | undefined, ...upper: string[]): boolean {
  return token !== undefined && token.kind === 'word' && (upper.length === 0 || upper.includes(token.upper));
}

export function isPunctuation(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'punctuation' && token.text === text;
}

/** An identifier of either form: a bare word or a quoted name. Its comparable name is returned by identifierName. */
export function isIdentifier(token: Token | undefined): boolean {
  return token !== undefined && (token.kind === 'word' || token.kind === 'quoted-identifier');
}

/** The name an identifier token stands for, without quotes. */
export function identifierName(token: Token): string {
  return token.kind === 'quoted-identifier' ? (token.value ?? token.text) : token.text;
}

/** identifierName upper-cased: a bare word's is its `upper`, which the lexer already made. */
export function upperIdentifierName(token: Token): string {
  return token.kind === 'word' ? token.upper : identifierName(token).toUpperCase();
}
