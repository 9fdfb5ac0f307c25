import type { TextEdit } from '../../src/engine/diagnostic.js';
import { defineRule, type StatementSelector } from '../../src/engine/rule.js';
import type { Statement } from '../../src/sql/statement.js';
import { isPunctuation, isWord, type Token } from '../../src/sql/token.js';
import { qualifiedNameEnd } from '../../src/rules-support/tokens.js';

/**
 * T-SQL's procedural language: IF/ELSE, BEGIN...END blocks, TRY/CATCH, WHILE, variables,
 * PRINT, EXEC, RAISERROR/THROW, and T-SQL's TRAN abbreviation. SQLite has none of it; its
 * only BEGIN/END are transactions (`BEGIN;`, `BEGIN IMMEDIATE`, `END;`) and trigger bodies,
 * which stay clean. SQLite files split on `;` only, so a T-SQL script without semicolons
 * reaches this rule as one long statement: the words are found at any position where only
 * T-SQL could put them, not just at a statement's start.
 */

type Construct = 'if' | 'block' | 'variable' | 'print' | 'exec' | 'raise' | 'tran';

/** Words that start a T-SQL statement and never a SQLite one. */
const STATEMENT_WORDS: Record<string, Construct> = {
  IF: 'if',
  ELSE: 'block',
  WHILE: 'block',
  BREAK: 'block',
  CONTINUE: 'block',
  GOTO: 'block',
  RETURN: 'block',
  WAITFOR: 'block',
  DECLARE: 'variable',
  PRINT: 'print',
  EXEC: 'exec',
  EXECUTE: 'exec',
  RAISERROR: 'raise',
  THROW: 'raise',
};

/** What SQLite accepts after BEGIN, END, COMMIT and ROLLBACK as transaction control. */
const TRANSACTION_WORDS: Record<string, readonly string[]> = {
  BEGIN: ['DEFERRED', 'IMMEDIATE', 'EXCLUSIVE', 'TRANSACTION'],
  END: ['TRANSACTION'],
  COMMIT: ['TRANSACTION'],
  ROLLBACK: ['TRANSACTION', 'TO'],
};

/** Words that begin a statement, so `BEGIN <word>` is a T-SQL block and not a column named begin. */
const BLOCK_CONTENT_WORDS = new Set([
  'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'ALTER', 'SET', 'DECLARE', 'PRINT', 'IF', 'EXEC',
  'EXECUTE', 'RAISERROR', 'THROW', 'RETURN', 'WHILE', 'BEGIN', 'TRUNCATE', 'COMMIT', 'ROLLBACK', 'MERGE', 'WITH',
  'TRY', 'CATCH',
]);

const OBJECT_WORDS = new Set(['TABLE', 'INDEX', 'VIEW', 'TRIGGER']);

/**
 * The statements this rule can report on or learn from: every report and every change of
 * `inTransaction` is at one of these words (a statement's first word, or one `scanInside` looks
 * for), so a statement without any is skipped.
 */
const CONTROL_FLOW_STATEMENTS: StatementSelector = {
  words: [
    ...Object.keys(STATEMENT_WORDS), ...Object.keys(TRANSACTION_WORDS), 'SET', 'SAVEPOINT',
    'IF', 'ELSE', 'WHILE', 'BEGIN', 'END', 'DECLARE', 'PRINT', 'RAISERROR',
  ],
};

export default defineRule({
  meta: {
    id: 'sqlite/no-tsql-control-flow',
    description: "Disallow T-SQL control flow (IF, BEGIN...END, TRY/CATCH, WHILE, DECLARE/SET @variables, PRINT, EXEC, RAISERROR) in SQLite files.",
    dialects: ['sqlite'],
    severity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      if: 'SQLite rejects the T-SQL IF statement: near "{{near}}": syntax error.',
      block: 'SQLite rejects the T-SQL block keyword {{word}}: near "{{near}}": syntax error.',
      variable: 'SQLite rejects T-SQL variables ({{word}} {{variable}}): near "{{near}}": syntax error.',
      print: 'SQLite rejects PRINT: near "{{near}}": syntax error.',
      exec: 'SQLite rejects {{word}}: SQLite has no stored procedures (near "{{near}}": syntax error).',
      raise: 'SQLite rejects {{word}}: near "{{near}}": syntax error.',
      tran: 'SQLite rejects {{word}} TRAN: near "{{near}}": syntax error.',
      orphanEnd: 'SQLite reads this END as COMMIT and fails: cannot commit - no transaction is active.',
    },
    help: {
      if: 'Use DROP TABLE IF EXISTS / CREATE TABLE IF NOT EXISTS; other conditions belong in application code.',
      block: 'SQLite has no procedural blocks: run the statements unconditionally or move the logic to application code.',
      variable: 'SQLite has no variables: bind parameters from application code instead.',
      print: 'Delete the PRINT: SQLite has no message output.',
      exec: 'Run the SQL directly; SQLite has no procedures to execute.',
      raise: 'Raise errors with RAISE(ABORT, \'message\') inside a trigger, or in application code.',
      tran: 'Write {{word}} TRANSACTION.',
      orphanEnd: 'SQLite has no procedural blocks: delete the END of the T-SQL block (and its BEGIN).',
    },
  },
  create(context) {
    const report = (token: Token, construct: Construct, near: Token | undefined, extra: Record<string, string> = {}): void => {
      const data = { word: token.text.toUpperCase(), near: (near ?? token).text, ...extra };
      const descriptor = { node: token, messageId: construct, data };
      if (construct === 'tran' && near) {
        context.report({ ...descriptor, fix: { range: [near.start, near.end], text: 'TRANSACTION' } });
      } else {
        context.report(descriptor);
      }
    };

    /** Whether a SQLite transaction is open at this point of the script, as far as its statements tell. */
    let inTransaction = false;
    return {
      statementSelector: CONTROL_FLOW_STATEMENTS,
      statement(statement) {
        const tokens = statement.tokens;
        const first = tokens[0];
        if (!first || first.kind !== 'word') return;
        let scanFrom = 1;
        const construct = STATEMENT_WORDS[first.upper];
        if (construct === 'if') {
          const suggestion = dropIfExistsSuggestion(statement, context.source.text);
          context.report({
            node: first,
            messageId: 'if',
            data: { near: first.text },
            suggest: suggestion ? [suggestion] : undefined,
          });
        } else if (construct === 'variable') {
          report(first, 'variable', first, { variable: tokens[1]?.text ?? '' });
        } else if (construct) {
          report(first, construct, first);
        } else if (first.upper === 'SET' && tokens[1]?.kind === 'variable') {
          report(first, 'variable', first, { variable: tokens[1].text });
        } else if (TRANSACTION_WORDS[first.upper]) {
          const checked = checkTransactionWord(tokens, 0, report);
          if (checked !== undefined) {
            scanFrom = checked;
          } else if (first.upper === 'END' && !inTransaction && !isWord(tokens[1], 'TRANSACTION')) {
            // A lone END closing a T-SQL block: SQLite runs it as COMMIT, and fails.
            context.report({ node: first, messageId: 'orphanEnd' });
          } else {
            inTransaction = transactionStateAfter(tokens, inTransaction);
          }
        } else if (first.upper === 'SAVEPOINT') {
          inTransaction = true; // outside a transaction, SAVEPOINT starts one
        }
        if (statement.kind !== 'create trigger') scanInside(tokens, scanFrom, report);
      },
    };
  },
});

/** BEGIN opens a transaction; COMMIT, END and ROLLBACK (but not ROLLBACK TO a savepoint) close it. */
function transactionStateAfter(tokens: readonly Token[], open: boolean): boolean {
  const word = tokens[0].upper;
  if (word === 'BEGIN') return true;
  if (word === 'ROLLBACK' && tokens.some((token) => isWord(token, 'TO'))) return open;
  return false;
}

type Report = (token: Token, construct: Construct, near: Token | undefined, extra?: Record<string, string>) => void;

/**
 * BEGIN/END/COMMIT/ROLLBACK at `index`: clean when followed by what SQLite's transaction
 * statements allow, reported otherwise. Returns the index to continue scanning from.
 */
function checkTransactionWord(tokens: readonly Token[], index: number, report: Report): number | undefined {
  const word = tokens[index];
  const next = tokens[index + 1];
  if (!next || isPunctuation(next, ';') || isWord(next, ...TRANSACTION_WORDS[word.upper])) return undefined;
  if (isWord(next, 'TRAN')) {
    report(word, 'tran', next);
    return index + 2;
  }
  if (word.upper === 'COMMIT' || word.upper === 'ROLLBACK') return undefined; // not control flow: left to the syntax check
  report(word, 'block', next);
  return index + 1; // `END ELSE`: the ELSE is a construct of its own
}

/** T-SQL statements glued into one SQLite statement because no `;` separated them. */
function scanInside(tokens: readonly Token[], from: number, report: Report): void {
  let depth = 0;
  let caseDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (isPunctuation(token, '(')) depth++;
    else if (isPunctuation(token, ')')) depth = Math.max(0, depth - 1);
    if (token.kind !== 'word') continue;
    if (token.upper === 'CASE') caseDepth++;
    else if (token.upper === 'END' && caseDepth > 0) {
      caseDepth--;
      continue;
    }
    if (i < from || depth > 0) continue;
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    if (isPunctuation(previous, '.') || isPunctuation(previous, ',')) continue;
    switch (token.upper) {
      case 'IF':
        // A set lookup, not isWord(previous, ...OBJECT_WORDS): IF NOT EXISTS comes with most CREATEs.
        if (!(previous?.kind === 'word' && OBJECT_WORDS.has(previous.upper))) report(token, 'if', token);
        break;
      case 'ELSE':
        if (caseDepth === 0) report(token, 'block', token);
        break;
      case 'WHILE':
        // SQLite has no WHILE keyword, so `while` may be a column name: require a T-SQL condition.
        if (next && (next.kind === 'variable' || next.kind === 'number' || isPunctuation(next, '(') || isWord(next, 'EXISTS', 'NOT'))) {
          report(token, 'block', token);
        }
        break;
      case 'BEGIN':
      case 'END':
        if (caseDepth === 0 && next?.kind === 'word' && (BLOCK_CONTENT_WORDS.has(next.upper) || token.upper === 'END')) {
          report(token, 'block', token);
        }
        break;
      case 'DECLARE':
      case 'SET':
        if (next?.kind === 'variable') report(token, 'variable', token, { variable: next.text });
        break;
      case 'PRINT':
        if (next && (next.kind === 'string' || next.kind === 'variable')) report(token, 'print', token);
        break;
      case 'RAISERROR':
        if (isPunctuation(next, '(')) report(token, 'raise', token);
        break;
    }
  }
}

/**
 * `IF OBJECT_ID(...) IS NOT NULL DROP TABLE t` and `IF EXISTS (...) DROP TABLE t`, the usual
 * guard in T-SQL scripts, are SQLite's `DROP TABLE IF EXISTS t`. Offered as a suggestion: the
 * condition is read only by its shape.
 */
function dropIfExistsSuggestion(statement: Statement, text: string): { desc: string; fix: TextEdit } | undefined {
  const tokens = statement.tokens;
  if (!isWord(tokens[1], 'OBJECT_ID', 'EXISTS')) return undefined;
  let depth = 0;
  for (let i = 1; i < tokens.length; i++) {
    if (isPunctuation(tokens[i], '(')) depth++;
    else if (isPunctuation(tokens[i], ')')) depth--;
    if (depth !== 0 || !isWord(tokens[i], 'DROP')) continue;
    const kind = tokens[i + 1];
    if (!isWord(kind, ...OBJECT_WORDS)) return undefined;
    const nameEnd = qualifiedNameEnd(tokens, i + 2);
    if (nameEnd === i + 2) return undefined;
    const rest = tokens.length - nameEnd;
    if (rest > 1 || (rest === 1 && !isPunctuation(tokens[nameEnd], ';'))) return undefined;
    const name = text.slice(tokens[i + 2].start, tokens[nameEnd - 1].end);
    const replacement = `DROP ${kind.upper} IF EXISTS ${name}`;
    return { desc: `Replace with ${replacement}`, fix: { range: [tokens[0].start, tokens[nameEnd - 1].end], text: replacement } };
  }
  return undefined;
}
