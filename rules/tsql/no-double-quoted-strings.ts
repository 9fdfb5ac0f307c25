import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import type { Statement } from '../../src/sql/statement.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';
import { parenDepths, replaceTokenEdit } from '../../src/rules-support/tokens.js';

/** The statements this rule acts on: `SET QUOTED_IDENTIFIER` changes its state, and a report is always at a quoted identifier. */
const SELECTED_STATEMENTS: StatementSelector = { words: ['QUOTED_IDENTIFIER'], tokenKinds: ['quoted-identifier'] };

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
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        let depths: number[] | undefined;
        let valuesAt = -2;
        for (let i = 0; i < tokens.length; i++) {
          const token = tokens[i];
          // Checked token by token: the splitter may keep `SET ... ON INSERT ...` in one statement.
          // `upper` is '' for anything but a word: one string compare per token in this loop.
          if (token.upper === 'SET' && isWord(tokens[i + 1], 'QUOTED_IDENTIFIER') && isWord(tokens[i + 2], 'ON', 'OFF')) {
            quotedIdentifier = tokens[i + 2].upper === 'ON';
          }
          if (!quotedIdentifier) continue;
          if (token.kind !== 'quoted-identifier' || token.quote !== '"' || token.error) continue;
          if (isPunctuation(tokens[i + 1], '.') || isPunctuation(tokens[i - 1], '.')) continue;
          depths ??= parenDepths(tokens);
          if (valuesAt === -2) valuesAt = insertValuesIndex(statement, depths);
          const inValues = valuesAt >= 0 && i > valuesAt && depths[i] === 1 && isWholeItem(tokens, i);
          if (!inValues && !isDefaultValue(tokens, i) && !isLiteralComparison(tokens, i, token)) continue;
          const value = token.value ?? '';
          const escaped = value.replace(/'/g, "''");
          context.report({
            node: token,
            messageId: 'doubleQuoted',
            data: { value, escaped },
            suggest: [{ desc: `Write '${escaped}'.`, fix: replaceTokenEdit(token, `'${escaped}'`) }],
          });
        }
      },
    };
  },
});

/**
 * The VALUES keyword of `INSERT ... VALUES`, at depth 0; -1 when there is none. MERGE's
 * `INSERT ... VALUES (src.col)` may name columns, so a MERGE has none.
 */
function insertValuesIndex(statement: Statement, depths: number[]): number {
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
