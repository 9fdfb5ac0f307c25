import type { TextEdit } from '../../src/engine/diagnostic.js';
import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import type { Statement } from '../../src/sql/statement.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';
import { sqliteColumns, type SqliteColumn } from '../../src/rules-support/sqlite-columns.js';
import { matchingParen } from '../../src/rules-support/tokens.js';

/** The statements this rule acts on: a report is always at the word IDENTITY. */
const SELECTED_STATEMENTS: StatementSelector = { words: ['IDENTITY'] };

/**
 * T-SQL's IDENTITY property. Right after the type SQLite silently makes it part of the type
 * name ("INT IDENTITY"), so the column is no rowid alias and never auto-increments; after a
 * column constraint SQLite rejects it. A warning: the common form runs and misbehaves.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-identity',
    description: "Disallow T-SQL's IDENTITY column property; SQLite uses INTEGER PRIMARY KEY [AUTOINCREMENT].",
    dialects: ['sqlite'],
    severity: 'warn',
    fixable: true,
    messages: {
      typeName: 'SQLite reads {{identity}} as part of the type name: this column will not auto-increment.',
      afterConstraint: 'SQLite rejects {{identity}} after a column constraint: near "{{word}}": syntax error.',
    },
    help: {
      typeName: 'Declare the column as INTEGER PRIMARY KEY AUTOINCREMENT, SQLite\'s auto-incrementing key.',
      afterConstraint: 'Declare the column as INTEGER PRIMARY KEY AUTOINCREMENT, SQLite\'s auto-incrementing key.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        for (const column of sqliteColumns(statement)) {
          for (let i = column.typeStart; i < column.end; i++) {
            if (!isWord(tokens[i], 'IDENTITY')) continue;
            const argsEnd = isPunctuation(tokens[i + 1], '(') ? matchingParen(tokens, i + 1) : -1;
            const last = argsEnd >= 0 ? tokens[argsEnd] : tokens[i];
            const data = { identity: context.source.text.slice(tokens[i].start, last.end), word: tokens[i].text };
            if (i < column.typeNameEnd) {
              const fix = autoincrementFix(statement, column, i);
              context.report({ node: tokens[i], endNode: last, messageId: 'typeName', data, fix });
            } else {
              context.report({ node: tokens[i], endNode: last, messageId: 'afterConstraint', data });
            }
            break;
          }
        }
      },
    };
  },
});

const INTEGER_TYPES = new Set(['INT', 'INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT']);

/**
 * `id INT IDENTITY(1,1) PRIMARY KEY` → `id INTEGER PRIMARY KEY AUTOINCREMENT`: only for an
 * integer column that is its own primary key and counts from 1 by 1, where SQLite's
 * AUTOINCREMENT gives exactly the same keys.
 */
function autoincrementFix(statement: Statement, column: SqliteColumn, identityIndex: number): TextEdit[] | undefined {
  const tokens = statement.tokens;
  if (identityIndex !== column.typeStart + 1 || column.typeNameEnd !== identityIndex + 1) return undefined;
  const type = tokens[column.typeStart];
  const typeName = type.kind === 'quoted-identifier' ? (type.value ?? '') : type.text;
  if (!INTEGER_TYPES.has(typeName.toUpperCase())) return undefined;
  if (column.typeEnd !== column.typeNameEnd && !countsFromOneByOne(tokens, column.typeNameEnd, column.typeEnd)) {
    return undefined;
  }
  let key = -1;
  for (let i = column.typeEnd; i < column.end - 1; i++) {
    if (isWord(tokens[i], 'PRIMARY') && isWord(tokens[i + 1], 'KEY')) key = i + 1;
    if (isWord(tokens[i], 'AUTOINCREMENT')) return undefined;
  }
  if (key < 0) return undefined;
  const after: Token = isWord(tokens[key + 1], 'ASC', 'DESC') ? tokens[key + 1] : tokens[key];
  return [
    { range: [type.start, tokens[column.typeEnd - 1].end], text: 'INTEGER' },
    { range: [after.end, after.end], text: ' AUTOINCREMENT' },
  ];
}

/** `(1,1)` or `(1)`: the seed and increment SQLite's AUTOINCREMENT also uses. */
function countsFromOneByOne(tokens: readonly Token[], open: number, end: number): boolean {
  const inner = tokens.slice(open + 1, end - 1).filter((token) => !isPunctuation(token, ','));
  return inner.length >= 1 && inner.length <= 2 && inner.every((token) => token.kind === 'number' && token.text === '1');
}
