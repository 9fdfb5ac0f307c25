import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { removeTokensEdit } from '../../src/rules-support/tokens.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';

/** The statements this rule acts on: every clause starts with one of these words (NOT DEFERRABLE holds DEFERRABLE). */
const SELECTED_STATEMENTS: StatementSelector = { words: ['DEFERRABLE', 'INITIALLY', 'MATCH'] };

/**
 * Foreign-key clauses SQL Server does not have: DEFERRABLE, NOT DEFERRABLE, INITIALLY
 * DEFERRED/IMMEDIATE, MATCH SIMPLE/FULL/PARTIAL. (`MATCH(...)` of graph queries is valid.)
 */
export default defineRule({
  meta: {
    id: 'tsql/no-fk-deferral',
    description: 'Disallow DEFERRABLE / INITIALLY DEFERRED and MATCH FULL/SIMPLE/PARTIAL on foreign keys.',
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      clause: "SQL Server rejects {{clause}}: Incorrect syntax near '{{first}}'.",
    },
    help: {
      clause: 'Remove {{clause}}: SQL Server checks every foreign key at the end of each statement and has no MATCH options.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        if (statement.kind !== 'create table' && statement.kind !== 'alter table') return;
        const tokens = statement.tokens;
        let i = 0;
        while (i < tokens.length) {
          const length = clauseLength(tokens, i);
          if (length === 0) {
            i++;
            continue;
          }
          // Adjacent clauses (`DEFERRABLE INITIALLY DEFERRED`) are one problem.
          let end = i + length;
          for (let more = clauseLength(tokens, end); more > 0; more = clauseLength(tokens, end)) end += more;
          const first = tokens[i];
          const last = tokens[end - 1];
          const clause = tokens.slice(i, end).map((token) => token.upper).join(' ');
          context.report({
            node: first,
            endNode: last,
            messageId: 'clause',
            data: { clause, first: first.text },
            suggest: [{ desc: `Remove ${clause}.`, fix: removeTokensEdit(context.source.text, first, last) }],
          });
          i = end;
        }
      },
    };
  },
});

/** Number of tokens of a deferral or MATCH clause starting at `i`, or 0. */
function clauseLength(tokens: readonly Token[], i: number): number {
  const token = tokens[i];
  if (isWord(token, 'DEFERRABLE') && endsDeferrable(tokens, i + 1) && !startsElement(tokens, i)) return 1;
  if (isWord(token, 'NOT') && isWord(tokens[i + 1], 'DEFERRABLE') && endsDeferrable(tokens, i + 2)) return 2;
  if (isWord(token, 'INITIALLY') && isWord(tokens[i + 1], 'DEFERRED', 'IMMEDIATE')) return 2;
  if (isWord(token, 'MATCH') && isWord(tokens[i + 1], 'SIMPLE', 'FULL', 'PARTIAL')) return 2;
  return 0;
}

/** DEFERRABLE is the clause when INITIALLY or the end of the constraint follows; `deferrable INT` is a column. */
function endsDeferrable(tokens: readonly Token[], next: number): boolean {
  const token = tokens[next];
  return token === undefined || isWord(token, 'INITIALLY') || isPunctuation(token, ',') || isPunctuation(token, ')') || isPunctuation(token, ';');
}

/** A word right after `(` or `,` of a column list names a column. */
function startsElement(tokens: readonly Token[], i: number): boolean {
  return isPunctuation(tokens[i - 1], '(') || isPunctuation(tokens[i - 1], ',');
}
