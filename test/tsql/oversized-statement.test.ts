import { describe, expect, it } from 'vitest';
import { tsqlRules } from '../../rules/tsql/index.js';
import { lintSource } from '../../src/engine/linter.js';

/** A query of `depth` nested derived tables: 7 tokens a level, past the small statement limit below. */
const deepQuery = (depth: number): string => `SELECT a FROM ${'(SELECT a FROM '.repeat(depth)}t${') AS d'.repeat(depth)}`;

/** One rule's diagnostics (tsql/syntax's unless named) and the engine's, as `line:column rule message`, with statements held to 200 tokens. */
function problems(text: string, ruleId = 'tsql/syntax'): string[] {
  const chosen = tsqlRules.filter((rule) => rule.meta.id === ruleId);
  const diagnostics = lintSource(text, {
    filePath: 'deep.sql',
    dialect: 'tsql',
    dialectSource: 'test',
    rules: chosen.map((rule) => ({ rule, severity: 2, options: [] })),
    settings: { sqlserverVersion: '2019' },
    maxStatementTokens: 200,
  });
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId ?? 'engine'} ${d.message.replace(/ \(lines.*$/, '')}`);
}

const NOT_LINTED = 'engine Statement not linted: it runs over 200 tokens';

describe('a statement past the token limit, in the statements around it', () => {
  it('is the statement an IF, WHILE or ELSE before it governs: no false "Incorrect syntax" at the next GO, END or the end of the file', () => {
    const query = deepQuery(130);
    // Each reported the IF's, WHILE's or ELSE's last token as missing its statement.
    expect(problems(`IF 1 = 1\n  ${query}\nGO\n`)).toEqual([`2:3 ${NOT_LINTED}`]);
    expect(problems(`BEGIN\n  IF 1 = 1\n    ${query}\nEND\n`)).toEqual([`3:5 ${NOT_LINTED}`]);
    expect(problems(`WHILE 1 = 0\n  ${query}\n`)).toEqual([`2:3 ${NOT_LINTED}`]);
    expect(problems(`IF 1 = 1\n  PRINT 'x'\nELSE\n  ${query}\n`)).toEqual([`4:3 ${NOT_LINTED}`]);
  });

  it('leaves an IF whose own condition runs past the limit waiting for its statement, where it forgot the IF', () => {
    const text = `IF EXISTS (${deepQuery(130)})\nGO\n`;
    // Its last token is kept, and SQL Server names it: the `)` before the GO.
    expect(problems(text)).toEqual([`1:1 ${NOT_LINTED}`, `1:${text.indexOf('\nGO')} tsql/syntax Incorrect syntax near ')'.`]);
  });

  it('counts in its batch: a procedure named without EXEC after it is not the batch\'s first statement', () => {
    expect(problems(`${deepQuery(130)};\nrefresh_stats\n`)).toEqual([`1:1 ${NOT_LINTED}`, "2:1 tsql/syntax Incorrect syntax near 'refresh_stats'."]);
  });
});

describe('tsql/batch-first-statement after a statement past the token limit', () => {
  const problemsOf = (text: string): string[] => problems(text, 'tsql/batch-first-statement');
  const notFirst = "tsql/batch-first-statement 'CREATE VIEW' must be the first statement in a query batch.";

  it('reports a CREATE VIEW that follows it in its batch, and not one after the next GO', () => {
    // It was not counted: the CREATE VIEW passed for the batch's first statement.
    expect(problemsOf(`${deepQuery(130)};\nCREATE VIEW w AS SELECT 1 AS one\n`)).toEqual([`1:1 ${NOT_LINTED}`, `2:1 ${notFirst}`]);
    expect(problemsOf(`${deepQuery(130)};\nGO\nCREATE VIEW w AS SELECT 1 AS one\n`)).toEqual([`1:1 ${NOT_LINTED}`]);
  });

  it('is one of CREATE SCHEMA\'s elements, and the elements after it still are', () => {
    const schema = `CREATE SCHEMA s AUTHORIZATION dbo\n  CREATE TABLE s.t (a INT CHECK (a IN (${Array.from({ length: 100 }, (_, i) => i).join(', ')})))`;
    expect(problemsOf(`${schema}\n  CREATE VIEW s.v AS SELECT a FROM s.t\n`)).toEqual([`2:3 ${NOT_LINTED}`]);
  });
});

describe('tsql/no-sqlite-transaction-syntax around a statement past the token limit', () => {
  const problemsOf = (text: string): string[] => problems(text, 'tsql/no-sqlite-transaction-syntax');
  const bareBegin = 'tsql/no-sqlite-transaction-syntax In SQL Server BEGIN; opens a BEGIN ... END block, not a transaction: the statements after it run without one.';

  it('is the statement an IF before it governs, so a BEGIN; after it opens a block of its own', () => {
    // The BEGIN was taken for the IF's block, and its `;` for nothing wrong.
    expect(problemsOf(`IF 1 = 1\n  ${deepQuery(130)};\nBEGIN;\nSELECT 1;\nEND;\n`)).toEqual([`2:3 ${NOT_LINTED}`, `3:1 ${bareBegin}`]);
  });

  it('governs the BEGIN after it when it is an IF whose condition runs past the limit', () => {
    // The BEGIN was taken for one that governs nothing, a transaction that is not one.
    expect(problemsOf(`IF EXISTS (${deepQuery(130)})\nBEGIN;\n  SELECT 1;\nEND;\n`)).toEqual([`1:1 ${NOT_LINTED}`]);
  });
});

describe('tsql/no-sqlite-trigger-syntax around a statement past the token limit', () => {
  it('stands between a trigger header without AS and a BEGIN after it, which is not the header\'s body', () => {
    // The BEGIN was reported as the body that needed an AS before it.
    const text = `CREATE TRIGGER tr ON t AFTER INSERT\n${deepQuery(130)}\nBEGIN\n  PRINT 1\nEND\n`;
    expect(problems(text, 'tsql/no-sqlite-trigger-syntax')).toEqual([`2:1 ${NOT_LINTED}`]);
  });
});

describe('tsql/create-time-unknown-type after a CREATE TYPE past the token limit', () => {
  it('knows the type it creates, named among its kept leading tokens', () => {
    const values = Array.from({ length: 150 }, (_, i) => i).join(', ');
    const text = `CREATE TYPE dbo.Pair AS TABLE (a INT CHECK (a IN (${values})));\nCREATE TABLE t (p Pair, q Tripe);\n`;
    // Pair was "Cannot find data type Pair"; Tripe, which nothing creates, still is unknown.
    expect(problems(text, 'tsql/create-time-unknown-type')).toEqual([
      `1:1 ${NOT_LINTED}`,
      '2:27 tsql/create-time-unknown-type Column, parameter, or variable #2: Cannot find data type Tripe.',
    ]);
  });
});
