import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { qualifiedNameEnd } from '../../src/rules-support/tokens.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';

const CONFLICT_ACTIONS = ['IGNORE', 'REPLACE', 'ABORT', 'FAIL', 'ROLLBACK'];
/** CONFLICT and the conflict actions: every form the rule reports holds one of them. */
const CONFLICT_WORDS = new Set(['CONFLICT', ...CONFLICT_ACTIONS]);

/**
 * Every form the rule reports holds OR (INSERT OR ...), REPLACE (REPLACE INTO) or CONFLICT
 * (ON CONFLICT), and the statement after a dangling `INSERT OR` starts with a conflict action:
 * the engine skips the rest (most statements) without calling the rule, as its routing reads
 * each token's word anyway. Calling it for every statement, to scan each for these words,
 * cost 24 M instructions more on the 1 MB T-SQL bench file (3,091 → 3,067 M, three runs).
 */
const SELECTED_STATEMENTS: StatementSelector = { words: ['OR', ...CONFLICT_WORDS] };

/** SQLite's conflict-resolving statements: INSERT OR ..., REPLACE INTO, INSERT ... ON CONFLICT DO. */
export default defineRule({
  meta: {
    id: 'tsql/no-sqlite-upsert',
    description: "Disallow SQLite's INSERT OR IGNORE/REPLACE, REPLACE INTO and INSERT ... ON CONFLICT (upsert).",
    dialects: ['tsql'],
    severity: 'error',
    messages: {
      verbOr: "SQL Server rejects {{verb}} OR {{action}}: Incorrect syntax near '{{verb}}'.",
      replaceInto: 'SQL Server has no REPLACE INTO statement (SQLite\'s insert-or-replace): it is a syntax error.',
      onConflict: "SQL Server rejects INSERT ... ON CONFLICT (SQLite's upsert): Incorrect syntax near 'ON'.",
    },
    help: {
      verbOr: 'Use MERGE, or guard a plain {{verb}} with IF NOT EXISTS (SELECT 1 FROM ... WHERE ...).',
      replaceInto: 'Use MERGE ... WHEN MATCHED THEN UPDATE ... WHEN NOT MATCHED THEN INSERT ...',
      onConflict: 'Use MERGE ... WHEN MATCHED THEN UPDATE ... WHEN NOT MATCHED THEN INSERT ...',
    },
  },
  create(context) {
    /**
     * `INSERT OR REPLACE INTO` and `... OR ROLLBACK` reach rules as two statements, because
     * REPLACE INTO and ROLLBACK begin statements of their own in T-SQL: a statement that is
     * just `INSERT OR` waits for the next one. Its index tells whether the statement the rule
     * sees next is that one: the selector skips statements unseen.
     */
    let dangling: { verb: Token; statementIndex: number } | undefined;
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        // Indexed reads, not array destructuring (an iterator per statement), and plain loops below.
        const verb = tokens[0];
        const second = tokens[1];
        const pending = dangling?.statementIndex === statement.index - 1 ? dangling.verb : undefined;
        dangling = undefined;
        if (pending && isWord(verb, ...CONFLICT_ACTIONS)) {
          context.report({ node: pending, endNode: verb, messageId: 'verbOr', data: { verb: pending.upper, action: verb.upper } });
          return;
        }
        if (tokens.length === 2 && isWord(verb, 'INSERT', 'UPDATE') && isWord(second, 'OR')) {
          dangling = { verb, statementIndex: statement.index };
          return;
        }
        // Every form below holds a conflict action or CONFLICT: most statements selected hold
        // only an OR (CREATE OR ALTER, a WHERE clause's OR) and end here, after one pass.
        if (!hasConflictWord(tokens)) return;
        // Searched through the statement: `SET IDENTITY_INSERT t ON` may arrive glued to the INSERT.
        for (let i = 0; i < tokens.length - 2; i++) {
          // `upper` is '' for anything but a word: plain compares, not isWord's rest list per token.
          const upper = tokens[i].upper;
          if ((upper !== 'INSERT' && upper !== 'UPDATE') || !isWord(tokens[i + 1], 'OR') || !isWord(tokens[i + 2], ...CONFLICT_ACTIONS)) {
            continue;
          }
          context.report({
            node: tokens[i],
            endNode: tokens[i + 2],
            messageId: 'verbOr',
            data: { verb: tokens[i].upper, action: tokens[i + 2].upper },
          });
          return;
        }
        if (isWord(verb, 'REPLACE') && isWord(second, 'INTO') && isInsertBody(tokens[qualifiedNameEnd(tokens, 2)])) {
          context.report({ node: verb, endNode: second, messageId: 'replaceInto' });
          return;
        }
        if (!hasWord(tokens, 'INSERT')) return;
        let depth = 0;
        for (let i = 1; i < tokens.length - 1; i++) {
          if (isPunctuation(tokens[i], '(')) depth++;
          else if (isPunctuation(tokens[i], ')')) depth--;
          else if (depth === 0 && isWord(tokens[i], 'ON') && isWord(tokens[i + 1], 'CONFLICT')) {
            context.report({ node: tokens[i], endNode: tokens[i + 1], messageId: 'onConflict' });
            return;
          }
        }
      },
    };
  },
});

/** True when some token is the bare word `word` (`upper` is '' for anything but a word). */
function hasWord(tokens: readonly Token[], word: string): boolean {
  for (let i = 0; i < tokens.length; i++) if (tokens[i].upper === word) return true;
  return false;
}

/** True when some token is a bare word of CONFLICT_WORDS (`upper` is '' for anything but a word). */
function hasConflictWord(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) if (CONFLICT_WORDS.has(tokens[i].upper)) return true;
  return false;
}

/**
 * What follows the table of `REPLACE INTO t`: a column list or the rows. `SELECT replace
 * INTO #t FROM x` (a column named replace) also reaches the rule as `replace INTO #t ...`.
 */
function isInsertBody(token: Token | undefined): boolean {
  return isPunctuation(token, '(') || isWord(token, 'VALUES', 'SELECT', 'DEFAULT', 'WITH');
}
