import { defineRule, type RuleContext } from '../../src/engine/rule.js';
import { qualifiedNameEnd } from '../../src/rules-support/tokens.js';
import type { Statement } from '../../src/sql/statement.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';
import { expressionOptionsFor, parseSchemaStatement } from '../../src/tsql/parse-statement.js';

const TRIGGER_KINDS = new Set(['create trigger', 'alter trigger']);
const SQLITE_TIMING = ['BEFORE', 'AFTER', 'INSTEAD', 'INSERT', 'UPDATE', 'DELETE'];
/** Words after which a dotted name is a table, never a NEW/OLD row reference. */
const TABLE_CONTEXT = ['INTO', 'FROM', 'JOIN', 'UPDATE', 'TABLE', 'APPLY', 'EXEC', 'EXECUTE', 'MERGE', 'USING', 'REFERENCES'];

/**
 * SQLite's trigger form: `CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW WHEN ... BEGIN ... END`.
 * SQL Server names the table first (`CREATE TRIGGER tr ON t AFTER INSERT AS ...`), fires once
 * per statement, has no BEFORE, FOR EACH ROW or WHEN, and reads the rows from the `inserted`
 * and `deleted` tables instead of NEW and OLD.
 */
export default defineRule({
  meta: {
    id: 'tsql/no-sqlite-trigger-syntax',
    description: "Disallow SQLite's trigger form (BEFORE, FOR EACH ROW, WHEN, NEW./OLD.) in T-SQL triggers.",
    dialects: ['tsql'],
    severity: 'error',
    messages: {
      header: "SQL Server rejects SQLite's trigger form: Incorrect syntax near '{{near}}'.",
      before: 'SQL Server has no BEFORE triggers: Incorrect syntax near \'BEFORE\'.',
      forEachRow: "SQL Server triggers fire once per statement, not FOR EACH ROW: Incorrect syntax near 'EACH'.",
      when: "SQL Server triggers have no WHEN condition: Incorrect syntax near 'WHEN'.",
      newOld: 'SQL Server triggers have no {{row}} row: The multi-part identifier "{{reference}}" could not be bound.',
      missingAs: "SQL Server needs AS between a trigger's header and its body: Incorrect syntax near '{{near}}'.",
      semicolonForAs: "SQL Server needs AS between a trigger's header and its body, not a semicolon: Incorrect syntax near ';'.",
    },
    help: {
      header: 'Write CREATE TRIGGER name ON table AFTER INSERT AS BEGIN ... END and read the rows from inserted / deleted.',
      before: 'Use an AFTER trigger (or INSTEAD OF) that reads the inserted / deleted tables.',
      forEachRow: 'Remove FOR EACH ROW and handle every row of the inserted / deleted tables in one set-based statement.',
      when: 'Move the condition into the body: a WHERE on inserted / deleted, or IF EXISTS (SELECT 1 FROM inserted WHERE ...).',
      newOld: 'Read the {{table}} table instead: join it on the key, e.g. FROM {{table}} AS i.',
      missingAs: 'Write AS before {{near}}: CREATE TRIGGER name ON table AFTER INSERT AS BEGIN ... END.',
      semicolonForAs: 'Write AS in place of the semicolon: CREATE TRIGGER name ON table AFTER INSERT AS BEGIN ... END.',
    },
  },
  create(context) {
    const grammarOptions = expressionOptionsFor(context.settings.sqlserverVersion);
    /** True while statements belong to the body of a trigger written in T-SQL form. */
    let inTsqlTrigger = false;
    /**
     * A T-SQL-form header that ended without AS: whatever statement follows it in the batch
     * is its body (SQLite writes `... BEGIN` directly; others write the body's first statement).
     */
    let headerWithoutAs = false;
    return {
      statement(statement) {
        const first = statement.tokens[0];
        // GO ends the batch: a header with nothing after it before GO has no body to point at.
        if (headerWithoutAs && statement.kind !== 'go') {
          context.report({ node: first, messageId: 'missingAs', data: { near: first.text } });
        }
        headerWithoutAs = false;
        if (TRIGGER_KINDS.has(statement.kind) && !statement.inRoutine) {
          const reported = { value: false };
          const report: Report = (descriptor) => {
            reported.value = true;
            context.report(descriptor);
          };
          inTsqlTrigger = checkHeader(statement, report);
          if (!inTsqlTrigger || reported.value) return;
          // A header the grammar rejects is tsql/syntax's to report: it may have taken the
          // body's first words (`FOR INSERT, UPDATE` then `UPDATE t SET ...`), so the next
          // statement would not be where the body starts.
          if (parseSchemaStatement(statement, grammarOptions).error) return;
          const last = statement.tokens[statement.tokens.length - 1];
          if (isPunctuation(last, ';')) {
            context.report({ node: last, messageId: 'semicolonForAs' });
            return;
          }
          // The splitter ends a routine header at its AS; a header ending otherwise has none.
          headerWithoutAs = !isWord(last, 'AS');
          return;
        }
        if (!statement.inRoutine) {
          inTsqlTrigger = false;
          return;
        }
        if (inTsqlTrigger) checkRowReferences(statement, context.report.bind(context));
      },
      /**
       * Not judged (only its leading and latest tokens are kept), so a body that starts with
       * it goes unreported; outside a routine it ends the trigger's body as any statement does.
       */
      oversized(statement) {
        headerWithoutAs = false;
        if (!statement.inRoutine) inTsqlTrigger = false;
      },
    };
  },
});

type Report = RuleContext['report'];

/** Reports the first SQLite construct of a trigger header; returns true for a T-SQL-form trigger. */
function checkHeader(statement: Statement, report: Report): boolean {
  const tokens = statement.tokens;
  let i = 1;
  while (i < tokens.length && !isWord(tokens[i], 'TRIGGER')) i++;
  i++;
  if (isWord(tokens[i], 'IF') && isWord(tokens[i + 1], 'NOT') && isWord(tokens[i + 2], 'EXISTS')) i += 3;
  const nameEnd = qualifiedNameEnd(tokens, i);
  if (nameEnd === i) return false;
  const afterName = tokens[nameEnd];
  if (isWord(afterName, ...SQLITE_TIMING)) {
    report({ node: afterName, messageId: 'header', data: { near: afterName.text } });
    return false;
  }
  if (!isWord(afterName, 'ON')) return false;
  for (let j = nameEnd + 1; j < tokens.length; j++) {
    const token = tokens[j];
    if (isWord(token, 'BEFORE')) {
      report({ node: token, messageId: 'before' });
      return true;
    }
    if (isWord(token, 'FOR') && isWord(tokens[j + 1], 'EACH')) {
      report({ node: token, endNode: tokens[j + 2] ?? tokens[j + 1], messageId: 'forEachRow' });
      return true;
    }
    if (isWord(token, 'WHEN')) {
      report({ node: token, messageId: 'when' });
      return true;
    }
  }
  return true;
}

/** `NEW.col` / `OLD.col` in a T-SQL trigger body, unless the statement names an alias NEW / OLD itself. */
function checkRowReferences(statement: Statement, report: Report): void {
  const tokens = statement.tokens;
  const aliases = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    if (isWord(tokens[i], 'NEW', 'OLD') && !isPunctuation(tokens[i + 1], '.')) aliases.add(tokens[i].upper);
  }
  for (let i = 0; i < tokens.length - 2; i++) {
    const token: Token = tokens[i];
    if (!isWord(token, 'NEW', 'OLD') || aliases.has(token.upper)) continue;
    if (!isPunctuation(tokens[i + 1], '.') || isPunctuation(tokens[i - 1], '.')) continue;
    // `old.archive` after INTO / FROM / JOIN is a schema-qualified table, as is `new.dbo.t`.
    if (isPunctuation(tokens[i + 3], '.') || isWord(tokens[i - 1], ...TABLE_CONTEXT)) continue;
    const column = tokens[i + 2];
    report({
      node: token,
      endNode: column,
      messageId: 'newOld',
      data: {
        row: token.upper,
        reference: `${token.text}.${column.text}`,
        table: token.upper === 'NEW' ? 'inserted' : 'deleted',
      },
    });
  }
}
