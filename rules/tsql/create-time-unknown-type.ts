import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import type { Statement } from '../../src/sql/statement.js';
import { identifierName, upperIdentifierName, type Token } from '../../src/sql/token.js';
import type { ColumnNode } from '../../src/tsql/ast.js';
import { BUILTIN_TYPES, TYPES_FROM_2025, TYPES_WITHOUT_ARGUMENTS } from '../../src/tsql/builtins.js';
import { expressionOptionsFor, parseSchemaStatement } from '../../src/tsql/parse-statement.js';

/**
 * Column types SQL Server cannot find when it creates the table (Msg 2715). Its parser
 * accepts any name as a type, so this is a create-time check: types created earlier in the
 * file (`CREATE TYPE Phone FROM VARCHAR(20)`), schema-qualified types (`dbo.Phone`) and
 * bracketed names (`[Flag]`, how generated scripts write alias types) are taken to be the
 * user's. A fallback rule: `tsql/no-sqlite-types` explains BOOLEAN, BLOB and CLOB better.
 */
/**
 * The type an `EXEC sp_addtype name, 'base'` creates: how scripts written before CREATE TYPE
 * (pubs, Northwind-era installs) made alias types. The name may be a word, a [name] or a
 * string, and may follow `@typename =`.
 */
function addtypeName(tokens: readonly Token[]): string | undefined {
  let i = 0;
  if (tokens[i]?.kind === 'word' && (tokens[i].upper === 'EXEC' || tokens[i].upper === 'EXECUTE')) i++;
  while (tokens[i + 1]?.text === '.') i += 2; // sys.sp_addtype, master.dbo.sp_addtype
  if (tokens[i]?.kind !== 'word' || tokens[i].upper !== 'SP_ADDTYPE') return undefined;
  i++;
  if (tokens[i]?.kind === 'variable' && tokens[i + 1]?.text === '=') i += 2;
  const name = tokens[i];
  if (!name) return undefined;
  if (name.kind === 'string') return name.value ?? undefined;
  return name.kind === 'word' || name.kind === 'quoted-identifier' ? identifierName(name) : undefined;
}

/** Tables whose columns are checked, and the two ways a file creates a type (CREATE TYPE, EXEC sp_addtype). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['create type', 'create table', 'alter table'], words: ['SP_ADDTYPE'] };

export default defineRule({
  meta: {
    id: 'tsql/create-time-unknown-type',
    description: 'Report column types SQL Server does not have (Msg 2715), and widths on types that take none, like INT(11) (Msg 2716).',
    dialects: ['tsql'],
    severity: 'error',
    fallback: true,
    messages: {
      unknownType: 'Column, parameter, or variable #{{ordinal}}: Cannot find data type {{type}}.',
      noWidth: 'Column, parameter, or variable #{{ordinal}}: Cannot specify a column width on data type {{type}}.',
    },
    help: {
      unknownType: 'Use a SQL Server type (INT, NVARCHAR(n), DECIMAL(p, s), DATETIME2, BIT, VARBINARY(MAX), ...), or create the type first with CREATE TYPE.',
      noWidth: 'Write {{type}} without the parentheses (MySQL display widths such as INT(11) mean nothing to SQL Server).',
    },
  },
  create(context) {
    const options = expressionOptionsFor(context.settings.sqlserverVersion);
    const has2025Types = options.allowConcatOperator; // SQL Server 2025 and Azure SQL
    const userTypes = new Set<string>();
    const check = (column: ColumnNode, ordinal: number): void => {
      const type = column.type;
      if (!type || type.qualified || type.nameToken.kind !== 'word') return;
      if (userTypes.has(type.name)) return;
      if (TYPES_WITHOUT_ARGUMENTS.has(type.name) && type.args.length > 0) {
        context.report({ node: type.nameToken, endNode: type.last, messageId: 'noWidth', data: { ordinal, type: type.nameToken.text.toLowerCase() } });
        return;
      }
      if (BUILTIN_TYPES.has(type.name)) return;
      if (has2025Types && TYPES_FROM_2025.has(type.name)) return;
      context.report({ node: type.nameToken, messageId: 'unknownType', data: { ordinal, type: identifierName(type.nameToken) } });
    };
    /** Records the type the statement creates, if it creates one; true when it does. */
    const learnType = (statement: Statement): boolean => {
      if (statement.kind === 'create type') {
        const tokens = statement.tokens;
        let i = 2;
        while (tokens[i + 1]?.text === '.') i += 2;
        if (tokens[i]) userTypes.add(upperIdentifierName(tokens[i]));
        return true;
      }
      const aliasType = addtypeName(statement.tokens);
      if (aliasType) userTypes.add(aliasType.toUpperCase());
      return aliasType !== undefined;
    };
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        if (learnType(statement)) return;
        if (statement.kind !== 'create table' && statement.kind !== 'alter table') return;
        const { node } = parseSchemaStatement(statement, options);
        // Indexed loops, not for...of: this visitor runs on every CREATE TABLE, and compiling the
        // array iterators V8 inlined cost more than the loops ever ran (1 MB T-SQL bench file:
        // 3,003.0 → 2,954.7 M instructions).
        let ordinal = 0;
        if (node?.kind === 'create table') {
          const elements = node.elements;
          for (let i = 0; i < elements.length; i++) {
            const element = elements[i];
            if (element.kind === 'column') check(element.column, ++ordinal);
          }
        } else if (node?.kind === 'alter table') {
          const actions = node.actions;
          for (let i = 0; i < actions.length; i++) {
            const action = actions[i];
            if (action.kind === 'add column') check(action.column, ++ordinal);
          }
        }
      },
      /**
       * Not judged (only its leading and latest tokens are kept), but a CREATE TYPE that long (a
       * table type) still creates its type, whose name is among its leading tokens: a column of
       * that type after it is no unknown type.
       */
      oversized(statement) {
        learnType(statement);
      },
    };
  },
});
