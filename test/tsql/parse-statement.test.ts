import { describe, expect, it } from 'vitest';
import { splitAll } from '../../src/sql/splitter.js';
import { isSpecialIndex, parseSchemaStatement } from '../../src/tsql/parse-statement.js';

const options = { allowConcatOperator: false };
const statement = (sql: string) => splitAll(sql, 'tsql')[0];

describe('parseSchemaStatement', () => {
  it('gives statements it has no grammar for an empty outcome without parsing them', () => {
    for (const sql of ['SELECT 1 +', 'DROP TABLE t', 'SET NOCOUNT ON', 'EXEC p']) expect(parseSchemaStatement(statement(sql), options)).toEqual({});
  });

  it('parses the statements it owns, or returns their error', () => {
    expect(parseSchemaStatement(statement('CREATE INDEX ix ON t (a)'), options).node).toMatchObject({ kind: 'create index' });
    expect(parseSchemaStatement(statement('CREATE INDEX ix ON t (a'), options).error?.message).toBe("Incorrect syntax near 'a'.");
  });

  it('leaves XML, spatial and full-text indexes alone', () => {
    expect(isSpecialIndex(statement('CREATE PRIMARY XML INDEX px ON t (x)').tokens)).toBe(true);
    expect(isSpecialIndex(statement('CREATE SPATIAL INDEX sx ON t (g)').tokens)).toBe(true);
    expect(isSpecialIndex(statement('CREATE UNIQUE NONCLUSTERED INDEX [xml] ON t (x)').tokens)).toBe(false);
    expect(isSpecialIndex(statement('CREATE UNIQUE NONCLUSTERED INDEX xml ON t (x)').tokens)).toBe(true);
    expect(parseSchemaStatement(statement('CREATE XML INDEX x ON t (x) USING XML INDEX px'), options)).toEqual({});
  });
});
