import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { isPunctuation, isWord } from '../../src/sql/token.js';
import { isNameToken, matchingParen } from '../../src/rules-support/tokens.js';

/** The statements this rule acts on: a report is always at the word DEFAULT. */
const SELECTED_STATEMENTS: StatementSelector = { words: ['DEFAULT'] };

/**
 * SQL Server's named default constraint `CONSTRAINT DF_x DEFAULT 0 FOR col` (how SSMS scripts
 * every default, in an ALTER TABLE ... ADD). SQLite knows defaults only as part of a column
 * definition.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-default-constraint-for',
    description: "Disallow T-SQL's DEFAULT ... FOR column constraints; SQLite declares defaults on the column.",
    dialects: ['sqlite'],
    severity: 'error',
    messages: {
      defaultFor: 'SQLite rejects DEFAULT ... FOR {{column}}: near "{{near}}": syntax error.',
    },
    help: {
      defaultFor: 'Declare the default on the column itself: {{column}} <type> DEFAULT {{value}}.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        let depth = 0;
        for (let i = 0; i < tokens.length; i++) {
          if (isPunctuation(tokens[i], '(')) depth++;
          else if (isPunctuation(tokens[i], ')')) depth--;
          if (depth > 1 || tokens[i].kind !== 'word' || tokens[i].upper !== 'DEFAULT') continue;
          // The default value: one token, a signed number, or a parenthesised expression.
          let last = i + 1;
          if (tokens[last]?.text === '-' || tokens[last]?.text === '+') last++;
          if (isPunctuation(tokens[last], '(')) last = matchingParen(tokens, last);
          if (last < 0 || !isWord(tokens[last + 1], 'FOR') || !isNameToken(tokens[last + 2])) continue;
          const text = context.source.text;
          const named = isWord(tokens[i - 2], 'CONSTRAINT');
          context.report({
            node: named ? tokens[i - 2] : tokens[i],
            endNode: tokens[last + 2],
            messageId: 'defaultFor',
            data: {
              column: tokens[last + 2].text,
              value: text.slice(tokens[i + 1].start, tokens[last].end),
              near: tokens[i].text,
            },
          });
        }
      },
    };
  },
});
