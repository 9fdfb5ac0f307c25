import type { Statement } from '../sql/statement.js';
import { isIdentifier, type Token } from '../sql/token.js';

/**
 * Thrown inside the T-SQL parser when a token cannot continue the statement. It never leaves
 * `src/tsql/`: the statement parser catches it and turns it into a diagnostic (or, for the
 * model builder, into "this statement adds nothing to the model").
 */
export class TsqlSyntaxError extends Error {
  /** The token SQL Server would name: "Incorrect syntax near 'X'." */
  readonly token: Token;
  /** The full message when it is not the generic one (e.g. Msg 156 wording is the same text). */
  readonly sqlMessage?: string;

  constructor(token: Token, sqlMessage?: string) {
    // Without a stack trace: it is caught inside src/tsql and never shown, and capturing one
    // cost more than parsing the statement it came from.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(sqlMessage ?? incorrectSyntaxNear(token));
    Error.stackTraceLimit = stackTraceLimit;
    this.token = token;
    this.sqlMessage = sqlMessage;
  }
}

/** SQL Server's Msg 102 wording. Quotes inside the token are shown as SQL Server shows them. */
export function incorrectSyntaxNear(token: Token): string {
  return `Incorrect syntax near '${nearText(token)}'.`;
}

/** What SQL Server prints for a token in "near '...'": strings without their quotes, other tokens as written. */
function nearText(token: Token): string {
  if (token.kind === 'string') return token.value ?? token.text;
  if (token.kind === 'batch-separator') return 'GO';
  return token.text.length > 128 ? token.text.slice(0, 128) : token.text;
}

/**
 * A read position over one statement's significant tokens. A trailing `;` is left out (`end`
 * stops before it) so that grammar functions never have to think about it. At the end of the
 * tokens, `peek()` is undefined and an error points at the last token, the way SQL Server
 * reports "Incorrect syntax near 'x'." for a statement that stops too early.
 */
export class TokenCursor {
  /** The statement's tokens; only those before `end` are read. */
  readonly tokens: readonly Token[];
  /**
   * One past the last token to read: the length without a trailing `;`. A bound instead of a
   * copy of the tokens without it, which every parsed statement used to allocate.
   */
  readonly end: number;
  pos = 0;
  /**
   * How many groups the expression and query grammars are inside at `pos`: parentheses, calls,
   * CASE, subqueries, derived tables, CTE bodies, bracketed query terms. One count for both, as
   * each nests in the other (a subquery in a derived table in a subquery).
   */
  groupDepth = 0;

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
    this.end = endsWithSemicolon(tokens) ? tokens.length - 1 : tokens.length;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  peek(ahead = 0): Token | undefined {
    const index = this.pos + ahead;
    return index < this.end ? this.tokens[index] : undefined;
  }

  /** The token just consumed. */
  get previous(): Token | undefined {
    return this.tokens[this.pos - 1];
  }

  next(): Token {
    if (this.pos >= this.end) throw this.error();
    return this.tokens[this.pos++];
  }

  // The word tests below take up to five words as separate parameters, not a rest list: they
  // run several times per token, and a rest list is an array allocated on every call.

  /** True (and consumed) when the next token is one of the bare words. */
  acceptWord(a: string, b?: string, c?: string, d?: string, e?: string): boolean {
    if (!this.atWord(a, b, c, d, e)) return false;
    this.pos++;
    return true;
  }

  /** True when the next tokens are the given bare words, in order. */
  atWords(a: string, b?: string, c?: string, d?: string, e?: string): boolean {
    return (
      this.isWordAt(0, a) &&
      (b === undefined ||
        (this.isWordAt(1, b) &&
          (c === undefined || (this.isWordAt(2, c) && (d === undefined || (this.isWordAt(3, d) && (e === undefined || this.isWordAt(4, e))))))))
    );
  }

  atWord(a: string, b?: string, c?: string, d?: string, e?: string): boolean {
    if (this.pos >= this.end) return false;
    const token = this.tokens[this.pos];
    if (token.kind !== 'word') return false;
    const upper = token.upper;
    return upper === a || upper === b || upper === c || upper === d || upper === e;
  }

  acceptWords(a: string, b?: string, c?: string, d?: string, e?: string): boolean {
    if (!this.atWords(a, b, c, d, e)) return false;
    this.pos += e !== undefined ? 5 : d !== undefined ? 4 : c !== undefined ? 3 : b !== undefined ? 2 : 1;
    return true;
  }

  expectWord(a: string, b?: string, c?: string, d?: string, e?: string): Token {
    if (!this.atWord(a, b, c, d, e)) throw this.error();
    return this.tokens[this.pos++];
  }

  /** expectWord for a set of words (more than five, or a list kept elsewhere). */
  expectWordIn(words: ReadonlySet<string>): Token {
    const token = this.peek();
    if (!token || token.kind !== 'word' || !words.has(token.upper)) throw this.error();
    this.pos++;
    return token;
  }

  private isWordAt(ahead: number, upper: string): boolean {
    const index = this.pos + ahead;
    if (index >= this.end) return false;
    const token = this.tokens[index];
    return token.kind === 'word' && token.upper === upper;
  }

  at(text: string): boolean {
    const token = this.peek();
    return token !== undefined && (token.kind === 'punctuation' || token.kind === 'operator') && token.text === text;
  }

  accept(text: string): boolean {
    if (!this.at(text)) return false;
    this.pos++;
    return true;
  }

  expect(text: string): Token {
    if (!this.at(text)) throw this.error();
    return this.next();
  }

  /** An identifier: a bare word that is not a reserved keyword, or a quoted name. */
  expectIdentifier(): Token {
    const token = this.peek();
    if (!token || !isIdentifier(token) || (token.kind === 'word' && RESERVED.has(token.upper))) throw this.error();
    this.pos++;
    return token;
  }

  /** After a `.`, any word names a part (`x.value(...)`, `t.[key]`): SQL Server resolves it later. */
  expectIdentifierOrKeyword(): Token {
    const token = this.peek();
    if (!token || !isIdentifier(token)) throw this.error();
    this.pos++;
    return token;
  }

  atIdentifier(): boolean {
    const token = this.peek();
    return token !== undefined && isIdentifier(token) && !(token.kind === 'word' && RESERVED.has(token.upper));
  }

  /** The error for the current position: the next token, or the last one when the statement ended. */
  error(): TsqlSyntaxError {
    const token = this.peek() ?? this.tokens[this.end - 1];
    return new TsqlSyntaxError(token);
  }

  /**
   * Skips a parenthesised group whose opening `(` is the next token, returning its parentheses.
   * Used for option lists whose exact grammar varies between versions.
   */
  skipParenthesized(): { open: Token; close: Token } {
    const open = this.expect('(');
    let depth = 1;
    while (!this.done) {
      const token = this.next();
      if (token.kind === 'punctuation' && token.text === '(') depth++;
      else if (token.kind === 'punctuation' && token.text === ')' && --depth === 0) return { open, close: token };
    }
    throw this.error();
  }
}

/** Whether the statement's last token is its `;`. */
export function endsWithSemicolon(tokens: readonly Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && last.kind === 'punctuation' && last.text === ';';
}

/** A cursor over a statement's tokens, as `new TokenCursor(statement.tokens)` makes. */
export function statementCursor(statement: Statement): TokenCursor {
  return new TokenCursor(statement.tokens);
}

/**
 * SQL Server's reserved keywords (the list in the T-SQL reference, "Reserved Keywords"):
 * a bare word from this list can never be an identifier, so meeting one where a name is
 * expected is a syntax error. Words that are keywords only in some contexts are not here.
 */
export const RESERVED = new Set(
  `ADD ALL ALTER AND ANY AS ASC AUTHORIZATION BACKUP BEGIN BETWEEN BREAK BROWSE BULK BY CASCADE CASE CHECK
  CHECKPOINT CLOSE CLUSTERED COALESCE COLLATE COLUMN COMMIT COMPUTE CONSTRAINT CONTAINS CONTAINSTABLE CONTINUE
  CONVERT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE DBCC
  DEALLOCATE DECLARE DEFAULT DELETE DENY DESC DISK DISTINCT DISTRIBUTED DOUBLE DROP DUMP ELSE END ERRLVL ESCAPE
  EXCEPT EXEC EXECUTE EXISTS EXIT EXTERNAL FETCH FILE FILLFACTOR FOR FOREIGN FREETEXT FREETEXTTABLE FROM FULL
  FUNCTION GOTO GRANT GROUP HAVING HOLDLOCK IDENTITY IDENTITY_INSERT IDENTITYCOL IF IN INDEX INNER INSERT
  INTERSECT INTO IS JOIN KEY KILL LEFT LIKE LINENO LOAD MERGE NATIONAL NOCHECK NONCLUSTERED NOT NULL NULLIF OF
  OFF OFFSETS ON OPEN OPENDATASOURCE OPENQUERY OPENROWSET OPENXML OPTION OR ORDER OUTER OVER PERCENT PIVOT PLAN
  PRECISION PRIMARY PRINT PROC PROCEDURE PUBLIC RAISERROR READ READTEXT RECONFIGURE REFERENCES REPLICATION
  RESTORE RESTRICT RETURN REVERT REVOKE RIGHT ROLLBACK ROWCOUNT ROWGUIDCOL RULE SAVE SCHEMA SECURITYAUDIT SELECT
  SEMANTICKEYPHRASETABLE SEMANTICSIMILARITYDETAILSTABLE SEMANTICSIMILARITYTABLE SESSION_USER SET SETUSER SHUTDOWN
  SOME STATISTICS SYSTEM_USER TABLE TABLESAMPLE TEXTSIZE THEN TO TOP TRAN TRANSACTION TRIGGER TRUNCATE
  TRY_CONVERT TSEQUAL UNION UNIQUE UNPIVOT UPDATE UPDATETEXT USE USER VALUES VARYING VIEW WAITFOR WHEN WHERE
  WHILE WITH WRITETEXT`.split(/\s+/),
);
