import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import type { Statement } from '../../src/sql/statement.js';
import { isWord, type Token } from '../../src/sql/token.js';
import { isNameToken, qualifiedNameEnd } from '../../src/rules-support/tokens.js';

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['alter table'] };

/**
 * Constraint changes on an existing table, SQL Server style: `ADD CONSTRAINT ... PRIMARY KEY /
 * UNIQUE / FOREIGN KEY`, `DROP CONSTRAINT`, `WITH CHECK` / `WITH NOCHECK`, `CHECK CONSTRAINT` /
 * `NOCHECK CONSTRAINT`. SQLite up to 3.52 (the 3.40 that DIALECTS.md was checked against)
 * rejects them all; 3.53 added `ADD CONSTRAINT ... CHECK` and `DROP CONSTRAINT` for CHECK and
 * NOT NULL constraints only. `ADD CONSTRAINT ... DEFAULT ... FOR` is no-default-constraint-for's.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-alter-constraint',
    description: 'Disallow adding, dropping, checking or unchecking constraints with ALTER TABLE, as SQL Server does.',
    dialects: ['sqlite'],
    severity: 'error',
    messages: {
      add: 'SQLite rejects ALTER TABLE ... ADD {{what}}: near "{{near}}": syntax error.',
      addCheck: 'SQLite before 3.53 rejects ALTER TABLE ... ADD CHECK constraints: near "{{near}}": syntax error.',
      drop: 'SQLite before 3.53 rejects ALTER TABLE ... DROP CONSTRAINT (and 3.53+ drops only CHECK and NOT NULL constraints): near "{{near}}": syntax error.',
      check: 'SQLite rejects ALTER TABLE ... {{what}}: near "{{near}}": syntax error.',
    },
    help: {
      add: 'Declare the constraint in CREATE TABLE; to change an existing table, rebuild it (create the new table, copy the rows, drop the old one, rename).',
      addCheck: 'Declare the CHECK in CREATE TABLE, or rebuild the table.',
      drop: 'Rebuild the table without the constraint (create the new table, copy the rows, drop the old one, rename).',
      check: 'Delete it: SQLite cannot switch constraints off and on (PRAGMA foreign_keys switches foreign-key enforcement for the connection).',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        if (statement.kind !== 'alter table') return;
        const found = findConstraintChange(statement);
        if (found) context.report(found);
      },
    };
  },
});

type Finding = { node: Token; endNode: Token; messageId: string; data: Record<string, string> };

function findConstraintChange(statement: Statement): Finding | undefined {
  const tokens = statement.tokens;
  const i = qualifiedNameEnd(tokens, 2);
  const first = tokens[i];
  if (isWord(first, 'WITH') && isWord(tokens[i + 1], 'CHECK', 'NOCHECK')) {
    return { node: first, endNode: tokens[i + 1], messageId: 'check', data: { what: `WITH ${tokens[i + 1].upper}`, near: first.text } };
  }
  if (isWord(first, 'CHECK', 'NOCHECK') && isWord(tokens[i + 1], 'CONSTRAINT')) {
    return { node: first, endNode: tokens[i + 1], messageId: 'check', data: { what: `${first.upper} CONSTRAINT`, near: first.text } };
  }
  if (isWord(first, 'DROP') && isWord(tokens[i + 1], 'CONSTRAINT')) {
    return { node: first, endNode: tokens[i + 1], messageId: 'drop', data: { near: tokens[i + 1].text } };
  }
  if (!isWord(first, 'ADD')) return undefined;
  const named = isWord(tokens[i + 1], 'CONSTRAINT') && isNameToken(tokens[i + 2]);
  const kindIndex = named ? i + 3 : i + 1;
  const kind = tokens[kindIndex];
  if (!kind || kind.kind !== 'word') return undefined;
  switch (kind.upper) {
    case 'PRIMARY':
    case 'FOREIGN':
      return { node: first, endNode: tokens[kindIndex + 1] ?? kind, messageId: 'add', data: { what: `${kind.upper} KEY`, near: kind.text } };
    case 'UNIQUE':
      return { node: first, endNode: kind, messageId: 'add', data: { what: 'UNIQUE', near: kind.text } };
    case 'CHECK':
      return { node: first, endNode: kind, messageId: 'addCheck', data: { near: named ? tokens[i + 1].text : kind.text } };
    default:
      return undefined;
  }
}
