import { classifyStatement, type Statement } from '../sql/statement.js';
import type { Token } from '../sql/token.js';
import { endsWithSemicolon, incorrectSyntaxNear, statementCursor, TsqlSyntaxError, type TokenCursor } from './cursor.js';
import { parseExpression, type ExpressionOptions } from './expression.js';
import {
  ALTER_OBJECTS,
  CREATE_OBJECTS,
  parseCreateSchema,
  parseCreateSequence,
  parseCreateSynonym,
  parseCreateType,
  parseDeclare,
  parseDrop,
  parseExec,
  parsePrint,
  parseSet,
  parseTruncate,
  parseUse,
} from './other-statements.js';
import { isSpecialIndex, parseSchemaStatement } from './parse-statement.js';
import { checkBalanced, parseCreateView, parseIf, parseInsert } from './schema-statements.js';
import { parseCommonTableExpressions, parseQueryExpression } from './query.js';

/** One syntax error: where SQL Server would point, and its words. */
export interface TsqlSyntaxProblem {
  token: Token;
  message: string;
}

/**
 * Validates a T-SQL file statement by statement, in the order the splitter yields them.
 * Every statement is parsed on its own, so an error in one never hides an error in the
 * next; BEGIN / END blocks are matched within each batch. The grammar is strict for the
 * statements schema files are made of and checks only balance (and tokens no T-SQL has)
 * for query and procedural statements, whose full grammar it does not own: a false
 * "Incorrect syntax" on valid T-SQL is the worst thing this validator could do.
 */
export class TsqlValidator {
  /** Statements seen in the current batch (an implicit EXEC is allowed only first). */
  private statementsInBatch = 0;
  private readonly blocks: { kind: 'block' | 'try' | 'catch'; token: Token }[] = [];
  private lastToken: Token | undefined;
  /** The last token of an IF, WHILE or ELSE still waiting for the statement it governs. */
  private awaitingBody: Token | undefined;

  /**
   * `text` (the file's text) lets the validator resume after an error at a statement that
   * starts a line, so that one unclosed parenthesis does not hide the rest of the batch.
   */
  constructor(
    private readonly options: ExpressionOptions,
    private readonly text?: string,
  ) {}

  statement(statement: Statement): TsqlSyntaxProblem[] {
    const problems: TsqlSyntaxProblem[] = [];
    const missingBody = this.missingBody(statement);
    if (missingBody) problems.push(missingBody);
    if (statement.kind === 'go') {
      const unclosed = this.endBatch();
      if (unclosed) problems.push(unclosed);
      this.statementsInBatch = 0;
      this.lastToken = undefined;
      return problems;
    }
    const lexical = lexicalProblem(statement.tokens, this.options);
    if (lexical) {
      // SQL Server stops at the first token it cannot take, whichever kind of mistake that is:
      // a grammar error before the unreadable token is the one it reports (`VALUES X'AB'` fails
      // at VALUES). Otherwise fixing the later token would uncover an error on an earlier line.
      const error = this.parse(statement);
      problems.push(error && error.token.start < lexical.token.start ? { token: error.token, message: error.message } : lexical);
    } else {
      const blockProblem = this.trackBlocks(statement);
      if (blockProblem && !problems.some((problem) => problem.token === blockProblem.token)) problems.push(blockProblem);
      let error = this.parse(statement);
      let current = statement;
      // Resume at the next statement that starts a line: an unclosed parenthesis makes the
      // splitter read on to the end of the batch, and the statements there deserve a verdict.
      for (let resumed = 0; error && resumed < 100; resumed++) {
        problems.push({ token: error.token, message: error.message });
        const rest = this.restartAfter(current, error.token);
        if (!rest) break;
        current = rest;
        error = this.parse(rest);
      }
    }
    this.passed(statement);
    return problems;
  }

  /**
   * A statement too long to hold (Statement.oversized): not judged, as only its leading and
   * latest tokens are kept, but it stands where it is. An IF, WHILE or ELSE before it governs
   * it, and a statement after it is not the first of its batch; left out, an IF before it was
   * "missing" its statement at the next GO, END or the end of the file, a false error.
   */
  skip(statement: Statement): void {
    this.passed(statement);
  }

  /** What a statement leaves for the next: its place in the batch, its last token, and whether it governs the next. */
  private passed(statement: Statement): void {
    this.statementsInBatch++;
    this.lastToken = statement.tokens[statement.tokens.length - 1] ?? this.lastToken;
    const kind = statement.kind;
    const governs = (kind === 'if' || kind === 'while' || kind === 'else') && !statement.terminated;
    this.awaitingBody = governs ? this.lastToken : undefined;
  }

  /**
   * IF, WHILE and ELSE govern the next statement; at a GO, an END or the end of the file
   * there is none, and SQL Server names the last token it read.
   */
  private missingBody(next: Statement | undefined): TsqlSyntaxProblem | undefined {
    const waiting = this.awaitingBody;
    if (!waiting) return undefined;
    const first = next?.tokens[0];
    const ends = !next || next.kind === 'go' || (first?.kind === 'word' && first.upper === 'END' && ['end', 'end try', 'end catch'].includes(next.kind));
    if (!ends) return undefined;
    this.awaitingBody = undefined;
    // Before an END, SQL Server stops at the END; before GO or the end of the file, at the last token.
    const at = first && next?.kind !== 'go' ? first : waiting;
    return { token: at, message: incorrectSyntaxNear(at) };
  }

  /** After the last statement: blocks still open at the end of the file. */
  end(): TsqlSyntaxProblem[] {
    const problems: TsqlSyntaxProblem[] = [];
    const missingBody = this.missingBody(undefined);
    if (missingBody) problems.push(missingBody);
    const unclosed = this.endBatch();
    if (unclosed) problems.push(unclosed);
    return problems;
  }

  /** The problem of a batch that ends with blocks still open, if it does; forgets the blocks. */
  private endBatch(): TsqlSyntaxProblem | undefined {
    if (this.blocks.length === 0 || !this.lastToken) {
      this.blocks.length = 0;
      return undefined;
    }
    this.blocks.length = 0;
    // SQL Server reads to the end of the batch looking for END and names the last token.
    return { token: this.lastToken, message: incorrectSyntaxNear(this.lastToken) };
  }

  private trackBlocks(statement: Statement): TsqlSyntaxProblem | undefined {
    const tokens = statement.tokens;
    // The length without a trailing `;`, counted instead of copying every statement's tokens.
    const length = tokens.length - (endsWithSemicolon(tokens) ? 1 : 0);
    const first = length > 0 ? tokens[0] : undefined;
    if (!first || first.kind !== 'word') return undefined;
    if (first.upper !== 'BEGIN' && first.upper !== 'END') return undefined;
    const second = length > 1 && tokens[1].kind === 'word' ? tokens[1].upper : '';
    if (first.upper === 'BEGIN') {
      if (length === 1 || second === 'ATOMIC') this.blocks.push({ kind: 'block', token: first });
      else if (length === 2 && second === 'TRY') this.blocks.push({ kind: 'try', token: first });
      else if (length === 2 && second === 'CATCH') this.blocks.push({ kind: 'catch', token: first });
      return undefined;
    }
    let kind: 'block' | 'try' | 'catch';
    if (length === 1) kind = 'block';
    else if (length === 2 && second === 'TRY') kind = 'try';
    else if (length === 2 && second === 'CATCH') kind = 'catch';
    else return undefined; // END CONVERSATION ...
    const open = this.blocks[this.blocks.length - 1];
    if (!open || open.kind !== kind) return { token: first, message: incorrectSyntaxNear(first) };
    this.blocks.pop();
    return undefined;
  }

  /**
   * The part of a failed statement from the first statement keyword after the error that
   * stands in the first column of its line: top-level statements of schema scripts start
   * there, nested subqueries are indented.
   */
  private restartAfter(statement: Statement, errorToken: Token): Statement | undefined {
    if (this.text === undefined) return undefined;
    const tokens = statement.tokens;
    const from = tokens.indexOf(errorToken);
    for (let i = Math.max(from, 0) + 1; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.kind !== 'word' || !RESTART_WORDS.has(token.upper)) continue;
      const before = token.start > 0 ? this.text.charCodeAt(token.start - 1) : 10;
      if (before !== 10 && before !== 13) continue;
      const rest = tokens.slice(i);
      return { ...statement, tokens: rest, start: token.start, kind: classifyStatement(rest), index: statement.index };
    }
    return undefined;
  }

  private parse(statement: Statement): TsqlSyntaxError | undefined {
    const c = statementCursor(statement);
    if (c.end === 0) return undefined;
    try {
      this.parseStatement(c, statement);
    } catch (error) {
      if (error instanceof TsqlSyntaxError) return error;
      // Nesting deeper than the stack (100,000 parentheses) is beyond what this grammar can
      // judge; saying nothing is right, as a false error is the worst outcome here.
      if (error instanceof RangeError) return undefined;
      throw error;
    }
    return undefined;
  }

  private parseStatement(c: TokenCursor, statement: Statement): void {
    const first = c.peek()!;
    const options = this.options;
    const firstInBatch = this.statementsInBatch === 0;
    if (first.kind !== 'word') {
      if (first.kind === 'punctuation' && first.text === '(') return checkBalanced(c);
      if (first.kind === 'quoted-identifier' && firstInBatch && first.quote !== '`') return parseExec(c, options, true);
      throw c.error();
    }
    switch (first.upper) {
      case 'CREATE':
        return this.parseCreate(c, statement);
      case 'ALTER':
        return this.parseAlter(c, statement);
      case 'DROP':
        return parseDrop(c);
      case 'INSERT':
        // A VALUES insert parses once for every asker; INSERT ... SELECT / EXEC is this grammar's alone.
        if (statement.kind === 'insert' && this.parsedShared(statement)) return;
        if (parseInsert(c, options)) return;
        if (c.atWord('SELECT') || (c.at('(') && c.peek(1)?.upper === 'SELECT')) return this.parseQueryStatement(c);
        return checkBalanced(c);
      case 'SELECT':
        return this.parseQueryStatement(c);
      case 'WITH':
        if (c.peek(1)?.upper === 'XMLNAMESPACES') return checkBalanced(c);
        parseCommonTableExpressions(c, options);
        if (c.atWord('SELECT') || c.at('(')) return this.parseQueryStatement(c);
        return checkBalanced(c);
      case 'IF':
        if (statement.kind === 'if') return this.parseShared(statement);
        parseIf(c, options);
        return; // what follows the condition is a statement of its own (the splitter's cut)
      case 'WHILE':
        c.next();
        parseExpression(c, options);
        return;
      case 'EXEC':
      case 'EXECUTE':
        return parseExec(c, options);
      case 'SET':
        return parseSet(c, options);
      case 'DECLARE':
        return parseDeclare(c, options);
      case 'USE':
        return parseUse(c);
      case 'PRINT':
        return parsePrint(c, options);
      case 'TRUNCATE':
        return parseTruncate(c);
      case 'BEGIN':
      case 'END':
      case 'ELSE':
        return checkBalanced(c);
      case 'MERGE':
        checkBalanced(c);
        if (!statement.terminated) throw new TsqlSyntaxError(first, 'A MERGE statement must be terminated by a semi-colon (;).');
        return;
      default:
        break;
    }
    if (QUERY_AND_PROCEDURAL.has(first.upper)) return checkBalanced(c);
    if (c.peek(1)?.kind === 'operator' && c.peek(1)!.text === ':' && c.end === 2) return; // a GOTO label
    if (firstInBatch) return parseExec(c, options, true);
    throw c.error();
  }

  /**
   * A statement the schema model is built from, parsed by the same grammar function the model
   * builder and the create-time rules call (parseSchemaStatement): in one lint pass it is
   * parsed once for all of them. Its syntax error, if any, is this validator's.
   */
  private parseShared(statement: Statement): void {
    const { error } = parseSchemaStatement(statement, this.options);
    if (error) throw error;
  }

  /** True when parseSchemaStatement judged the statement whole: it built its node, or found its error (thrown). */
  private parsedShared(statement: Statement): boolean {
    const { node, error } = parseSchemaStatement(statement, this.options);
    if (error) throw error;
    return node !== undefined;
  }

  /** A SELECT that must take the rest of the statement. */
  private parseQueryStatement(c: TokenCursor): void {
    parseQueryExpression(c, this.options);
    if (c.done) return;
    const next = c.peek()!;
    // Service Broker and other statements the splitter does not know start here when no `;` came before.
    if (next.kind === 'word' && STATEMENT_WORDS_AFTER_QUERY.has(next.upper)) return;
    throw c.error();
  }

  private parseCreate(c: TokenCursor, statement: Statement): void {
    const object = objectWord(c.tokens);
    if (!object || !CREATE_OBJECTS.has(object.upper)) {
      throw new TsqlSyntaxError(object ?? c.tokens[c.end - 1]);
    }
    switch (statement.kind) {
      case 'create table':
        return this.parseShared(statement);
      case 'create index':
        // An XML, spatial or full-text index has a grammar of its own: only its parentheses are checked.
        if (isSpecialIndex(statement.tokens)) return checkBalanced(c);
        // A plain index is parsed once for the validator and the model builder alike.
        return this.parseShared(statement);
      case 'create view':
        parseCreateView(c, this.options);
        return;
      case 'create procedure':
      case 'create function':
      case 'create trigger':
        return this.parseShared(statement);
      case 'create schema':
        // CREATE XML SCHEMA COLLECTION is classified with schemas but has its own grammar.
        return c.tokens[1]?.upper === 'SCHEMA' ? parseCreateSchema(c) : checkBalanced(c);
      case 'create sequence':
        return parseCreateSequence(c);
      case 'create type':
        return parseCreateType(c, this.options);
      case 'create synonym':
        return parseCreateSynonym(c);
      default:
        return checkBalanced(c);
    }
  }

  private parseAlter(c: TokenCursor, statement: Statement): void {
    const object = objectWord(c.tokens);
    if (!object || !ALTER_OBJECTS.has(object.upper)) throw new TsqlSyntaxError(object ?? c.tokens[c.end - 1]);
    switch (statement.kind) {
      case 'alter table':
        return this.parseShared(statement);
      case 'alter view':
        parseCreateView(c, this.options);
        return;
      case 'alter procedure':
      case 'alter function':
      case 'alter trigger':
        return this.parseShared(statement);
      default:
        return checkBalanced(c);
    }
  }
}

/**
 * Statements checked for balance only: queries, DML and procedural statements whose grammar
 * is SELECT's (or varies by version), and rarer statements a schema file may still hold.
 */
const QUERY_AND_PROCEDURAL = new Set(
  `SELECT UPDATE DELETE MERGE WITH RETURN THROW RAISERROR GRANT DENY REVOKE OPEN CLOSE FETCH DEALLOCATE COMMIT
  ROLLBACK SAVE GOTO BREAK CONTINUE WAITFOR CHECKPOINT RECONFIGURE SHUTDOWN KILL DBCC BACKUP RESTORE BULK ENABLE
  DISABLE SEND RECEIVE GET MOVE READTEXT WRITETEXT UPDATETEXT SETUSER REVERT ATOMIC ADD LINENO EXTERNAL`.split(/\s+/),
);

/** Words a statement starts with, where the validator resumes after an error. */
const RESTART_WORDS = new Set([
  'CREATE', 'ALTER', 'DROP', 'INSERT', 'UPDATE', 'DELETE', 'EXEC', 'EXECUTE', 'DECLARE', 'SET', 'SELECT', 'IF',
  'PRINT', 'USE', 'TRUNCATE', 'GRANT', 'DENY', 'REVOKE', 'MERGE', 'BEGIN', 'END', 'WHILE', 'RETURN',
]);

/** Statement words that may follow a query in the same splitter statement (no `;` between them). */
const STATEMENT_WORDS_AFTER_QUERY = new Set(['SEND', 'RECEIVE', 'GET', 'MOVE', 'READTEXT', 'WRITETEXT', 'UPDATETEXT', 'SETUSER', 'LINENO']);

const OBJECT_MODIFIERS: ReadonlySet<string> = new Set(['UNIQUE', 'CLUSTERED', 'NONCLUSTERED', 'COLUMNSTORE', 'PRIMARY']);

/** The word naming the object of CREATE / ALTER, after `OR ALTER` and index modifiers (`UNIQUE CLUSTERED INDEX`). */
function objectWord(tokens: readonly Token[]): Token | undefined {
  let i = 1;
  if (tokens[i]?.upper === 'OR' && tokens[i + 1]?.upper === 'ALTER') i += 2;
  while (tokens[i] && tokens[i].kind === 'word' && OBJECT_MODIFIERS.has(tokens[i].upper) && tokens[i + 1]?.kind === 'word') i++;
  const token = tokens[i];
  return token && token.kind === 'word' ? token : undefined;
}

/** Operators T-SQL does not have; `||` only from SQL Server 2025. */
const FOREIGN_OPERATORS = new Set(['==', '->>', '!']);

/**
 * Tokens SQL Server cannot read at all, wherever they are: an unterminated string or name,
 * a backtick name, a character no T-SQL token starts with, an operator from another dialect.
 */
function lexicalProblem(tokens: readonly Token[], options: ExpressionOptions): TsqlSyntaxProblem | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.error) {
      if (token.kind === 'string' || token.kind === 'quoted-identifier') {
        const body = token.value ?? token.text;
        return { token, message: `Unclosed quotation mark after the character string '${body}'.` };
      }
      return { token, message: incorrectSyntaxNear(token) };
    }
    if (token.kind === 'quoted-identifier' && token.quote === '`') {
      return { token, message: "Incorrect syntax near '`'." };
    }
    if (token.kind === 'blob') return { token, message: incorrectSyntaxNear({ ...token, kind: 'string', value: token.value ?? '' }) };
    if (token.kind === 'unknown' && token.text !== '{' && token.text !== '}') return { token, message: incorrectSyntaxNear(token) };
    if (token.kind === 'operator') {
      // `:setvar` / `:r` are sqlcmd commands, not T-SQL; a `:` elsewhere is a label or JSON_OBJECT's key:value.
      if (token.text === ':' && i === 0) return { token, message: incorrectSyntaxNear(token) };
      if (FOREIGN_OPERATORS.has(token.text) || (token.text === '||' && !options.allowConcatOperator)) {
        return { token, message: incorrectSyntaxNear(token) };
      }
    }
  }
  return undefined;
}
