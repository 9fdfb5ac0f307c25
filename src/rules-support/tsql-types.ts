import type { RuleVisitor } from '../engine/rule.js';
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
 * A visitor that hands every type word of a T-SQL file that stands where a type goes to
 * `onType`: a column named `text` is never a type. Schema-qualified types (`dbo.Boolean`) and
 * types the file itself creates (`CREATE TYPE Boolean FROM BIT`) are the user's and skipped.
 */
export function typeWordVisitor(onType: TypeWordHandler, options: TypeWordOptions = {}): RuleVisitor {
  const userTypes = new Set<string>();
  return {
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
