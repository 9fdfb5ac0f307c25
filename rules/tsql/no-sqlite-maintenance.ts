import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { qualifiedNameEnd } from '../../src/rules-support/tokens.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';

/** SQLite's database-file statements and what SQL Server does instead. */
const REWRITES: Record<string, string> = {
  ATTACH: 'Remove it: SQL Server reaches other databases by three-part names (db.schema.table).',
  DETACH: 'Remove it: SQL Server reaches other databases by three-part names (db.schema.table).',
  VACUUM: 'Remove it: SQL Server reorganises storage with ALTER INDEX ... REBUILD (and DBCC SHRINKDATABASE).',
  REINDEX: 'Write ALTER INDEX ALL ON table_name REBUILD.',
  ANALYZE: 'Write UPDATE STATISTICS table_name.',
};

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: Object.keys(REWRITES).map((command) => command.toLowerCase()) };

/** ATTACH, DETACH, VACUUM, REINDEX, ANALYZE: statements SQL Server does not have. */
export default defineRule({
  meta: {
    id: 'tsql/no-sqlite-maintenance',
    description: "Disallow SQLite's ATTACH, DETACH, VACUUM, REINDEX and ANALYZE statements.",
    dialects: ['tsql'],
    severity: 'error',
    messages: {
      maintenance: "SQL Server has no {{command}} statement (it is SQLite's): the batch fails with a syntax error.",
    },
    help: {
      maintenance: '{{rewrite}}',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const [command] = statement.tokens;
        if (!command || command.kind !== 'word' || !REWRITES[command.upper]) return;
        if (!hasSqliteShape(command.upper, statement.tokens)) return;
        context.report({
          node: command,
          messageId: 'maintenance',
          data: { command: command.upper, rewrite: REWRITES[command.upper] },
        });
      },
    };
  },
});

/**
 * True when the statement has the shape of SQLite's command. These words are no reserved
 * words in T-SQL, and its splitter starts a statement at each of them, so `SELECT analyze
 * FROM t` arrives as `analyze FROM t`; only the command's own shape counts.
 *   ATTACH [DATABASE] 'file' AS name | DETACH [DATABASE] name
 *   VACUUM [schema] [INTO 'file']    | REINDEX [name] | ANALYZE [name]
 */
function hasSqliteShape(command: string, tokens: readonly Token[]): boolean {
  const end = tokens.length - (isPunctuation(tokens[tokens.length - 1], ';') ? 1 : 0);
  let i = 1;
  if ((command === 'ATTACH' || command === 'DETACH') && isWord(tokens[i], 'DATABASE')) i++;
  if (command === 'ATTACH') {
    const file = tokens[i];
    if (!file || (file.kind !== 'string' && file.kind !== 'word')) return false;
    return isWord(tokens[i + 1], 'AS') && qualifiedNameEnd(tokens, i + 2) === end && end > i + 2;
  }
  const nameEnd = qualifiedNameEnd(tokens, i);
  if (command === 'DETACH') return nameEnd === end && nameEnd > i;
  if (command === 'VACUUM' && isWord(tokens[nameEnd], 'INTO')) return tokens[nameEnd + 1]?.kind === 'string' && nameEnd + 2 === end;
  return nameEnd === end;
}
