import type { SchemaRuleContext } from '../../src/engine/linter.js';
import { defineRule, type TokenSelector } from '../../src/engine/rule.js';
import { dialectDisplayName, type Dialect } from '../../src/sql/dialect.js';
import type { Token } from '../../src/sql/token.js';

/**
 * One headline when a whole file reads as the other dialect: the seed's failure is a
 * `schema.sql` written in SQLite, and "this file is SQLite" explains a screenful of
 * diagnostics at once. Only raised when the dialect was inferred (owner, file name, default);
 * a pragma, an override or --dialect is the user's explicit word.
 */
const INFERRED_STEPS = new Set(['owner', 'file-name', 'default']);

/**
 * The tokens either evidence function below can answer for: every word a `case` names and
 * every token kind it tests. The rule looks at nothing else, so it asks the engine for these only.
 */
const EVIDENCE_TOKENS: TokenSelector = {
  words: [
    'AUTOINCREMENT', 'PRAGMA', 'ROWID', 'OR', 'EXISTS', 'DATETIME', 'STRFTIME', 'JULIANDAY',
    'IDENTITY', 'CLUSTERED', 'NONCLUSTERED', 'MAX', 'GETDATE', 'SYSUTCDATETIME', 'NEWID', 'NOCOUNT', 'ANSI_NULLS', 'QUOTED_IDENTIFIER',
  ],
  kinds: ['quoted-identifier', 'batch-separator', 'string', 'variable'],
};

/** Evidence a file is SQLite: words and shapes T-SQL never uses. */
function sqliteEvidence(tokens: readonly Token[], i: number): string | undefined {
  const token = tokens[i];
  if (token.kind === 'quoted-identifier' && token.quote === '`') return 'backtick names';
  if (token.kind !== 'word') return undefined;
  const next = tokens[i + 1];
  switch (token.upper) {
    case 'AUTOINCREMENT':
      return 'AUTOINCREMENT';
    case 'PRAGMA':
      return i === 0 ? 'PRAGMA' : undefined;
    case 'ROWID':
      return tokens[i - 1]?.upper === 'WITHOUT' ? 'WITHOUT ROWID' : undefined;
    case 'OR':
      return tokens[i - 1]?.upper === 'INSERT' && i === 1 ? 'INSERT OR ...' : undefined;
    case 'EXISTS':
      return tokens[i - 1]?.upper === 'NOT' && tokens[i - 2]?.upper === 'IF' && i <= 5 && tokens[0].upper === 'CREATE'
        ? 'CREATE ... IF NOT EXISTS'
        : undefined;
    case 'DATETIME':
    case 'STRFTIME':
    case 'JULIANDAY':
      return next?.text === '(' && tokens[i + 2]?.kind === 'string' ? `${token.upper.toLowerCase()}(...)` : undefined;
    default:
      return undefined;
  }
}

/** Evidence a file is T-SQL: words and shapes SQLite never uses. */
function tsqlEvidence(tokens: readonly Token[], i: number): string | undefined {
  const token = tokens[i];
  if (token.kind === 'batch-separator') return 'GO lines';
  if (token.kind === 'string' && token.quote === 'N') return "N'...' strings";
  if (token.kind === 'variable' && token.text.startsWith('@@')) return '@@ globals';
  if (token.kind !== 'word') return undefined;
  const next = tokens[i + 1];
  switch (token.upper) {
    case 'IDENTITY':
      return next?.text === '(' ? 'IDENTITY(...)' : undefined;
    case 'CLUSTERED':
    case 'NONCLUSTERED':
      return 'CLUSTERED indexes';
    case 'MAX':
      return tokens[i - 1]?.text === '(' ? '(MAX) lengths' : undefined;
    case 'GETDATE':
    case 'SYSUTCDATETIME':
    case 'NEWID':
      return next?.text === '(' ? `${token.upper}()` : undefined;
    case 'NOCOUNT':
    case 'ANSI_NULLS':
    case 'QUOTED_IDENTIFIER':
      return tokens[i - 1]?.upper === 'SET' ? `SET ${token.upper}` : undefined;
    default:
      return undefined;
  }
}

export default defineRule({
  meta: {
    id: 'core/dialect-mismatch',
    description: 'Report a file whose content reads as the other dialect than the one it was judged to be.',
    dialects: ['tsql', 'sqlite'],
    severity: 'warn',
    messages: {
      mismatch:
        'This file reads as {{actual}} ({{evidence}}), but it is linted as {{expected}} (decided by {{reason}}).',
    },
    help: {
      mismatch:
        'If it is {{actual}}, rename it to {{suggestedName}}, add "-- schema-lint dialect: {{actualId}}" as its first line, or add an override in schema-lint.config.json.',
    },
  },
  create(baseContext) {
    const context = baseContext as SchemaRuleContext;
    const other: Dialect = context.dialect === 'tsql' ? 'sqlite' : 'tsql';
    const evidenceOf = other === 'sqlite' ? sqliteEvidence : tsqlEvidence;
    const ownEvidenceOf = other === 'sqlite' ? tsqlEvidence : sqliteEvidence;
    const foreign = new Map<string, number>();
    let own = 0;
    let first: Token | undefined;
    return {
      tokenSelector: EVIDENCE_TOKENS,
      token(token, statement, index) {
        const foreignKind = evidenceOf(statement.tokens, index);
        if (foreignKind) {
          foreign.set(foreignKind, (foreign.get(foreignKind) ?? 0) + 1);
          first ??= token;
        } else if (ownEvidenceOf(statement.tokens, index)) {
          own++;
        }
      },
      end() {
        if (!first || !INFERRED_STEPS.has(context.dialectStep ?? '')) return;
        const total = [...foreign.values()].reduce((sum, n) => sum + n, 0);
        // Two kinds of evidence, and clearly more than the file's own dialect shows.
        if (foreign.size < 2 || total < 2 * Math.max(own, 1)) return;
        const base = context.filePath.split(/[\\/]/).pop() ?? context.filePath;
        const stem = base.replace(/(\.(sqlite3?|mssql|tsql|sqlserver))?\.sql$/i, '').replace(/_mssql$/i, '');
        context.report({
          node: first,
          messageId: 'mismatch',
          data: {
            actual: dialectDisplayName(other),
            actualId: other,
            expected: dialectDisplayName(context.dialect),
            reason: context.dialectSource,
            evidence: [...foreign.keys()].slice(0, 4).join(', '),
            suggestedName: other === 'sqlite' ? `${stem}.sqlite.sql` : `${stem}.mssql.sql`,
          },
        });
      },
    };
  },
});
