import { defineRule } from '../../src/engine/rule.js';
import { replaceTokenEdit } from '../../src/rules-support/tokens.js';
import { typeWordVisitor } from '../../src/rules-support/tsql-types.js';

/** Deprecated large-object types and the MAX types Microsoft replaced them with. */
// A Map, not an object: indexing an object by a fresh (upper-cased) string looks it up in V8's string table first.
const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  ['TEXT', 'NVARCHAR(MAX)'],
  ['NTEXT', 'NVARCHAR(MAX)'],
  ['IMAGE', 'VARBINARY(MAX)'],
]);

/** TEXT, NTEXT and IMAGE still run on SQL Server, but are deprecated and limited. */
export default defineRule({
  meta: {
    id: 'tsql/no-deprecated-types',
    description: 'Warn on TEXT, NTEXT and IMAGE: deprecated in SQL Server, use NVARCHAR(MAX) / VARBINARY(MAX).',
    dialects: ['tsql'],
    severity: 'warn',
    hasSuggestions: true,
    messages: {
      deprecated:
        'SQL Server accepts {{type}} but it is deprecated: most string functions, comparisons and ORDER BY reject {{type}} values.',
    },
    help: {
      deprecated: 'Write {{replacement}} instead of {{type}}.',
    },
  },
  create(context) {
    return typeWordVisitor(
      (token, name) => {
        const replacement = REPLACEMENTS.get(name);
        if (!replacement) return;
        context.report({
          node: token,
          messageId: 'deprecated',
          data: { type: name, replacement },
          suggest: [{ desc: `Replace ${name} with ${replacement}.`, fix: replaceTokenEdit(token, replacement) }],
        });
      },
      { quoted: true },
    );
  },
});
