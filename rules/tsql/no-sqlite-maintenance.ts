import { defineRule } from '../../src/engine/rule.js';
import { isWord } from '../../src/sql/token.js';

/** SQLite's database-file statements and what SQL Server does instead. */
const REWRITES: Record<string, string> = {
  ATTACH: 'Remove it: SQL Server reaches other databases by three-part names (db.schema.table).',
  DETACH: 'Remove it: SQL Server reaches other databases by three-part names (db.schema.table).',
  VACUUM: 'Remove it: SQL Server reorganises storage with ALTER INDEX ... REBUILD (and DBCC SHRINKDATABASE).',
  REINDEX: 'Write ALTER INDEX ALL ON table_name REBUILD.',
  ANALYZE: 'Write UPDATE STATISTICS table_name.',
};

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
      statement(statement) {
        const [command, next] = statement.tokens;
        if (!command || command.kind !== 'word' || !REWRITES[command.upper]) return;
        // ATTACH needs DATABASE or a file name; anything else is not SQLite's ATTACH.
        if (command.upper === 'ATTACH' && !(isWord(next, 'DATABASE') || next?.kind === 'string')) return;
        context.report({
          node: command,
          messageId: 'maintenance',
          data: { command: command.upper, rewrite: REWRITES[command.upper] },
        });
      },
    };
  },
});
