import type { RuleVisitor, StatementSelector } from '../engine/rule.js';
import type { Statement } from '../sql/statement.js';
import { isPunctuation, type Token } from '../sql/token.js';
import { createdTypeName, sortedTypePositions } from './tsql-columns.js';

/** Called for each built-in-looking type: its token, upper-cased name, index in `statement.tokens`. */
export type TypeWordHandler = (token: Token, name: string, index: number, statement: Statement) => void;

export interface TypeWordOptions {
  /**
   * Also hand over bracketed types (`[text]`, `[boolean]`), as SSMS scripts every type. Off
   * for rules where the bracketed spelling is SSMS's own output for a valid type
   * (`[timestamp]` is how it scripts every ROWVERSION column).
   */
  quoted?: boolean;
}

/**
 * The statements `typePositions` and `createdTypeName` (tsql-columns.ts) can find a type word
 * in, so the visitor skips the rest: column definitions need the word TABLE (CREATE/ALTER
 * TABLE, `AS TABLE (`, `@t TABLE (`), CAST and CONVERT name a type, variables and parameters are
 * declared in DECLARE and routine headers (which also hold RETURNS), and CREATE TYPE adds a
 * user type. Kept in step with those two functions; test/rules/selectors.test.ts compares
 * every rule with and without its selectors.
 */
const TYPE_WORD_STATEMENTS: StatementSelector = {
  kinds: ['create type', 'declare', 'create procedure', 'alter procedure', 'create function', 'alter function'],
  words: ['TABLE', 'CAST', 'TRY_CAST', 'CONVERT', 'TRY_CONVERT'],
};

/**
 * A visitor that hands every type word of a T-SQL file that stands where a type goes to
 * `onType`: a column named `text` is never a type. Schema-qualified types (`dbo.Boolean`) and
 * types the file itself creates (`CREATE TYPE Boolean FROM BIT`) are the user's and skipped.
 */
export function typeWordVisitor(onType: TypeWordHandler, options: TypeWordOptions = {}): RuleVisitor {
  const userTypes = new Set<string>();
  return {
    statementSelector: TYPE_WORD_STATEMENTS,
    statement(statement) {
      const created = createdTypeName(statement);
      if (created) userTypes.add(created);
      const tokens = statement.tokens;
      const positions = sortedTypePositions(statement);
      for (let i = 0; i < positions.length; i++) {
        const index = positions[i];
        const token = tokens[index];
        const quoted = token.kind === 'quoted-identifier' && token.quote === '[' && !token.error;
        if (token.kind !== 'word' && !(quoted && options.quoted)) continue;
        if (isPunctuation(tokens[index + 1], '.')) continue;
        const name = quoted ? (token.value ?? '').toUpperCase() : token.upper;
        if (userTypes.has(name)) continue;
        onType(token, name, index, statement);
      }
    },
  };
}
