import type { Rule } from '../../src/engine/rule.js';
import noAlterColumn from './no-alter-column.js';
import noAlterConstraint from './no-alter-constraint.js';
import noBatchSeparator from './no-batch-separator.js';
import noDefaultConstraintFor from './no-default-constraint-for.js';
import noIdentity from './no-identity.js';
import noIndexOptions from './no-index-options.js';
import noMaxLength from './no-max-length.js';
import noMultiColumnAlter from './no-multi-column-alter.js';
import noNationalStrings from './no-national-strings.js';
import noPlusConcat from './no-plus-concat.js';
import noSchemaPrefix from './no-schema-prefix.js';
import noSetOptions from './no-set-options.js';
import noTableHints from './no-table-hints.js';
import noTempTables from './no-temp-tables.js';
import noTop from './no-top.js';
import noTrailingComma from './no-trailing-comma.js';
import noTruncate from './no-truncate.js';
import noTsqlControlFlow from './no-tsql-control-flow.js';
import noTsqlFunctionsInSchema from './no-tsql-functions-in-schema.js';
import noTsqlFunctions from './no-tsql-functions.js';
import noTsqlObjects from './no-tsql-objects.js';
import noUseDatabase from './no-use-database.js';
import syntax from './syntax.js';
import typeAffinity from './type-affinity.js';

/** Rules for SQLite files: constructs from T-SQL that SQLite rejects or reads differently. */
export const sqliteRules: Rule[] = [
  noIdentity,
  noMaxLength,
  noBatchSeparator,
  noTsqlControlFlow,
  noSetOptions,
  noUseDatabase,
  noTsqlObjects,
  noSchemaPrefix,
  noIndexOptions,
  noTsqlFunctions,
  noTsqlFunctionsInSchema,
  noNationalStrings,
  noTop,
  noPlusConcat,
  noTruncate,
  noTrailingComma,
  noMultiColumnAlter,
  noAlterConstraint,
  noAlterColumn,
  noDefaultConstraintFor,
  noTempTables,
  noTableHints,
  typeAffinity,
  // Last: the engine check is the fallback for what the specific rules above do not explain.
  syntax,
];
