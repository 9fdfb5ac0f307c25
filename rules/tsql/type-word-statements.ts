import type { StatementSelector } from '../../src/engine/rule.js';

/**
 * The statements `typeWordVisitor` (src/rules-support/tsql-types.ts) can find a type word in,
 * so its rules skip the rest: column definitions need the word TABLE (CREATE/ALTER TABLE,
 * `AS TABLE (`, `@t TABLE (`), CAST and CONVERT name a type, variables and parameters are
 * declared in DECLARE and routine headers (which also hold RETURNS), and CREATE TYPE adds a
 * user type. Kept in step with `typePositions` and `createdTypeName` in tsql-columns.ts.
 */
export const TYPE_WORD_STATEMENTS: StatementSelector = {
  kinds: ['create type', 'declare', 'create procedure', 'alter procedure', 'create function', 'alter function'],
  words: ['TABLE', 'CAST', 'TRY_CAST', 'CONVERT', 'TRY_CONVERT'],
};
