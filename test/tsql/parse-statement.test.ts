import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Token } from '../../src/sql/token.js';
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
    expect(isSpecialIndex(statement('CREATE SELECTIVE XML INDEX sx ON t (x) FOR (p = \'/a\')').tokens)).toBe(true);
    expect(isSpecialIndex(statement('CREATE SPATIAL INDEX sx ON t (g)').tokens)).toBe(true);
    expect(isSpecialIndex(statement('CREATE FULLTEXT INDEX ON t (x) KEY INDEX pk').tokens)).toBe(true);
    expect(parseSchemaStatement(statement('CREATE XML INDEX x ON t (x) USING XML INDEX px'), options)).toEqual({});
  });

  it('parses a plain index whose index, table or column is named like those words', () => {
    for (const sql of [
      'CREATE UNIQUE NONCLUSTERED INDEX [xml] ON t (x)',
      'CREATE UNIQUE NONCLUSTERED INDEX xml ON t (x)',
      'CREATE INDEX ix ON xml (spatial)',
      'CREATE INDEX primary_ix ON fulltext (a)',
    ]) {
      expect(isSpecialIndex(statement(sql).tokens), sql).toBe(false);
      expect(parseSchemaStatement(statement(sql), options).node, sql).toMatchObject({ kind: 'create index' });
    }
  });
});

/** The guard test as first written, on a copy of the condition's tokens: the reference for the in-place one. */
function referenceGuard(tokens: readonly Token[]): boolean {
  const condition = tokens.filter((t) => !(t.kind === 'punctuation' && (t.text === '(' || t.text === ')')));
  let i = 0;
  while (tokens[i]?.text === '(') i++;
  if (tokens[i]?.upper === 'NOT' && tokens[i + 1]?.upper === 'EXISTS') return true;
  const n = condition.length;
  return n >= 3 && condition[n - 2].upper === 'IS' && condition[n - 1].upper === 'NULL' && condition[0].kind === 'word';
}

describe('IF guards', () => {
  it('tells creation guards as the copy-based test did, for any condition that parses', () => {
    const parts = ['(', ')', 'NOT', 'EXISTS', '(SELECT 1)', 'OBJECT_ID(N\'t\')', 'IS', 'NULL', '@x', '1', '=', 'AND', "'s'", '[q]', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 10 }), (words) => {
        const [parsed] = splitAll(`IF ${words.join(' ')}`, 'tsql');
        const { node } = parseSchemaStatement(parsed, options);
        if (node?.kind !== 'if') return;
        const tokens = parsed.tokens;
        const condition = tokens.slice(1, tokens.indexOf(node.last) + 1);
        expect(node.guardsCreation).toBe(referenceGuard(condition));
      }),
      { numRuns: 3000 },
    );
  });

  it('knows the common guards', () => {
    const guard = (sql: string): boolean | undefined => {
      const { node } = parseSchemaStatement(statement(sql), options);
      return node?.kind === 'if' ? node.guardsCreation : undefined;
    };
    expect(guard("IF OBJECT_ID(N'dbo.t', N'U') IS NULL")).toBe(true);
    expect(guard("IF (OBJECT_ID(N'dbo.t') IS NULL)")).toBe(true);
    expect(guard('IF NOT EXISTS (SELECT 1 FROM sys.tables)')).toBe(true);
    expect(guard("IF OBJECT_ID(N'dbo.t', N'U') IS NOT NULL")).toBe(false);
    expect(guard('IF @x IS NULL')).toBe(false);
    expect(guard('IF x IS NULL')).toBe(true);
    expect(guard('IF (x) IS NULL')).toBe(true);
  });
});
