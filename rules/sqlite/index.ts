import type { Rule } from '../../src/engine/rule.js';
import noBatchSeparator from './no-batch-separator.js';
import noIdentity from './no-identity.js';
import noMaxLength from './no-max-length.js';

/** Rules for SQLite files: constructs from T-SQL that SQLite rejects or reads differently. */
export const sqliteRules: Rule[] = [noIdentity, noMaxLength, noBatchSeparator];
