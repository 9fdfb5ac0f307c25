import { defineRule } from '../../src/engine/rule.js';
import { replaceTokenEdit } from '../../src/rules-support/tokens.js';
import { typeWordVisitor } from '../../src/rules-support/tsql-types.js';
import { isPunctuation, isWord } from '../../src/sql/token.js';

/** SQLite type names SQL Server does not know, and the SQL Server type that holds the same values. */
// A Map, not an object: indexing an object by a fresh (upper-cased) string looks it up in V8's string table first.
const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  ['BOOLEAN', 'BIT'],
  ['BLOB', 'VARBINARY(MAX)'],
  ['CLOB', 'NVARCHAR(MAX)'],
  ['DOUBLE', 'FLOAT'],
]);

/** SQLite's BOOLEAN, BLOB, CLOB and bare DOUBLE are no SQL Server types. */
export default defineRule({
  meta: {
    id: 'tsql/no-sqlite-types',
    description: 'Disallow SQLite type names SQL Server does not have: BOOLEAN, BLOB, CLOB, DOUBLE without PRECISION.',
    dialects: ['tsql'],
    severity: 'error',
    fixable: true,
    messages: {
      unknownType: 'SQL Server rejects {{type}}: Cannot find data type {{type}} (Msg 2715).',
      double: "SQL Server rejects DOUBLE alone: only DOUBLE PRECISION is a type (Incorrect syntax near 'DOUBLE').",
    },
    help: {
      unknownType: 'Write {{replacement}} instead of {{type}}.',
      double: 'Write FLOAT (or DOUBLE PRECISION) instead of DOUBLE.',
    },
  },
  create(context) {
    return typeWordVisitor(
      (token, name, index, statement) => {
      const replacement = REPLACEMENTS.get(name);
      if (!replacement) return;
      const next = statement.tokens[index + 1];
      if (name === 'DOUBLE' && isWord(next, 'PRECISION')) return;
      // BLOB(10) or DOUBLE(8,2) carry arguments the replacement cannot take: report without a fix.
      const fix = isPunctuation(next, '(') ? undefined : replaceTokenEdit(token, replacement);
      context.report({
        node: token,
        messageId: name === 'DOUBLE' ? 'double' : 'unknownType',
        data: { type: name, replacement },
        fix,
      });
      },
      { quoted: true },
    );
  },
});
