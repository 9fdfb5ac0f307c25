import type { Statement } from '../sql/statement.js';
import { isWord, type Token } from '../sql/token.js';
import { columnDefinitions } from './tsql-columns.js';

export interface TimestampColumn {
  /** The TIMESTAMP type token. */
  type: Token;
  /** The column's DEFAULT keyword, when it has one (SQL Server rejects it on TIMESTAMP). */
  defaultToken?: Token;
}

/** Columns declared with the bare type TIMESTAMP (a column merely named `timestamp` is not one). */
export function timestampColumns(statement: Statement): TimestampColumn[] {
  const found: TimestampColumn[] = [];
  const tokens = statement.tokens;
  for (const column of columnDefinitions(statement)) {
    if (column.typeStart < 0 || column.typeEnd !== column.typeStart + 1) continue;
    const type = tokens[column.typeStart];
    if (!isWord(type, 'TIMESTAMP')) continue;
    let defaultToken: Token | undefined;
    for (let i = column.typeEnd; i < column.end; i++) {
      if (isWord(tokens[i], 'DEFAULT')) {
        defaultToken = tokens[i];
        break;
      }
    }
    found.push({ type, defaultToken });
  }
  return found;
}
