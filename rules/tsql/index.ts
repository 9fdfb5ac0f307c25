import type { Rule } from '../../src/engine/rule.js';
import noAutoincrement from './no-autoincrement.js';

/** Rules for T-SQL files: constructs from SQLite (or nowhere) that SQL Server rejects or reads differently. */
export const tsqlRules: Rule[] = [noAutoincrement];
