import { isIdentifier, type Token } from '../sql/token.js';
import { RESERVED, TsqlSyntaxError, type TokenCursor } from './cursor.js';
import { parseDataType } from './data-type.js';
import { parseExpression, type ExpressionOptions } from './expression.js';
import { parseName } from './names.js';
import { checkBalanced } from './schema-statements.js';
import { parseTableElementList } from './table.js';

/**
 * The statements of schema scripts around the DDL: DROP, CREATE SCHEMA / SEQUENCE / TYPE /
 * SYNONYM, EXEC, SET, USE, PRINT, DECLARE, TRUNCATE. Each parser consumes the whole
 * statement or throws a TsqlSyntaxError at the first token that cannot continue it.
 * Where SQL Server's grammar is wide and version-dependent (GRANT, cursors, transaction
 * control), the statement is checked for balance only: never a false error.
 */

/** Object words DROP accepts; anything else after DROP is a syntax error. */
const DROP_OBJECTS = new Set(
  `AGGREGATE APPLICATION ASSEMBLY ASYMMETRIC AVAILABILITY BROKER CERTIFICATE COLUMN CONTRACT CREDENTIAL
  CRYPTOGRAPHIC DATABASE DEFAULT DIAGNOSTICS ENDPOINT EVENT EXTERNAL FULLTEXT FUNCTION INDEX LOGIN MASTER MESSAGE
  PARTITION PROC PROCEDURE QUEUE REMOTE RESOURCE ROLE ROUTE RULE SCHEMA SEARCH SECURITY SELECTIVE SENSITIVITY SEQUENCE
  SERVER SERVICE SIGNATURE SPATIAL STATISTICS SYMMETRIC SYNONYM TABLE TRIGGER TYPE USER VIEW WORKLOAD XML JSON
  COUNTER`.split(/\s+/),
);

/** Object words CREATE accepts (after the optional OR ALTER and index modifiers). */
export const CREATE_OBJECTS = new Set([
  ...DROP_OBJECTS,
  'UNIQUE', 'CLUSTERED', 'NONCLUSTERED', 'COLUMNSTORE', 'PRIMARY', 'OR', 'VECTOR',
]);

/** Object words ALTER accepts. */
export const ALTER_OBJECTS = new Set([...DROP_OBJECTS, 'AUTHORIZATION', 'CONFIGURATION']);

/** `DROP TABLE [IF EXISTS] a, b`, `DROP INDEX [IF EXISTS] ix ON t`, `DROP INDEX t.ix`, `DROP VIEW ...`. */
export function parseDrop(c: TokenCursor): void {
  c.expectWord('DROP');
  const object = c.peek();
  if (!object || object.kind !== 'word' || !DROP_OBJECTS.has(object.upper)) throw c.error();
  c.next();
  switch (object.upper) {
    case 'TABLE':
    case 'VIEW':
    case 'PROCEDURE':
    case 'PROC':
    case 'FUNCTION':
    case 'SEQUENCE':
    case 'SYNONYM':
    case 'TYPE':
    case 'DEFAULT':
    case 'RULE':
      if (c.atWords('IF', 'EXISTS')) c.pos += 2;
      do parseName(c);
      while (c.accept(','));
      break;
    case 'TRIGGER':
      if (c.atWords('IF', 'EXISTS')) c.pos += 2;
      do parseName(c);
      while (c.accept(','));
      if (c.acceptWord('ON')) {
        if (!c.acceptWord('DATABASE')) {
          c.expectWord('ALL');
          c.expectWord('SERVER');
        }
      }
      break;
    case 'SCHEMA':
      if (c.atWords('IF', 'EXISTS')) c.pos += 2;
      c.expectIdentifier();
      break;
    case 'INDEX': {
      if (c.atWords('IF', 'EXISTS')) c.pos += 2;
      do {
        const name = parseName(c);
        if (c.acceptWord('ON')) {
          parseName(c);
          if (c.atWord('WITH') && c.peek(1)?.text === '(') {
            c.next();
            c.skipParenthesized();
          }
        } else if (name.parts.length < 2) {
          throw new TsqlSyntaxError(name.first, 'Exactly two part names are required in a DROP INDEX statement.');
        }
      } while (c.accept(','));
      break;
    }
    default:
      checkBalanced(c);
  }
  if (!c.done) throw c.error();
}

/** `CREATE SCHEMA s [AUTHORIZATION owner]` (schema elements that follow are statements of their own). */
export function parseCreateSchema(c: TokenCursor): void {
  c.expectWord('CREATE');
  c.expectWord('SCHEMA');
  if (c.acceptWord('AUTHORIZATION')) c.expectIdentifier();
  else {
    c.expectIdentifier();
    if (c.acceptWord('AUTHORIZATION')) c.expectIdentifier();
  }
  checkBalanced(c); // schema elements (CREATE TABLE, GRANT) may follow in the same statement
}

/** `CREATE SEQUENCE s [AS type] [START WITH n] [INCREMENT BY n] [MIN/MAXVALUE] [[NO] CYCLE] [CACHE n | NO CACHE]`. */
export function parseCreateSequence(c: TokenCursor): void {
  c.next(); // CREATE or ALTER
  c.expectWord('SEQUENCE');
  parseName(c);
  for (;;) {
    if (c.acceptWord('AS')) parseDataType(c);
    else if (c.acceptWords('START', 'WITH') || c.acceptWords('INCREMENT', 'BY') || c.acceptWords('RESTART', 'WITH')) signedConstant(c);
    else if (c.acceptWord('MINVALUE', 'MAXVALUE')) signedConstant(c);
    else if (c.acceptWord('RESTART')) continue;
    else if (c.acceptWords('NO', 'MINVALUE') || c.acceptWords('NO', 'MAXVALUE') || c.acceptWords('NO', 'CYCLE') || c.acceptWords('NO', 'CACHE')) continue;
    else if (c.acceptWord('CYCLE')) continue;
    else if (c.acceptWord('CACHE')) {
      if (c.peek()?.kind === 'number') c.next();
    } else break;
  }
  if (!c.done) throw c.error();
}

function signedConstant(c: TokenCursor): void {
  if (c.at('-') || c.at('+')) c.next();
  if (c.peek()?.kind !== 'number') throw c.error();
  c.next();
}

/** `CREATE TYPE t FROM base [NULL | NOT NULL]`, `CREATE TYPE t AS TABLE (...)`, `CREATE TYPE t EXTERNAL NAME a.b`. */
export function parseCreateType(c: TokenCursor, options: ExpressionOptions): void {
  c.expectWord('CREATE');
  c.expectWord('TYPE');
  parseName(c);
  if (c.acceptWord('FROM')) {
    parseDataType(c);
    if (!c.acceptWord('NULL')) c.acceptWords('NOT', 'NULL');
  } else if (c.acceptWord('AS')) {
    c.expectWord('TABLE');
    parseTableElementList(c, options);
    if (c.atWord('WITH') && c.peek(1)?.text === '(') {
      c.next();
      c.skipParenthesized();
    }
  } else {
    c.expectWord('EXTERNAL');
    c.expectWord('NAME');
    parseName(c);
  }
  if (!c.done) throw c.error();
}

/** `CREATE SYNONYM s FOR server.db.schema.object`. */
export function parseCreateSynonym(c: TokenCursor): void {
  c.expectWord('CREATE');
  c.expectWord('SYNONYM');
  parseName(c);
  c.expectWord('FOR');
  parseName(c);
  if (!c.done) throw c.error();
}

/**
 * `EXEC [@ret =] proc [args] [WITH ...]`, `EXEC ('dynamic ' + @sql) [AS USER = '...'] [AT server]`.
 * `implicit` is the form without the keyword, allowed as the first statement of a batch.
 */
export function parseExec(c: TokenCursor, options: ExpressionOptions, implicit = false): void {
  if (!implicit) c.expectWord('EXEC', 'EXECUTE');
  if (c.at('(') || (!implicit && c.atWord('AS'))) {
    // EXEC ('dynamic SQL'), and EXECUTE AS LOGIN = '...' (impersonation, its own grammar)
    checkBalanced(c);
    return;
  }
  if (c.peek()?.kind === 'variable' && c.peek(1)?.text === '=') c.pos += 2;
  const target = c.peek();
  if (target?.kind === 'variable') c.next();
  else if (target && isIdentifier(target) && !(target.kind === 'word' && RESERVED.has(target.upper))) {
    parseName(c);
    if (c.accept(';')) c.next(); // numbered procedure: p;2
  } else throw c.error();
  if (c.done || c.atWord('WITH', 'AT', 'AS')) {
    checkBalanced(c);
    return;
  }
  do {
    if (c.peek()?.kind === 'variable' && c.peek(1)?.text === '=') c.pos += 2;
    const argument = c.peek();
    if (argument?.kind === 'word' && argument.upper === 'DEFAULT') c.next();
    else if (argument && argument.kind === 'word' && !RESERVED.has(argument.upper) && isArgumentEnd(c.peek(1))) {
      c.next(); // an unquoted string: EXEC sp_help Customers
    } else parseExpression(c, options);
    c.acceptWord('OUTPUT', 'OUT', 'READONLY');
  } while (c.accept(','));
  if (c.atWord('WITH', 'AT')) checkBalanced(c);
  if (!c.done) throw c.error();
}

function isArgumentEnd(token: Token | undefined): boolean {
  return token === undefined || token.text === ',' || (token.kind === 'word' && ['WITH', 'OUTPUT', 'OUT'].includes(token.upper));
}

/** SET options that take ON / OFF, alone or in a comma list. */
const ON_OFF_OPTIONS = new Set(
  `ANSI_DEFAULTS ANSI_NULL_DFLT_OFF ANSI_NULL_DFLT_ON ANSI_NULLS ANSI_PADDING ANSI_WARNINGS ARITHABORT ARITHIGNORE
  CONCAT_NULL_YIELDS_NULL CURSOR_CLOSE_ON_COMMIT FMTONLY FORCEPLAN IMPLICIT_TRANSACTIONS NOCOUNT NOEXEC
  NUMERIC_ROUNDABORT PARSEONLY QUOTED_IDENTIFIER REMOTE_PROC_TRANSACTIONS SHOWPLAN_ALL SHOWPLAN_TEXT SHOWPLAN_XML
  XACT_ABORT NO_BROWSETABLE RESULT_SET_CACHING`.split(/\s+/),
);

/** SET options followed by one value (a word, number, string or variable). */
const VALUE_OPTIONS = new Set(
  `DATEFIRST DATEFORMAT DEADLOCK_PRIORITY LANGUAGE LOCK_TIMEOUT QUERY_GOVERNOR_COST_LIMIT ROWCOUNT TEXTSIZE
  CONTEXT_INFO FIPS_FLAGGER`.split(/\s+/),
);

/** `SET NOCOUNT ON`, `SET ANSI_NULLS, QUOTED_IDENTIFIER ON`, `SET @x = 1`, `SET IDENTITY_INSERT t ON`, ... */
export function parseSet(c: TokenCursor, options: ExpressionOptions): void {
  c.expectWord('SET');
  const first = c.peek();
  if (!first) throw c.error();
  if (first.kind === 'variable') {
    c.next();
    if (c.at('.') || c.at('(')) {
      checkBalanced(c); // @xml.modify(...), @geo.STX
      return;
    }
    const operator = c.peek();
    if (!operator || operator.kind !== 'operator' || !/^[-+*/%&|^]?=$/.test(operator.text)) throw c.error();
    c.next();
    if (c.atWord('CURSOR')) {
      checkBalanced(c);
      return;
    }
    parseExpression(c, options);
    if (!c.done) throw c.error();
    return;
  }
  if (first.kind !== 'word') throw c.error();
  if (ON_OFF_OPTIONS.has(first.upper)) {
    c.next();
    while (c.accept(',')) {
      const next = c.peek();
      if (!next || next.kind !== 'word' || !ON_OFF_OPTIONS.has(next.upper)) throw c.error();
      c.next();
    }
    c.expectWord('ON', 'OFF');
  } else if (first.upper === 'STATISTICS') {
    c.next();
    do c.expectWord('IO', 'TIME', 'XML', 'PROFILE');
    while (c.accept(','));
    c.expectWord('ON', 'OFF');
  } else if (first.upper === 'IDENTITY_INSERT') {
    c.next();
    parseName(c);
    c.expectWord('ON', 'OFF');
  } else if (first.upper === 'OFFSETS') {
    c.next();
    do c.expectIdentifier();
    while (c.accept(','));
    c.expectWord('ON', 'OFF');
  } else if (VALUE_OPTIONS.has(first.upper)) {
    c.next();
    if (c.at('-') || c.at('+')) c.next();
    const value = c.next();
    if (value.kind === 'punctuation' || value.kind === 'operator') throw c.error();
  } else if (first.upper === 'TRANSACTION') {
    c.next();
    c.expectWord('ISOLATION');
    c.expectWord('LEVEL');
    if (c.acceptWord('READ')) c.expectWord('UNCOMMITTED', 'COMMITTED');
    else if (c.acceptWord('REPEATABLE')) c.expectWord('READ');
    else c.expectWord('SNAPSHOT', 'SERIALIZABLE');
  } else {
    throw c.error();
  }
  if (!c.done) throw c.error();
}

/** `DECLARE @a INT = 1, @b NVARCHAR(10)`, `DECLARE @t TABLE (...)`, `DECLARE c CURSOR FOR SELECT ...`. */
export function parseDeclare(c: TokenCursor, options: ExpressionOptions): void {
  c.expectWord('DECLARE');
  do {
    const name = c.peek();
    if (name && name.kind === 'word' && c.peek(1)?.kind === 'word' && ['CURSOR', 'INSENSITIVE', 'SCROLL'].includes(c.peek(1)!.upper)) {
      checkBalanced(c); // cursor declarations: options and a SELECT
      return;
    }
    if (!name || name.kind !== 'variable') throw c.error();
    c.next();
    c.acceptWord('AS');
    if (c.acceptWord('CURSOR')) continue;
    if (c.acceptWord('TABLE')) {
      parseTableElementList(c, options);
      continue;
    }
    parseDataType(c);
    if (c.accept('=')) parseExpression(c, options);
  } while (c.accept(','));
  if (!c.done) throw c.error();
}

export function parseUse(c: TokenCursor): void {
  c.expectWord('USE');
  c.expectIdentifier();
  if (!c.done) throw c.error();
}

export function parsePrint(c: TokenCursor, options: ExpressionOptions): void {
  c.expectWord('PRINT');
  parseExpression(c, options);
  if (!c.done) throw c.error();
}

export function parseTruncate(c: TokenCursor): void {
  c.expectWord('TRUNCATE');
  c.expectWord('TABLE');
  parseName(c);
  checkBalanced(c); // WITH (PARTITIONS (...))
}
