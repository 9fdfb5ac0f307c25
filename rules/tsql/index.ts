import type { Rule } from '../../src/engine/rule.js';
import batchFirstStatement from './batch-first-statement.js';
import createTimeUnknownFunction from './create-time-unknown-function.js';
import createTimeUnknownType from './create-time-unknown-type.js';
import noAddColumnKeyword from './no-add-column-keyword.js';
import noAlterTableRename from './no-alter-table-rename.js';
import noAutoincrement from './no-autoincrement.js';
import noBacktickIdentifiers from './no-backtick-identifiers.js';
import noBareDropIndex from './no-bare-drop-index.js';
import noBlobLiterals from './no-blob-literals.js';
import noBooleanLiterals from './no-boolean-literals.js';
import noConcatOperator from './no-concat-operator.js';
import noConflictClause from './no-conflict-clause.js';
import noDeprecatedTypes from './no-deprecated-types.js';
import noDoubleQuotedStrings from './no-double-quoted-strings.js';
import noFkDeferral from './no-fk-deferral.js';
import noGeneratedColumns from './no-generated-columns.js';
import noIfNotExists from './no-if-not-exists.js';
import noInsertOver1000Rows from './no-insert-over-1000-rows.js';
import noLimit from './no-limit.js';
import noNullsOrdering from './no-nulls-ordering.js';
import noPragma from './no-pragma.js';
import noRealType from './no-real-type.js';
import noReturning from './no-returning.js';
import noRowidAlias from './no-rowid-alias.js';
import noSqliteCollations from './no-sqlite-collations.js';
import noSqliteFunctions from './no-sqlite-functions.js';
import noSqliteMaintenance from './no-sqlite-maintenance.js';
import noSqliteOperators from './no-sqlite-operators.js';
import noSqliteTableOptions from './no-sqlite-table-options.js';
import noSqliteTransactionSyntax from './no-sqlite-transaction-syntax.js';
import noSqliteTriggerSyntax from './no-sqlite-trigger-syntax.js';
import noSqliteTypes from './no-sqlite-types.js';
import noSqliteUpsert from './no-sqlite-upsert.js';
import noTempTableKeyword from './no-temp-table-keyword.js';
import noTimestampDefault from './no-timestamp-default.js';
import noTimestampType from './no-timestamp-type.js';
import noUnavailableFunctions from './no-unavailable-functions.js';
import noUnsizedVarchar from './no-unsized-varchar.js';
import noVirtualTable from './no-virtual-table.js';
import noWithRecursive from './no-with-recursive.js';
import syntax from './syntax.js';

/** Rules for T-SQL files: constructs from SQLite (or nowhere) that SQL Server rejects or reads differently. */
export const tsqlRules: Rule[] = [
  noAutoincrement,
  noRowidAlias,
  noIfNotExists,
  noBareDropIndex,
  noAddColumnKeyword,
  noAlterTableRename,
  noSqliteUpsert,
  noConflictClause,
  noPragma,
  noSqliteTableOptions,
  noSqliteTypes,
  noDeprecatedTypes,
  noRealType,
  noTimestampType,
  noTimestampDefault,
  noUnsizedVarchar,
  noBooleanLiterals,
  noDoubleQuotedStrings,
  noBacktickIdentifiers,
  noSqliteFunctions,
  noUnavailableFunctions,
  noConcatOperator,
  noSqliteOperators,
  noLimit,
  noNullsOrdering,
  noWithRecursive,
  noReturning,
  noGeneratedColumns,
  noSqliteCollations,
  noFkDeferral,
  noTempTableKeyword,
  noVirtualTable,
  noSqliteTriggerSyntax,
  noSqliteMaintenance,
  noBlobLiterals,
  noSqliteTransactionSyntax,
  noInsertOver1000Rows,
  syntax,
  batchFirstStatement,
  createTimeUnknownType,
  createTimeUnknownFunction,
];
