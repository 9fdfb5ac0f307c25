import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { replaceTokenEdit } from '../../src/rules-support/tokens.js';
import { sqlServerName, sqlServerSupports } from '../../src/rules-support/tsql-versions.js';

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { kinds: ['operator'] };

/** `a || b`: SQLite's string concatenation, in SQL Server only from 2025 and in Azure SQL. */
export default defineRule({
  meta: {
    id: 'tsql/no-concat-operator',
    description: 'Disallow the || concatenation operator before SQL Server 2025 (Azure SQL has it).',
    dialects: ['tsql'],
    severity: 'error',
    hasSuggestions: true,
    messages: {
      concat: "{{target}} rejects ||: Incorrect syntax near '|' (|| exists from SQL Server 2025 and in Azure SQL Database).",
    },
    help: {
      concat: 'Write a + b, or CONCAT(a, b) to treat NULL as an empty string.',
    },
  },
  create(context) {
    const target = context.settings.sqlserverVersion;
    const supported = sqlServerSupports(target, '2025');
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token) {
        if (supported || token.kind !== 'operator' || token.text !== '||') return;
        context.report({
          node: token,
          messageId: 'concat',
          data: { target: sqlServerName(target) },
          suggest: [{ desc: 'Replace || with +.', fix: replaceTokenEdit(token, '+') }],
        });
      },
    };
  },
});
