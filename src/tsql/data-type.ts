import { identifierName, upperIdentifierName } from '../sql/token.js';
import type { DataTypeNode } from './ast.js';
import type { TokenCursor } from './cursor.js';

/** Type names that take a second word: `DOUBLE PRECISION`, `CHAR VARYING`, `NATIONAL CHARACTER VARYING`. */
const SECOND_WORDS: Record<string, string[]> = {
  DOUBLE: ['PRECISION'],
  CHAR: ['VARYING'],
  CHARACTER: ['VARYING'],
  NCHAR: ['VARYING'],
  BINARY: ['VARYING'],
  NATIONAL: ['CHAR', 'CHARACTER', 'TEXT'],
};

const NATIONAL_SECOND_WORDS: ReadonlySet<string> = new Set(SECOND_WORDS.NATIONAL);
// A Set of the first words: `word in object` looks a fresh (upper-cased) string up in V8's string table first.
const FIRST_WORDS: ReadonlySet<string> = new Set(Object.keys(SECOND_WORDS));

/**
 * `NVARCHAR(50)`, `[decimal](18, 2)`, `VARCHAR(MAX)`, `dbo.Phone`, `DOUBLE PRECISION`,
 * `NATIONAL CHARACTER VARYING (20)`, `XML(CONTENT dbo.schema)`. SQL Server's parser accepts
 * any name as a type (user types exist); whether the type exists is a create-time check.
 */
export function parseDataType(c: TokenCursor): DataTypeNode {
  const first = c.peek();
  let nameToken = first;
  let name: string;
  let qualified = false;
  if (first && first.kind === 'word' && FIRST_WORDS.has(first.upper)) {
    c.next();
    // Concatenated, not an array joined: most of these types are one word (CHAR, BINARY).
    name = first.upper;
    if (name === 'DOUBLE') name += ` ${c.expectWord('PRECISION').upper}`;
    else if (name === 'NATIONAL') {
      name += ` ${c.expectWordIn(NATIONAL_SECOND_WORDS).upper}`;
      if (c.acceptWord('VARYING')) name += ' VARYING';
    } else if (c.acceptWord('VARYING')) name += ' VARYING';
  } else if (first && first.kind === 'word' && first.upper === 'CURSOR') {
    c.next(); // a cursor parameter: @c CURSOR VARYING OUTPUT (CURSOR is a reserved word)
    name = 'CURSOR';
  } else {
    nameToken = c.expectIdentifier();
    name = upperIdentifierName(nameToken);
    if (c.at('.')) {
      c.next();
      nameToken = c.expectIdentifier();
      name = upperIdentifierName(nameToken);
      qualified = true;
    }
  }
  const args: string[] = [];
  if (c.at('(')) {
    c.next();
    if (name === 'XML') {
      c.acceptWord('CONTENT', 'DOCUMENT');
      const parts = [identifierName(c.expectIdentifier())];
      while (c.accept('.')) parts.push(identifierName(c.expectIdentifier()));
      args.push(parts.join('.'));
    } else {
      args.push(typeArgument(c));
      while (c.accept(',')) args.push(typeArgument(c));
    }
    c.expect(')');
  }
  return { name, nameToken: nameToken!, qualified, args, first: first!, last: c.previous! };
}

function typeArgument(c: TokenCursor): string {
  const token = c.peek();
  if (token && token.kind === 'word' && token.upper === 'MAX') {
    c.next();
    return 'MAX';
  }
  if (token && token.kind === 'operator' && token.text === '-' && c.peek(1)?.kind === 'number') {
    c.next();
    return `-${c.next().text}`;
  }
  if (token && token.kind === 'number') {
    c.next();
    return token.text;
  }
  throw c.error();
}
