import { defineRule } from '../../src/engine/rule.js';
import type { Statement } from '../../src/sql/statement.js';
import type { TextEdit } from '../../src/engine/diagnostic.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';

/** Statements after which a BEGIN opens the block they govern. */
const GOVERNING_KINDS = new Set(['if', 'else', 'while']);

/**
 * SQLite's transaction statements that mean something else (or nothing) in SQL Server:
 * `BEGIN;` (in T-SQL the start of a BEGIN ... END block, so no transaction at all),
 * `BEGIN DEFERRED/IMMEDIATE/EXCLUSIVE`, and `END TRANSACTION` (SQLite's COMMIT).
 */
export default defineRule({
  meta: {
    id: 'tsql/no-sqlite-transaction-syntax',
    description: "Disallow SQLite's BEGIN; / BEGIN IMMEDIATE / END TRANSACTION: SQL Server writes BEGIN TRANSACTION and COMMIT.",
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      bareBegin: 'In SQL Server BEGIN; opens a BEGIN ... END block, not a transaction: the statements after it run without one.',
      beginMode: "SQL Server rejects BEGIN {{mode}}: Incorrect syntax near '{{mode}}'.",
      endTransaction: "SQL Server has no END TRANSACTION: Incorrect syntax near 'TRANSACTION'.",
    },
    help: {
      bareBegin: 'Write BEGIN TRANSACTION; ... COMMIT TRANSACTION;',
      beginMode: 'Write BEGIN TRANSACTION (SQL Server locks as statements need; SET TRANSACTION ISOLATION LEVEL sets the isolation).',
      endTransaction: 'Write COMMIT TRANSACTION.',
    },
  },
  create(context) {
    let previous: Statement | undefined;
    /** A lone `BEGIN` statement waiting to see what follows it. */
    let pendingBegin: { statement: Statement; governed: boolean } | undefined;
    /**
     * A reported `BEGIN;` waiting for the `END` that closes it: SQLite's `END;` means COMMIT,
     * so the suggested rewrite turns both, and is only complete once that END is seen.
     */
    let openBlock: { begin: Token; semicolon: Token; batch: number; depth: number } | undefined;
    const reportBareBegin = (end: Token | undefined): void => {
      if (!openBlock) return;
      const { begin, semicolon } = openBlock;
      const fix: TextEdit[] = [{ range: [begin.start, begin.end], text: 'BEGIN TRANSACTION' }];
      if (end) fix.push({ range: [end.start, end.end], text: 'COMMIT TRANSACTION' });
      context.report({
        node: begin,
        endNode: semicolon,
        messageId: 'bareBegin',
        suggest: [{ desc: end ? 'Write BEGIN TRANSACTION ... COMMIT TRANSACTION.' : 'Write BEGIN TRANSACTION.', fix }],
      });
      openBlock = undefined;
    };
    return {
      end() {
        reportBareBegin(undefined);
      },
      statement(statement) {
        const tokens = statement.tokens;
        if (openBlock) {
          if (statement.batch !== openBlock.batch) reportBareBegin(undefined);
          else if (statement.kind === 'end' && statement.depth === openBlock.depth) reportBareBegin(tokens[0]);
        }
        if (pendingBegin) {
          const begin = pendingBegin.statement.tokens[0];
          const first = tokens[0];
          if (isWord(first, 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE')) {
            const transaction = isWord(tokens[1], 'TRANSACTION', 'TRAN') ? tokens[1] : first;
            context.report({
              node: begin,
              endNode: first,
              messageId: 'beginMode',
              data: { mode: first.upper },
              suggest: [
                { desc: 'Write BEGIN TRANSACTION.', fix: { range: [begin.start, transaction.end], text: 'BEGIN TRANSACTION' } },
              ],
            });
          } else if (tokens.length === 1 && isPunctuation(first, ';') && !pendingBegin.governed) {
            reportBareBegin(undefined); // an earlier block never closed
            const { batch, depth } = pendingBegin.statement;
            openBlock = { begin, semicolon: first, batch, depth };
          }
          pendingBegin = undefined;
        }
        if (statement.kind === 'begin' && tokens.length === 1) {
          const governed =
            statement.inRoutine || statement.depth > 0 || (previous !== undefined && isGoverning(previous, statement));
          pendingBegin = { statement, governed };
        } else if (statement.kind === 'end transaction') {
          context.report({
            node: tokens[0],
            endNode: tokens[1],
            messageId: 'endTransaction',
            suggest: [{ desc: 'Write COMMIT TRANSACTION.', fix: { range: [tokens[0].start, tokens[1].end], text: 'COMMIT TRANSACTION' } }],
          });
        }
        previous = statement;
      },
      /**
       * Not judged (only its leading and latest tokens are kept), but a BEGIN after it follows it:
       * an IF before it governs it, not that BEGIN, and one that is itself an IF (its condition
       * that long) governs that BEGIN. A lone BEGIN before it waits no longer.
       */
      oversized(statement) {
        pendingBegin = undefined;
        previous = statement;
      },
    };
  },
});

/** True when `previous` is an IF/ELSE/WHILE (or BEGIN TRY/CATCH) that the BEGIN block belongs to. */
function isGoverning(previous: Statement, begin: Statement): boolean {
  if (previous.batch !== begin.batch) return false;
  return GOVERNING_KINDS.has(previous.kind) || previous.kind === 'begin try' || previous.kind === 'begin catch';
}
