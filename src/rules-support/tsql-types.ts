import type { RuleVisitor } from '../engine/rule.js';
import type { Statement } from '../sql/statement.js';
import { isPunctuation, type Token } from '../sql/token.js';
import { createdTypeName, typePositions } from './tsql-columns.js';

/** Called for each bare type word: the token, its index in `statement.tokens`, the statement. */
export type TypeWordHandler = (token: Token, index: number, statement: Statement) => void;

/**
 * A visitor that hands every built-in-looking type word of a T-SQL file to `onType`. Quoted
 * (`[boolean]`) and schema-qualified (`dbo.Boolean`) types are skipped, and so are types the
 * file itself creates (`CREATE TYPE Boolean FROM BIT`): those are the user's, not SQLite's.
 */
export function typeWordVisitor(onType: TypeWordHandler): RuleVisitor {
  const userTypes = new Set<string>();
  return {
    statement(statement) {
      const created = createdTypeName(statement);
      if (created) userTypes.add(created);
      const tokens = statement.tokens;
      for (const index of [...typePositions(statement)].sort((a, b) => a - b)) {
        const token = tokens[index];
        if (token.kind !== 'word' || isPunctuation(tokens[index + 1], '.')) continue;
        if (userTypes.has(token.upper)) continue;
        onType(token, index, statement);
      }
    },
  };
}
