import type { Token } from '../sql/token.js';

/** A name as SQL Server quotes it: in [brackets], a `]` inside doubled. */
export function bracketQuoted(name: string): string {
  return `[${name.replace(/]/g, ']]')}]`;
}

/**
 * The source text of `tokens[from, to)` (a qualified name, say) as SQL Server reads it: each
 * `backtick` name in brackets, as tsql/no-backtick-identifiers' fix writes it, the rest as it
 * stands. A fix that copies a name into new T-SQL (an OBJECT_ID guard) copies it this way: the
 * backticks it copied were no quotes to SQL Server, so the guard looked for a name with them in.
 */
export function withBracketedBackticks(text: string, tokens: readonly Token[], from: number, to: number): string {
  let result = '';
  let cursor = tokens[from].start;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    // An unterminated name has no one right spelling: it stays as written (and no fix rewrites it).
    if (token.kind !== 'quoted-identifier' || token.quote !== '`' || token.error) continue;
    result += text.slice(cursor, token.start) + bracketQuoted(token.value ?? token.text.slice(1));
    cursor = token.end;
  }
  return result + text.slice(cursor, tokens[to - 1].end);
}
