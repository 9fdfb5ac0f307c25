import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { createTableListStart } from '../../src/rules-support/tsql-columns.js';
import { matchingParen, removeTokensEdit } from '../../src/rules-support/tokens.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['create table'] };

/** SQLite's table options after the closing parenthesis: WITHOUT ROWID and STRICT. */
export default defineRule({
  meta: {
    id: 'tsql/no-sqlite-table-options',
    description: "Disallow SQLite's WITHOUT ROWID and STRICT table options.",
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      tableOptions: "SQL Server rejects SQLite's table option {{options}}: Incorrect syntax near '{{first}}'.",
    },
    help: {
      tableOptions:
        'Remove {{options}}: SQL Server tables have no rowid (a clustered primary key already stores rows by key) and types are always enforced.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        if (statement.kind !== 'create table') return;
        const tokens = statement.tokens;
        const open = createTableListStart(tokens);
        if (open < 0) return;
        const close = matchingParen(tokens, open);
        if (close < 0) return;
        const options: Token[][] = [];
        let i = close + 1;
        while (i < tokens.length) {
          if (isWord(tokens[i], 'WITHOUT') && isWord(tokens[i + 1], 'ROWID')) {
            options.push([tokens[i], tokens[i + 1]]);
            i += 2;
          } else if (isWord(tokens[i], 'STRICT')) {
            options.push([tokens[i]]);
            i += 1;
          } else break;
          if (!isPunctuation(tokens[i], ',')) break;
          i++;
        }
        if (options.length === 0) return;
        const first = options[0][0];
        const lastGroup = options[options.length - 1];
        const last = lastGroup[lastGroup.length - 1];
        const names = options.map((group) => group.map((token) => token.upper).join(' ')).join(', ');
        context.report({
          node: first,
          endNode: last,
          messageId: 'tableOptions',
          data: { options: names, first: first.text },
          suggest: [{ desc: `Remove ${names}.`, fix: removeTokensEdit(context.source.text, first, last) }],
        });
      },
    };
  },
});
