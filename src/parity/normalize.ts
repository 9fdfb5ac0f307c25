import type { Dialect } from '../sql/dialect.js';
import { tokenize } from '../sql/lexer.js';
import { wrappingParenLayers } from '../sql/inside-parens.js';
import { isTrivia, type Token } from '../sql/token.js';
import type { TypeFamily } from '../model/type-mapping.js';

/**
 * Expressions written in two dialects, reduced to one spelling so that equal meaning compares
 * equal: `(GETDATE())` and `CURRENT_TIMESTAMP`, `N'x'` and `'x'`, `[a]` and `"a"`, `((0))` and
 * `0`, `TRUE` and `1`. What is not known to be equal stays different.
 */

/** Functions and keywords whose value is "the current date and time" in either engine. */
const NOW = new Set(['GETDATE()', 'GETUTCDATE()', 'SYSDATETIME()', 'SYSUTCDATETIME()', 'SYSDATETIMEOFFSET()', 'CURRENT_TIMESTAMP', 'NOW()']);
/** In neutral form (no space after `)` or `,`), as joinTokens writes them. */
const TODAY = new Set(['CURRENT_DATE', 'CAST(GETDATE()AS DATE)', 'CONVERT(DATE,GETDATE())', 'CAST(SYSDATETIME()AS DATE)', 'CAST(GETUTCDATE()AS DATE)']);

/** Significant tokens of an expression, each in a dialect-neutral spelling. */
function neutralTokens(text: string, dialect: Dialect): string[] {
  const tokens = tokenize(text, dialect).filter((token) => !isTrivia(token));
  return tokens.map(neutralToken);
}

function neutralToken(token: Token): string {
  switch (token.kind) {
    case 'word':
      if (token.upper === 'TRUE') return '1';
      if (token.upper === 'FALSE') return '0';
      return token.upper;
    case 'quoted-identifier':
      return (token.value ?? token.text).toUpperCase();
    case 'string':
      return `'${(token.value ?? '').replace(/'/g, "''")}'`;
    case 'number': {
      const value = Number(token.text);
      return Number.isFinite(value) && !/^0x/i.test(token.text) ? String(value) : token.text.toUpperCase();
    }
    case 'operator':
      if (token.text === '==') return '=';
      if (token.text === '!=') return '<>';
      return token.text;
    default:
      return token.text;
  }
}

/** Joins neutral tokens so that spacing never matters: `a+b`, `a + b` and `( a )` agree. */
function joinTokens(tokens: readonly string[]): string {
  let out = '';
  // Whether the text so far ends in a word character: asked of the whole text per token (an
  // end-anchored expression tries every start), a CHECK of 8,000 terms took 18 s to compare.
  let endsInWord = false;
  for (const token of tokens) {
    const needsSpace = endsInWord && WORD_START.test(token);
    out += (needsSpace ? ' ' : '') + token;
    if (token.length > 0) endsInWord = WORD_END.test(token);
  }
  return out;
}

const WORD_START = /^[\w'$#@]/;
const WORD_END = /[\w'$#@]$/;

/** Removes parentheses that wrap the whole expression, however many: `((0))` → `0`. */
function stripOuterParentheses(tokens: string[]): string[] {
  const layers = wrappingParenLayers(tokens.length, (i) => (tokens[i] === '(' ? 1 : tokens[i] === ')' ? -1 : 0));
  return layers === 0 ? tokens : tokens.slice(layers, tokens.length - layers);
}

/** A signed number written as two tokens (`-` `1`) becomes one (`-1`). */
function foldSigns(tokens: string[]): string[] {
  if (tokens.length === 2 && (tokens[0] === '-' || tokens[0] === '+') && /^\d/.test(tokens[1])) {
    return [String(Number(tokens[0] + tokens[1]))];
  }
  return tokens;
}

/** An expression's neutral form, for comparing CHECK bodies and index filters. */
export function normalizeExpression(text: string, dialect: Dialect): string {
  return joinTokens(foldSigns(stripOuterParentheses(neutralTokens(text, dialect))));
}

/**
 * A DEFAULT's neutral form; undefined for no default and for DEFAULT NULL (the same thing).
 * For numeric and boolean columns a quoted number is the number: SQLite's type affinity
 * stores `'0'` in an INTEGER column as 0, and SQL Server converts it the same way.
 */
export function normalizeDefault(text: string | undefined, dialect: Dialect, family: TypeFamily): string | undefined {
  if (text === undefined) return undefined;
  const tokens = foldSigns(stripOuterParentheses(neutralTokens(text, dialect)));
  if (tokens.length === 0) return undefined;
  const joined = joinTokens(tokens);
  if (joined === 'NULL') return undefined;
  if (NOW.has(joined) || /^DATETIME\('NOW'(,'[^']*')*\)$/i.test(joined) || /^STRFTIME\('[^']*','NOW'\)$/i.test(joined)) return 'now()';
  if (TODAY.has(joined) || /^DATE\('NOW'(,'[^']*')*\)$/i.test(joined)) return 'today()';
  if (joined === 'CURRENT_TIME' || /^TIME\('NOW'\)$/i.test(joined)) return 'time()';
  if (joined === 'NEWID()' || joined === 'NEWSEQUENTIALID()' || joined.includes('RANDOMBLOB(')) return 'uuid()';
  const numeric = family === 'integer' || family === 'boolean' || family === 'decimal' || family === 'float';
  if (numeric && tokens.length === 1 && /^'[-+]?\d+(\.\d+)?'$/.test(tokens[0])) return String(Number(tokens[0].slice(1, -1)));
  // A number in a text column is stored as its text, by SQLite's affinity and SQL Server's conversion alike.
  if (family === 'text' && tokens.length === 1 && /^-?\d/.test(tokens[0])) return `'${tokens[0]}'`;
  return joined;
}

/** Names used in an expression (bare or quoted), upper-cased: which columns a CHECK constrains. */
export function namesIn(text: string, dialect: Dialect): Set<string> {
  const names = new Set<string>();
  for (const token of tokenize(text, dialect)) {
    if (token.kind === 'word' || token.kind === 'quoted-identifier') names.add((token.kind === 'word' ? token.text : (token.value ?? token.text)).toUpperCase());
  }
  return names;
}
