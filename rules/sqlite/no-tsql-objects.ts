import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import { isWord, type Token } from '../../src/sql/token.js';

/** What SQLite can CREATE, ALTER and DROP; anything else after those verbs is SQL Server's. */
const SQLITE_CREATABLE = new Set(['TABLE', 'INDEX', 'VIEW', 'TRIGGER']);
/** Modifiers SQLite itself allows between CREATE and the object word. */
const SQLITE_MODIFIERS = new Set(['TEMP', 'TEMPORARY', 'UNIQUE', 'VIRTUAL']);
/** T-SQL's index modifiers: their statement is no-index-options' to report. */
const TSQL_INDEX_MODIFIERS = new Set(['CLUSTERED', 'NONCLUSTERED', 'COLUMNSTORE', 'XML', 'SPATIAL', 'FULLTEXT', 'PRIMARY']);

const ROUTINES = new Set(['PROCEDURE', 'PROC', 'FUNCTION']);
const PERMISSIONS = new Set(['GRANT', 'DENY', 'REVOKE']);

/** The statements this rule acts on: each starts with one of these words (checked in the visitor). */
const SELECTED_STATEMENTS: StatementSelector = { words: ['GRANT', 'DENY', 'REVOKE', 'CREATE', 'ALTER', 'DROP'] };

/**
 * SQL Server objects SQLite does not have: procedures, functions, schemas, types, sequences,
 * synonyms, logins, users, roles, databases; `CREATE OR ALTER`; ALTER of anything but a
 * table; permissions (GRANT/DENY/REVOKE). Only the leading words of a statement are read.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-tsql-objects',
    description: 'Disallow SQL Server objects SQLite does not have (procedures, functions, schemas, types, sequences, users...), CREATE OR ALTER and GRANT/DENY/REVOKE.',
    dialects: ['sqlite'],
    severity: 'error',
    messages: {
      routine: 'SQLite rejects {{verb}} {{object}}: near "{{near}}": syntax error.',
      object: 'SQLite rejects {{verb}} {{object}}: near "{{near}}": syntax error.',
      createOrAlter: 'SQLite rejects CREATE OR ALTER: near "{{near}}": syntax error.',
      alter: 'SQLite rejects ALTER {{object}}: near "{{near}}": syntax error.',
      permission: 'SQLite rejects {{verb}}: near "{{near}}": syntax error.',
    },
    help: {
      routine: 'SQLite has no stored procedures or SQL-defined functions: move the logic to application code, a view or a trigger.',
      object: 'Delete it: SQLite has no {{object}} objects.',
      createOrAlter: 'Write DROP {{object}} IF EXISTS, then CREATE {{object}}.',
      alter: 'SQLite alters only tables: drop the {{object}} and create it again.',
      permission: 'Delete it: SQLite has no users or permissions; access to the database file decides.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        const verb = tokens[0];
        if (!verb || verb.kind !== 'word') return;
        if (PERMISSIONS.has(verb.upper)) {
          context.report({ node: verb, messageId: 'permission', data: { verb: verb.upper, near: verb.text } });
          return;
        }
        if (!isWord(verb, 'CREATE', 'ALTER', 'DROP')) return;
        let i = 1;
        if (verb.upper === 'CREATE' && isWord(tokens[1], 'OR') && isWord(tokens[2], 'ALTER')) {
          const object = objectWord(tokens, 3);
          context.report({
            node: tokens[1],
            endNode: tokens[2],
            messageId: 'createOrAlter',
            data: { near: tokens[1].text, object: object?.upper ?? 'object' },
          });
          return;
        }
        while (tokens[i] && SQLITE_MODIFIERS.has(tokens[i].upper)) i++;
        const object = tokens[i];
        if (!object || object.kind !== 'word' || TSQL_INDEX_MODIFIERS.has(object.upper)) return;
        if (SQLITE_CREATABLE.has(object.upper)) {
          if (verb.upper === 'ALTER' && object.upper !== 'TABLE') {
            context.report({ node: verb, endNode: object, messageId: 'alter', data: { object: object.upper, near: object.text } });
          }
          return;
        }
        if (verb.upper === 'ALTER' && object.upper === 'TABLE') return;
        const data = { verb: verb.upper, object: object.upper, near: object.text };
        context.report({ node: verb, endNode: object, messageId: ROUTINES.has(object.upper) ? 'routine' : 'object', data });
      },
    };
  },
});

function objectWord(tokens: readonly Token[], from: number): Token | undefined {
  const token = tokens[from];
  return token?.kind === 'word' ? token : undefined;
}
