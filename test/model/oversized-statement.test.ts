import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/engine/linter.js';
import { tsqlModelSink } from '../../src/model/build-tsql.js';
import { findTable } from '../../src/model/find-table.js';
import { LintPassModel } from '../../src/model/model-sink.js';
import type { RoutineModel, SchemaModel } from '../../src/model/schema.js';
import { splitStatements } from '../../src/sql/splitter.js';

/** A query of `depth` nested derived tables: 7 tokens a level, past the small statement limit below. */
const deepQuery = (depth: number): string => `SELECT a FROM ${'(SELECT a FROM '.repeat(depth)}t${') AS d'.repeat(depth)}`;

/** The T-SQL model of `text`, with statements held to 200 tokens. */
function modelOf(text: string): SchemaModel {
  const sink = tsqlModelSink(text, 'deep.sql');
  for (const statement of splitStatements(text, 'tsql', { onTrivia: (token) => sink.comment(token), maxStatementTokens: 200 })) sink.statement(statement);
  return sink.model;
}

describe('the T-SQL model around a statement past the token limit', () => {
  it('lets it take the IF guard before it: the CREATE TABLE after it is not guarded', () => {
    // The guard skipped it and went to the table: convert wrote CREATE TABLE IF NOT EXISTS u.
    const model = modelOf(`IF OBJECT_ID(N'u') IS NULL\n  ${deepQuery(130)}\nCREATE TABLE u (a INT);\n`);
    expect(findTable(model, { name: 'u' })?.guarded).toBe(false);
  });

  it('keeps a guard block going through it', () => {
    const model = modelOf(`IF OBJECT_ID(N'u') IS NULL\nBEGIN\n  ${deepQuery(130)}\n  CREATE TABLE u (a INT);\nEND\n`);
    expect(findTable(model, { name: 'u' })?.guarded).toBe(true);
  });

  it('keeps its own trailing comment from the object after it', () => {
    // The comment after it was the table's, as if nothing stood between them.
    const model = modelOf(`${deepQuery(130)} -- the long query\nCREATE TABLE u (a INT);\n`);
    expect(findTable(model, { name: 'u' })?.comments).toEqual([]);
  });

  it('is part of the text of the routine whose body it ends', () => {
    const text = `CREATE PROCEDURE p AS\n  ${deepQuery(130)}\nGO\n`;
    const routine = modelOf(text).objects.find((object): object is RoutineModel => object.kind === 'procedure');
    // The text stopped at the header.
    expect(routine?.text).toBe(text.slice(0, text.indexOf('\nGO')));
  });
});

describe('the model the lint pass builds for parity, around a statement past the token limit', () => {
  it('is the model convert builds: the statement is passed to the builder, which counts it', () => {
    const text = `CREATE TABLE u (a INT);\nIF OBJECT_ID(N'u') IS NULL\n  ${deepQuery(130)}\nCREATE TABLE u (b INT);\n`;
    let pass: LintPassModel | undefined;
    lintSource(text, {
      filePath: 'deep.sql',
      dialect: 'tsql',
      dialectSource: 'test',
      rules: [],
      settings: { sqlserverVersion: '2019' },
      maxStatementTokens: 200,
      observe: (source) => (pass = new LintPassModel('tsql', text, 'deep.sql', source)),
    });
    // The builder never saw it, and took the guard for the second CREATE TABLE: u kept its column a.
    expect(findTable(pass?.model ?? { dialect: 'tsql', objects: [] }, { name: 'u' })?.columns.map((column) => column.name)).toEqual(['b']);
    expect(pass?.model).toEqual(modelOf(text));
  });
});
