import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import type { TextEdit } from '../../src/engine/diagnostic.js';
import { createTableListStart } from '../../src/rules-support/tsql-columns.js';
import { qualifiedNameEnd, removeTokensEdit } from '../../src/rules-support/tokens.js';
import { withBracketedBackticks } from '../../src/rules-support/tsql-bracket-names.js';
import { identifierName, isWord, type Token } from '../../src/sql/token.js';

const OBJECTS = new Set(['TABLE', 'INDEX', 'VIEW', 'TRIGGER']);

/** The statements this rule acts on: the clause ends with EXISTS (the CREATE and object are checked in the visitor). */
const SELECTED_STATEMENTS: StatementSelector = { words: ['EXISTS'] };

/**
 * SQLite's `CREATE TABLE/INDEX/VIEW/TRIGGER IF NOT EXISTS`. SQL Server has no such form in
 * any version (its `DROP ... IF EXISTS` from 2016 is a different statement and stays valid).
 */
export default defineRule({
  meta: {
    id: 'tsql/no-if-not-exists',
    description: 'Disallow CREATE TABLE/INDEX/VIEW/TRIGGER IF NOT EXISTS, which SQL Server does not have.',
    dialects: ['tsql'],
    severity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      table: "SQL Server rejects CREATE TABLE IF NOT EXISTS: Incorrect syntax near 'IF'.",
      index: "SQL Server rejects CREATE INDEX IF NOT EXISTS: Incorrect syntax near 'IF'.",
      view: "SQL Server rejects CREATE VIEW IF NOT EXISTS: Incorrect syntax near 'IF'.",
      trigger: "SQL Server rejects CREATE TRIGGER IF NOT EXISTS: Incorrect syntax near 'IF'.",
    },
    help: {
      table: "Guard the statement instead: IF OBJECT_ID(N'{{name}}', N'U') IS NULL CREATE TABLE {{name}} (...).",
      index: "Guard the statement instead: IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'{{name}}') CREATE INDEX ...",
      view: 'Write CREATE OR ALTER VIEW {{name}} (SQL Server 2016 SP1 and later).',
      trigger: 'Write CREATE OR ALTER TRIGGER {{name}} (SQL Server 2016 SP1 and later).',
    },
  },
  create(context) {
    const text = context.source.text;
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        if (!isWord(tokens[0], 'CREATE')) return;
        let i = 1;
        while (i < 4 && tokens[i] && !(tokens[i].kind === 'word' && OBJECTS.has(tokens[i].upper))) i++;
        const object = tokens[i];
        if (!object || !OBJECTS.has(object.upper)) return;
        const [ifToken, notToken, existsToken] = [tokens[i + 1], tokens[i + 2], tokens[i + 3]];
        if (!isWord(ifToken, 'IF') || !isWord(notToken, 'NOT') || !isWord(existsToken, 'EXISTS')) return;
        const nameEnd = qualifiedNameEnd(tokens, i + 4);
        // Copied into T-SQL (the guard, the help), a `backtick` name is written as SQL Server quotes it.
        const name = nameEnd > i + 4 ? withBracketedBackticks(text, tokens, i + 4, nameEnd) : '';
        // Not CREATE TEMP / VIRTUAL TABLE: those are other rules' problems and have no rewrite here.
        const plain = !isWord(tokens[1], 'TEMP', 'TEMPORARY', 'VIRTUAL');
        // CREATE TABLE ... AS SELECT is no T-SQL either way; only a table with columns gets the guard.
        const fix =
          object.upper === 'TABLE' && plain && name && createTableListStart(tokens) >= 0
            ? tableGuardFix(text, tokens[0], ifToken, existsToken, tokens[i + 4], name)
            : undefined;
        context.report({
          node: ifToken,
          endNode: existsToken,
          messageId: object.upper.toLowerCase(),
          data: { name: name || 'name' },
          fix,
          suggest: plain && name ? suggestions(text, tokens, object, ifToken, existsToken, nameEnd) : undefined,
        });
      },
    };
  },
});

/**
 * Rewrites offered, not applied (they change what an existing object gets): a view or
 * trigger becomes CREATE OR ALTER; an index gets a sys.indexes guard naming its table.
 */
function suggestions(
  text: string,
  tokens: readonly Token[],
  object: Token,
  ifToken: Token,
  existsToken: Token,
  nameEnd: number,
): { desc: string; fix: TextEdit[] }[] | undefined {
  const withoutGuard = removeTokensEdit(text, ifToken, existsToken);
  if (object.upper === 'VIEW' || object.upper === 'TRIGGER') {
    return [
      {
        desc: `Write CREATE OR ALTER ${object.upper}.`,
        fix: [{ range: [tokens[0].end, tokens[0].end], text: ' OR ALTER' }, withoutGuard],
      },
    ];
  }
  if (object.upper !== 'INDEX' || !isWord(tokens[nameEnd], 'ON')) return undefined;
  const tableEnd = qualifiedNameEnd(tokens, nameEnd + 1);
  if (tableEnd === nameEnd + 1) return undefined;
  const table = withBracketedBackticks(text, tokens, nameEnd + 1, tableEnd);
  const index = identifierName(tokens[nameEnd - 1]);
  const quote = (value: string): string => `N'${value.replace(/'/g, "''")}'`;
  const guard = `IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = ${quote(index)} AND object_id = OBJECT_ID(${quote(table)})) `;
  return [{ desc: 'Guard it with a sys.indexes lookup.', fix: [{ range: [tokens[0].start, tokens[0].start], text: guard }, withoutGuard] }];
}

/** `CREATE TABLE IF NOT EXISTS t (...)` → `IF OBJECT_ID(N't', N'U') IS NULL CREATE TABLE t (...)`. */
function tableGuardFix(
  text: string,
  create: Token,
  ifToken: Token,
  existsToken: Token,
  firstNameToken: Token,
  name: string,
): TextEdit[] {
  // OBJECT_ID finds a #temp table only through tempdb.
  const lookup = firstNameToken.text.startsWith('#') ? `tempdb..${name}` : name;
  const literal = `N'${lookup.replace(/'/g, "''")}'`;
  return [
    { range: [create.start, create.start], text: `IF OBJECT_ID(${literal}, N'U') IS NULL ` },
    removeTokensEdit(text, ifToken, existsToken),
  ];
}
