import type { Rule } from '../../src/engine/rule.js';

/** Rules for SQLite files: constructs from T-SQL that SQLite rejects or reads differently. */
export const sqliteRules: Rule[] = [];
