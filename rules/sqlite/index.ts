import type { Rule } from '../../src/engine/rule.js';
import noBatchSeparator from './no-batch-separator.js';
import noIdentity from './no-identity.js';
import noIndexOptions from './no-index-options.js';
import noMaxLength from './no-max-length.js';
import noNationalStrings from './no-national-strings.js';
import noPlusConcat from './no-plus-concat.js';
import noSchemaPrefix from './no-schema-prefix.js';
import noSetOptions from './no-set-options.js';
import noTop from './no-top.js';
import noTrailingComma from './no-trailing-comma.js';
import noTruncate from './no-truncate.js';
import noTsqlControlFlow from './no-tsql-control-flow.js';
import noTsqlFunctions from './no-tsql-functions.js';
import noTsqlFunctionsInSchema from './no-tsql-functions-in-schema.js';
import noTsqlObjects from './no-tsql-objects.js';
import noUseDatabase from './no-use-database.js';
import syntax from './syntax.js';

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
  // Last: the engine check is the fallback for what the specific rules above do not explain.
  syntax,
];
