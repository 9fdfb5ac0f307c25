import type { SqlServerVersion } from '../../src/config/config.js';
import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { isFunctionCall } from '../../src/rules-support/tokens.js';
import { sqlServerName, sqlServerSupports } from '../../src/rules-support/tsql-versions.js';

/** Built-in functions and the SQL Server version that introduced them (the lowest target is 2016). */
const INTRODUCED = new Map<string, SqlServerVersion>(Object.entries({
  STRING_AGG: '2017',
  CONCAT_WS: '2017',
  TRANSLATE: '2017',
  TRIM: '2017',
  APPROX_COUNT_DISTINCT: '2019',
  GREATEST: '2022',
  LEAST: '2022',
  DATETRUNC: '2022',
  DATE_BUCKET: '2022',
  GENERATE_SERIES: '2022',
}) as [string, SqlServerVersion][]);

/** The tokens this rule acts on (the engine calls it for no others). */
const SELECTED_TOKENS: TokenSelector = { words: [...INTRODUCED.keys()] };

/**
 * Functions newer than the configured `sqlserverVersion` target. A warning: the call parses in
 * every version, and the target (2019 unless configured) is an assumption about the server.
 */
export default defineRule({
  meta: {
    id: 'tsql/no-unavailable-functions',
    description: 'Disallow built-in functions the configured SQL Server version does not have yet (STRING_AGG, GREATEST, ...).',
    dialects: ['tsql'],
    severity: 'warn',
    messages: {
      tooNew:
        "{{target}} rejects {{name}}(): '{{name}}' is not a recognized built-in function name (it arrived in SQL Server {{since}}).",
    },
    help: {
      tooNew: 'Raise sqlserverVersion to {{since}} or later if the database runs it, or rewrite without {{name}}().',
    },
  },
  create(context) {
    const target = context.settings.sqlserverVersion;
    return {
      tokenSelector: SELECTED_TOKENS,
      token(token, statement, index) {
        if (token.kind !== 'word') return;
        const since = INTRODUCED.get(token.upper);
        if (!since || sqlServerSupports(target, since)) return;
        if (!isFunctionCall(statement.tokens, index)) return;
        context.report({
          node: token,
          messageId: 'tooNew',
          data: { name: token.upper, since, target: sqlServerName(target) },
        });
      },
    };
  },
});
