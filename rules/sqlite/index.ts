import type { Rule } from '../../src/engine/rule.js';
import noBatchSeparator from './no-batch-separator.js';
import noIdentity from './no-identity.js';
import noIndexOptions from './no-index-options.js';
import noMaxLength from './no-max-length.js';
import noSchemaPrefix from './no-schema-prefix.js';
import noSetOptions from './no-set-options.js';
import noTsqlControlFlow from './no-tsql-control-flow.js';
import noTsqlObjects from './no-tsql-objects.js';
import noUseDatabase from './no-use-database.js';

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
];
