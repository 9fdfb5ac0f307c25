import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { matchingParen } from '../../src/rules-support/tokens.js';
import { isPunctuation, isWord } from '../../src/sql/token.js';

/** SQL Server's limit on row constructors in one INSERT ... VALUES (Msg 10738). */
const MAX_ROWS = 1000;

/**
 * The fewest tokens of a statement with too many rows: INSERT and VALUES, MAX_ROWS rows of
 * `(`, `)` and `,` at least, then the next row's `(`.
 */
const MIN_TOKENS_OVER_LIMIT = 2 + 3 * MAX_ROWS + 1;

/** Only an INSERT ... VALUES has rows to count. */
const SELECTED_STATEMENTS: StatementSelector = { words: ['VALUES'] };

/** SQLite takes any number of rows in one INSERT ... VALUES; SQL Server takes 1000. */
export default defineRule({
  meta: {
    id: 'tsql/no-insert-over-1000-rows',
    description: 'Disallow INSERT ... VALUES with more than 1000 rows, which SQL Server rejects.',
    dialects: ['tsql'],
    severity: 'error',
    messages: {
      tooManyRows:
        'SQL Server rejects this INSERT: The number of row value expressions in the INSERT statement exceeds the maximum allowed number of 1000 row values (it has {{rows}}).',
    },
    help: {
      tooManyRows: 'Split it into INSERT statements of at most 1000 rows each.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        // Nearly every INSERT is too short to hold too many rows: scanning each for its rows
        // cost 29.5 M instructions on the 1 MB T-SQL bench file (ten-row INSERTs): 3,032.5 → 3,003.0 M.
        if (tokens.length < MIN_TOKENS_OVER_LIMIT || statement.kind === 'merge') return;
        let depth = 0;
        let values = -1;
        let insert = false;
        // INSERT is looked for anywhere: the splitter may glue `SET IDENTITY_INSERT t ON` to it.
        for (let i = 0; i < tokens.length; i++) {
          if (isPunctuation(tokens[i], '(')) depth++;
          else if (isPunctuation(tokens[i], ')')) depth--;
          else if (depth === 0 && isWord(tokens[i], 'INSERT')) insert = true;
          else if (insert && depth === 0 && isWord(tokens[i], 'VALUES')) {
            values = i;
            break;
          }
        }
        if (values < 0) return;
        let rows = 0;
        let firstExtra = -1;
        let i = values + 1;
        while (isPunctuation(tokens[i], '(')) {
          rows++;
          if (rows === MAX_ROWS + 1) firstExtra = i;
          const close = matchingParen(tokens, i);
          if (close < 0 || !isPunctuation(tokens[close + 1], ',')) break;
          i = close + 2;
        }
        if (firstExtra < 0) return;
        context.report({ node: tokens[firstExtra], messageId: 'tooManyRows', data: { rows } });
      },
    };
  },
});
