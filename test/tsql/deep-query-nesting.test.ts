import { describe, expect, it } from 'vitest';
import { tsqlRules } from '../../rules/tsql/index.js';
import { lintSource } from '../../src/engine/linter.js';
import { splitAll } from '../../src/sql/splitter.js';
import { MAX_PARSED_DEPTH } from '../../src/tsql/expression.js';
import { parseSchemaStatement } from '../../src/tsql/parse-statement.js';

const options = { allowConcatOperator: false };
const parse = (sql: string) => parseSchemaStatement(splitAll(sql, 'tsql')[0], options);
const nest = (open: string, inner: string, close: string, depth: number): string => open.repeat(depth) + inner + close.repeat(depth);

/** Every diagnostic of the tsql/syntax rule, as `line:column ruleId message`. */
function syntaxProblems(text: string): string[] {
  const syntax = tsqlRules.filter((rule) => rule.meta.id === 'tsql/syntax');
  const diagnostics = lintSource(text, {
    filePath: 'deep.sql',
    dialect: 'tsql',
    dialectSource: 'test',
    rules: syntax.map((rule) => ({ rule, severity: 2, options: [] })),
    settings: { sqlserverVersion: '2019' },
  });
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`);
}

describe('queries nested deeper than the stack allows a descent per level', () => {
  // Each shape's query, `depth` levels deep; the old grammar lost the IF's node from 1,563
  // (derived tables), 1,738 (derived tables with CTEs), 3,979, 4,491 and 8,225 levels deep.
  const shapes: [string, (depth: number) => string][] = [
    ['derived tables', (n) => `SELECT 1 FROM ${nest('(SELECT a FROM ', 't', ') AS d', n)}`],
    ['derived tables opening with a CTE', (n) => `SELECT 1 FROM ${nest('(WITH c AS (SELECT a FROM ', 't', ') SELECT a FROM c) AS d', n)}`],
    ['bracketed query terms', (n) => `SELECT 1 UNION ${nest('(', 'SELECT a FROM t', ')', n)}`],
    ['bracketed joins', (n) => `SELECT 1 FROM ${nest('(', 't', ' JOIN u ON 1 = 1)', n)}`],
    ['joins whose ONs follow them all', (n) => `SELECT 1 FROM t ${'JOIN u '.repeat(n)}${'ON 1 = 1 '.repeat(n)}`],
  ];

  for (const [what, query] of shapes) {
    it(`keeps an IF NOT EXISTS guard over ${what}, 2,000 and 50,000 deep`, () => {
      for (const depth of [2_000, 50_000]) {
        const sql = `IF NOT EXISTS (${query(depth)}) CREATE TABLE t (a INT);`;
        const outcome = parse(sql);
        expect(outcome.error, `${what} ${depth}`).toBeUndefined();
        expect(outcome.node, `${what} ${depth}`).toMatchObject({ kind: 'if', guardsCreation: true });
        // The condition ends at the `)` closing the EXISTS: the whole query was read.
        expect(outcome.node?.last.start, `${what} ${depth}`).toBe(sql.indexOf(') CREATE TABLE'));
      }
    });
  }

  it('reports a syntax error after 2,000 nested derived tables, where it reported none', () => {
    const text = `SELECT 1 FROM ${nest('(SELECT a FROM ', 't', ') AS d', 2_000)} WHERE WHERE a > 0;\n`;
    expect(syntaxProblems(text)).toEqual([`1:${text.indexOf('WHERE WHERE') + 7} tsql/syntax Incorrect syntax near 'WHERE'.`]);
  });

  it(`still finds a syntax error ${MAX_PARSED_DEPTH} groups deep, at the token it did before`, () => {
    for (const [open, close] of [
      ['(SELECT a FROM ', ') AS d'],
      ['(', ' JOIN u ON 1 = 1)'],
    ]) {
      const text = `SELECT 1 FROM ${nest(open, 't t2 t3', close, MAX_PARSED_DEPTH - 1)};\n`;
      expect(syntaxProblems(text), open).toEqual([`1:${text.indexOf('t3') + 1} tsql/syntax Incorrect syntax near 't3'.`]);
    }
    // A subquery in an expression and the derived tables in it count on one cursor.
    const mixed = `SELECT ${nest('(SELECT a FROM (SELECT a FROM ', 't t2 t3', ') AS d)', (MAX_PARSED_DEPTH - 2) / 2)} AS x;\n`;
    expect(syntaxProblems(mixed)).toEqual([`1:${mixed.indexOf('t3') + 1} tsql/syntax Incorrect syntax near 't3'.`]);
  });

  it('reads a query group past that depth as balanced text (an error inside it goes unreported)', () => {
    const text = `SELECT 1 FROM ${nest('(SELECT a FROM ', 't t2 t3', ') AS d', MAX_PARSED_DEPTH + 10)};\n`;
    expect(syntaxProblems(text)).toEqual([]);
  });
});
