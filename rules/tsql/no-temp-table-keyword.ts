import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { isWord } from '../../src/sql/token.js';

/** The statements this rule acts on: CREATE TEMP or CREATE TEMPORARY. */
const SELECTED_STATEMENTS: StatementSelector = { words: ['TEMP', 'TEMPORARY'] };

/** SQLite's `CREATE TEMP TABLE t`; SQL Server makes a table temporary by its name: `#t`. */
export default defineRule({
  meta: {
    id: 'tsql/no-temp-table-keyword',
    description: 'Disallow CREATE TEMP / TEMPORARY TABLE (and VIEW, TRIGGER): SQL Server names temporary tables #t.',
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      temp: "SQL Server rejects CREATE {{keyword}} {{object}}: Incorrect syntax near '{{keyword}}'.",
    },
    help: {
      temp: 'Write CREATE TABLE #{{name}} (...): a # name makes a table temporary in SQL Server.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const [create, keyword, object, name] = statement.tokens;
        if (!isWord(create, 'CREATE') || !isWord(keyword, 'TEMP', 'TEMPORARY') || !object || object.kind !== 'word') return;
        const simpleName = object.upper === 'TABLE' && name?.kind === 'word' && !name.text.startsWith('#') && statement.tokens[4]?.text !== '.';
        context.report({
          node: keyword,
          messageId: 'temp',
          data: { keyword: keyword.upper, object: object.upper, name: name && name.kind === 'word' ? name.text.replace(/^#/, '') : 'name' },
          suggest: simpleName
            ? [
                {
                  desc: `Create #${name.text} instead.`,
                  fix: [
                    { range: [keyword.start, object.start], text: '' },
                    { range: [name.start, name.start], text: '#' },
                  ],
                },
              ]
            : undefined,
        });
      },
    };
  },
});
