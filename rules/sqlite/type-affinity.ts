import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { isPunctuation, type Token } from '../../src/sql/token.js';
import { affinityOf, declaredTypeName, sqliteColumns } from '../../src/rules-support/sqlite-columns.js';

/** SQL Server types SQLite accepts only as names, and what a T-SQL user would not expect. */
// A Map, not an object: indexing an object by a fresh (upper-cased) string looks it up in V8's string table first.
const TSQL_TYPES: ReadonlyMap<string, string> = new Map([
  ['BIT', 'there is no boolean type, any value fits'],
  ['UNIQUEIDENTIFIER', 'GUIDs are kept as text; nothing generates or checks them'],
  ['MONEY', 'fractional amounts are stored as 8-byte floating point, not exact decimals'],
  ['SMALLMONEY', 'fractional amounts are stored as 8-byte floating point, not exact decimals'],
  ['DATETIMEOFFSET', 'there is no date type and the offset is not kept apart'],
  ['SMALLDATETIME', 'there is no date type: values are kept as text or numbers as written'],
  ['SQL_VARIANT', 'every column already holds any type'],
  ['XML', 'the value is plain text, nothing checks it'],
  ['HIERARCHYID', 'the value is an opaque blob or text, no hierarchy methods exist'],
  ['GEOGRAPHY', 'the value is an opaque blob, no spatial methods exist'],
  ['GEOMETRY', 'the value is an opaque blob, no spatial methods exist'],
  ['ROWVERSION', 'nothing fills or updates it'],
  ['IMAGE', 'it holds binary data as a BLOB value'],
]);

/** Date and time types whose fractional-seconds precision SQLite ignores: DATETIME2(7). */
const PRECISION_TYPES = new Set(['DATETIME2', 'DATETIMEOFFSET', 'TIME']);

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['create table', 'alter table'] };

/**
 * Informational: SQLite accepts any type name and derives one of five affinities from it
 * (datatype3.html, 3.1). The rule notes where a SQL Server type makes that surprising: BIT,
 * UNIQUEIDENTIFIER, MONEY, DATETIME2(7) and the like, and type names in brackets
 * (`[nvarchar](50)`), SSMS's habit. Ordinary names SQLite users write (`nvarchar(50)`,
 * `datetime`, `datetime2`, `decimal(10,2)`, `unsigned big int`) stay clean.
 */
export default defineRule({
  meta: {
    id: 'sqlite/type-affinity',
    description: 'Note the SQLite type affinity of SQL Server types (BIT, UNIQUEIDENTIFIER, MONEY, DATETIME2(7)...) and of bracketed type names.',
    dialects: ['sqlite'],
    severity: 'warn',
    fixable: true,
    messages: {
      tsqlType: 'SQLite accepts {{type}} only as a name and gives the column {{affinity}} affinity: {{detail}}.',
      precision: 'SQLite ignores the precision of {{type}}: the column gets {{affinity}} affinity and keeps values as written.',
      bracketed: 'SQLite reads {{type}} as the type name {{name}}: the column gets {{affinity}} affinity.',
    },
    help: {
      tsqlType: 'Declare the SQLite type you mean (INTEGER, REAL, TEXT, BLOB or NUMERIC) and keep values in one format.',
      precision: 'Declare it as TEXT (ISO-8601) or INTEGER (Unix time) and store one format.',
      bracketed: 'Write the type without brackets: {{name}}.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        for (const column of sqliteColumns(statement)) {
          if (column.typeNameEnd === column.typeStart) continue;
          const first = tokens[column.typeStart];
          const oneWord = column.typeNameEnd === column.typeStart + 1;
          // The first word of the type name as declaredTypeName spells it: most columns are judged
          // by it alone, and the name, text and affinity are worked out only for a column reported.
          // A word's `upper` is that already (a word holds no space); only a quoted name is split and upper-cased.
          const word = first.kind === 'word' ? first.upper : (first.value ?? first.text).split(' ')[0].toUpperCase();
          const bracketed = first.kind === 'quoted-identifier' && first.quote === '[' && oneWord;
          const precision = !bracketed && PRECISION_TYPES.has(word) && column.typeEnd > column.typeNameEnd;
          if (!bracketed && !precision && !(TSQL_TYPES.has(word) && oneWord)) continue;
          const last = tokens[column.typeEnd - 1];
          const name = declaredTypeName(tokens, column);
          const type = context.source.text.slice(first.start, last.end);
          const affinity = affinityOf(name);
          if (bracketed) {
            context.report({
              node: first,
              endNode: last,
              messageId: 'bracketed',
              data: { type, name: name + typeArguments(context.source.text, tokens, column.typeNameEnd, column.typeEnd), affinity },
              fix: /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? { range: [first.start, first.end], text: name } : undefined,
            });
          } else if (precision) {
            context.report({ node: first, endNode: last, messageId: 'precision', data: { type, affinity } });
          } else {
            context.report({ node: first, endNode: last, messageId: 'tsqlType', data: { type, affinity, detail: TSQL_TYPES.get(word) as string } });
          }
        }
      },
    };
  },
});

function typeArguments(text: string, tokens: readonly Token[], open: number, end: number): string {
  if (end <= open || !isPunctuation(tokens[open], '(')) return '';
  return text.slice(tokens[open].start, tokens[end - 1].end);
}
