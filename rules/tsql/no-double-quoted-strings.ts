import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import type { Statement } from '../../src/sql/statement.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';
import { parenDepths, replaceTokenEdit } from '../../src/rules-support/tokens.js';

/**
 * The tokens this rule acts on: `SET QUOTED_IDENTIFIER ON|OFF` changes its state, and a report
 * is always at a quoted identifier. Tokens, not the statements that hold them: nearly every
 * statement of a T-SQL script holds a [name], and scanning each whole for a "name" cost 10.8 M
 * instructions more on the 1 MB T-SQL bench file (2,935.4 → 2,924.6 M).
 */
const SELECTED_TOKENS: TokenSelector = { words: ['QUOTED_IDENTIFIER'], kinds: ['quoted-identifier'] };

/**
 * SQLite accepts "text" as a string when no column of that name exists. In SQL Server,
 * with QUOTED_IDENTIFIER ON (the default for every modern client), "text" is always a name.
 * A double-quoted name is valid T-SQL wherever a name may stand, so only places where a
 * name cannot be meant are flagged: a DEFAULT value, an INSERT ... VALUES item, and a
 * comparison or LIKE value that could not be a column name. A script that switches
 * QUOTED_IDENTIFIER OFF uses double quotes for strings legitimately, and is left alone there.
 */
export default defineRule({
  meta: {
    id: 'tsql/no-double-quoted-strings',
    description: 'Disallow "double quotes" around string values: SQL Server reads them as names.',
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      doubleQuoted:
        'SQL Server reads "{{value}}" as a name, not a string (QUOTED_IDENTIFIER is ON by default), and rejects it here.',
    },
    help: {
      doubleQuoted: "Write the string in single quotes: '{{escaped}}'.",
    },
  },
  create(context) {
    /** After SET QUOTED_IDENTIFIER OFF, "text" IS a string in T-SQL too, and valid. */
    let quotedIdentifier = true;
    /** The statement of the last "name" looked at, and what was worked out of it when needed. */
    let current: Statement | undefined;
    let depths: readonly number[] | undefined;
    let valuesAt = -2;
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, i) {
        const tokens = statement.tokens;
        if (token.kind === 'word') {
          // QUOTED_IDENTIFIER: the splitter may keep `SET ... ON INSERT ...` in one statement.
          if (i > 0 && tokens[i - 1].upper === 'SET' && isWord(tokens[i + 1], 'ON', 'OFF')) quotedIdentifier = tokens[i + 1].upper === 'ON';
          return;
        }
        if (!quotedIdentifier || token.quote !== '"' || token.error) return;
        if (isPunctuation(tokens[i + 1], '.') || isPunctuation(tokens[i - 1], '.')) return;
        if (statement !== current) {
          current = statement;
          depths = undefined;
          valuesAt = -2;
        }
        depths ??= parenDepths(tokens);
        if (valuesAt === -2) valuesAt = insertValuesIndex(statement, depths);
        const inValues = valuesAt >= 0 && i > valuesAt && depths[i] === 1 && isWholeItem(tokens, i);
        if (!inValues && !isDefaultValue(tokens, i) && !isLiteralComparison(tokens, i, token)) return;
        const value = token.value ?? '';
        const escaped = value.replace(/'/g, "''");
        context.report({
          node: token,
          messageId: 'doubleQuoted',
          data: { value, escaped },
          suggest: [{ desc: `Write '${escaped}'.`, fix: replaceTokenEdit(token, `'${escaped}'`) }],
        });
      },
    };
  },
});

/**
 * The VALUES keyword of `INSERT ... VALUES`, at depth 0; -1 when there is none. MERGE's
 * `INSERT ... VALUES (src.col)` may name columns, so a MERGE has none.
 */
function insertValuesIndex(statement: Statement, depths: readonly number[]): number {
  if (statement.kind === 'merge') return -1;
  const tokens = statement.tokens;
  const insert = tokens.findIndex((token, i) => depths[i] === 0 && isWord(token, 'INSERT'));
  if (insert < 0) return -1;
  return tokens.findIndex((token, i) => i > insert && depths[i] === 0 && isWord(token, 'VALUES'));
}

function isWholeItem(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return (isPunctuation(before, '(') || isPunctuation(before, ',')) && (isPunctuation(after, ',') || isPunctuation(after, ')'));
}

/** `DEFAULT "x"` or `DEFAULT ("x")`: a default may not name a column. */
function isDefaultValue(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  while (isPunctuation(tokens[j], '(')) j--;
  return isWord(tokens[j], 'DEFAULT');
}

/** `x = "two words"`, `x LIKE "a%"`: a value no sane column name looks like. */
function isLiteralComparison(tokens: readonly Token[], i: number, token: Token): boolean {
  const before = tokens[i - 1];
  const compares =
    (before?.kind === 'operator' && ['=', '<>', '!=', '<', '>', '<=', '>='].includes(before.text)) || isWord(before, 'LIKE');
  if (!compares) return false;
  const value = token.value ?? '';
  return value === '' || /[\s%:/\\@?*!,;]/.test(value) || /^[0-9]/.test(value);
}
