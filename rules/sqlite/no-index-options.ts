import { defineRule, type RuleContext, type StatementSelector } from '../../src/engine/rule.js';
import type { Statement } from '../../src/sql/statement.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';
import { removeRangeEdit } from '../../src/rules-support/sqlite-edits.js';
import { isNameToken, matchingParen } from '../../src/rules-support/tokens.js';

/** What may follow ON inside a SQLite CREATE TABLE: conflict clauses and foreign-key actions. */
const SQLITE_ON_CLAUSES = new Set(['CONFLICT', 'DELETE', 'UPDATE']);

/** The statements this rule acts on (the engine calls it for no others). */
const SELECTED_STATEMENTS: StatementSelector = { kinds: ['create table', 'create index'] };

/**
 * SQL Server's physical storage clauses, as SSMS scripts them: CLUSTERED/NONCLUSTERED,
 * `WITH (PAD_INDEX = OFF, ...)`, filegroups (`ON [PRIMARY]`, `TEXTIMAGE_ON`, `FILESTREAM_ON`)
 * and `INCLUDE (...)` columns. SQLite has none of them. Read in CREATE TABLE and CREATE INDEX
 * only; SQLite's own ON clauses (ON CONFLICT, ON DELETE/UPDATE, the table of an index) stay
 * clean.
 */
export default defineRule({
  meta: {
    id: 'sqlite/no-index-options',
    description: "Disallow SQL Server's CLUSTERED/NONCLUSTERED, WITH (...) index options, ON [filegroup], TEXTIMAGE_ON and INCLUDE (...) in SQLite files.",
    dialects: ['sqlite'],
    severity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      clustered: 'SQLite rejects {{word}}: near "{{word}}": syntax error.',
      options: "SQLite rejects SQL Server's storage options WITH (...): syntax error.",
      filegroup: 'SQLite rejects the filegroup clause {{clause}}: near "{{word}}": syntax error.',
      include: 'SQLite rejects INCLUDE (...): near "{{word}}": syntax error.',
    },
    help: {
      clustered: 'Delete {{word}}: SQLite chooses the storage itself (a rowid table is ordered by its INTEGER PRIMARY KEY).',
      options: 'Delete WITH (...): SQLite has no such index or table settings.',
      filegroup: 'Delete {{clause}}: SQLite keeps the whole database in one file.',
      include: 'Delete INCLUDE (...), or add those columns to the index key to cover the query.',
    },
  },
  create(context) {
    return {
      statementSelector: SELECTED_STATEMENTS,
      statement(statement) {
        if (statement.kind === 'create table') checkCreateTable(statement, context);
        else if (statement.kind === 'create index') checkCreateIndex(statement, context);
      },
    };
  },
});

function checkCreateTable(statement: Statement, context: RuleContext): void {
  const tokens = statement.tokens;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (isPunctuation(token, '(')) depth++;
    else if (isPunctuation(token, ')')) depth--;
    if (token.kind !== 'word' || depth > 1) continue;
    if (depth === 0 && token.upper === 'AS') return; // CREATE TABLE ... AS SELECT: the rest is a query
    if (token.upper === 'CLUSTERED' || token.upper === 'NONCLUSTERED') {
      if (isWord(tokens[i - 1], 'KEY', 'UNIQUE')) reportClustered(tokens, i, context);
    } else if (token.upper === 'ON' && !SQLITE_ON_CLAUSES.has(tokens[i + 1]?.upper ?? '')) {
      reportFilegroup(tokens, i, context);
    } else if (token.upper === 'TEXTIMAGE_ON' || token.upper === 'FILESTREAM_ON') {
      reportFilegroup(tokens, i, context);
    } else if (token.upper === 'WITH' && isPunctuation(tokens[i + 1], '(')) {
      reportOptions(tokens, i, context);
    }
  }
}

function checkCreateIndex(statement: Statement, context: RuleContext): void {
  const tokens = statement.tokens;
  let depth = 0;
  let tableOn = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (isPunctuation(token, '(')) depth++;
    else if (isPunctuation(token, ')')) depth--;
    if (token.kind !== 'word' || depth !== 0) continue;
    if ((token.upper === 'CLUSTERED' || token.upper === 'NONCLUSTERED') && !tableOn) {
      reportClustered(tokens, i, context);
    } else if (token.upper === 'ON') {
      if (tableOn) reportFilegroup(tokens, i, context);
      tableOn = true;
    } else if (token.upper === 'FILESTREAM_ON') {
      reportFilegroup(tokens, i, context);
    } else if (token.upper === 'WITH' && isPunctuation(tokens[i + 1], '(') && tableOn) {
      reportOptions(tokens, i, context);
    } else if (token.upper === 'INCLUDE' && isPunctuation(tokens[i + 1], '(') && tableOn) {
      const close = matchingParen(tokens, i + 1);
      const last = close >= 0 ? tokens[close] : tokens[i];
      context.report({
        node: token,
        endNode: last,
        messageId: 'include',
        data: { word: token.text },
        suggest: [{ desc: 'Delete the INCLUDE clause', fix: removeRangeEdit(context.source.text, token.start, last.end) }],
      });
    }
  }
}

function reportClustered(tokens: readonly Token[], index: number, context: RuleContext): void {
  const token = tokens[index];
  // CLUSTERED COLUMNSTORE is not an ordinary index once CLUSTERED is gone: report, do not fix.
  const fix = isWord(tokens[index + 1], 'COLUMNSTORE') ? undefined : removeRangeEdit(context.source.text, token.start, token.end);
  context.report({ node: token, messageId: 'clustered', data: { word: token.upper }, fix });
}

/** `ON [PRIMARY]`, `ON "default"`, `ON ps_date (created)`, `TEXTIMAGE_ON [PRIMARY]`. */
function reportFilegroup(tokens: readonly Token[], index: number, context: RuleContext): void {
  const token = tokens[index];
  const name = tokens[index + 1];
  let last: Token = token;
  if (name && (isNameToken(name) || name.kind === 'string')) {
    last = name;
    if (isPunctuation(tokens[index + 2], '(')) {
      const close = matchingParen(tokens, index + 2);
      if (close >= 0) last = tokens[close];
    }
  }
  const clause = context.source.text.slice(token.start, last.end);
  context.report({
    node: token,
    endNode: last,
    messageId: 'filegroup',
    data: { clause, word: token.text },
    fix: last === token ? undefined : removeRangeEdit(context.source.text, token.start, last.end),
  });
}

function reportOptions(tokens: readonly Token[], index: number, context: RuleContext): void {
  const close = matchingParen(tokens, index + 1);
  if (close < 0) return;
  context.report({
    node: tokens[index],
    endNode: tokens[close],
    messageId: 'options',
    fix: removeRangeEdit(context.source.text, tokens[index].start, tokens[close].end),
  });
}
