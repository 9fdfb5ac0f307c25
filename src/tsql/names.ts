import { identifierName } from '../sql/token.js';
import type { NameNode } from './ast.js';
import type { TokenCursor } from './cursor.js';

/**
 * A multi-part object name: `t`, `[dbo].[t]`, `db.dbo.t`, `db..t`, `server.db.dbo.t`, `#temp`.
 * At most four parts, as SQL Server allows.
 */
export function parseName(c: TokenCursor): NameNode {
  const first = c.expectIdentifier();
  const parts = [first];
  let written = 1;
  let schemaLeftOut = false;
  while (c.at('.') && written < 4) {
    c.next();
    written++;
    schemaLeftOut = c.at('.'); // db..t: the schema part is left out
    if (schemaLeftOut) continue;
    parts.push(c.expectIdentifierOrKeyword());
  }
  const last = parts[parts.length - 1];
  const schemaToken = parts.length >= 2 && !schemaLeftOut ? parts[parts.length - 2] : undefined;
  const node: NameNode = { parts, name: identifierName(last), first, last: c.previous! };
  if (schemaToken) node.schema = identifierName(schemaToken);
  return node;
}
