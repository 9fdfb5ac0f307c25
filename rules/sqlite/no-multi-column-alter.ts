import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { isPunctuation, isWord } from '../../src/sql/token.js';
import { isNameToken, qualifiedNameEnd, splitTopLevel } from '../../src/rules-support/tokens.js';

/** Words that start a table constraint after ADD: those statements are no-alter-constraint's. */
const CONSTRAINT_STARTS = ['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK'];

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['alter table'] };

/**
 * `ALTER TABLE t ADD a INT, b INT` (and `DROP COLUMN a, b`): SQL Server changes several
 * columns in one statement, SQLite exactly one, and stops at the comma.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-multi-column-alter',
    description: 'Disallow adding or dropping several columns in one ALTER TABLE; SQLite takes one column per statement.',
    dialects: ['sqlite'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      multiple: 'SQLite rejects a second column in one ALTER TABLE ... {{verb}}: near ",": syntax error.',
    },
    help: {
      multiple: 'Write one ALTER TABLE {{table}} {{verb}} ... statement per column.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        if (statement.kind !== 'alter table') return;
        const tokens = statement.tokens;
        const nameEnd = qualifiedNameEnd(tokens, 2);
        const verb = tokens[nameEnd];
        if (!isWord(verb, 'ADD', 'DROP')) return;
        let start = nameEnd + 1;
        if (isWord(tokens[start], 'COLUMN')) start++;
        else if (verb.upper === 'DROP' || isWord(tokens[start], ...CONSTRAINT_STARTS)) return;
        if (!isNameToken(tokens[start])) return;
        const terminated = isPunctuation(tokens[tokens.length - 1], ';');
        const end = terminated ? tokens.length - 1 : tokens.length;
        const parts = splitTopLevel(tokens, start, end);
        if (parts.length < 2) return;
        const text = context.source.text;
        const table = text.slice(tokens[2].start, tokens[nameEnd - 1].end);
        const head = text.slice(tokens[0].start, tokens[start - 1].end);
        const statements = parts.map(([from, to]) => `${head} ${text.slice(tokens[from].start, tokens[to - 1].end)};`);
        const last = tokens[end - 1];
        context.report({
          node: tokens[parts[0][1]],
          messageId: 'multiple',
          data: { verb: verb.upper, table },
          suggest: [
            {
              desc: `Split into ${parts.length} ALTER TABLE statements`,
              fix: { range: [tokens[0].start, terminated ? tokens[end].end : last.end], text: statements.join('\n') },
            },
          ],
        });
      },
    };
  },
});
