import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ConvertReport } from '../../src/convert/convert-diagnostic.js';
import { convertSchema, prepareConvert } from '../../src/convert/convert.js';
import { verifyBlocks } from '../../src/convert/verify-output.js';
import { SandboxDatabase } from '../../src/sqlite/sandbox-database.js';
import { MAX_OBJECTS_PER_DATABASE } from '../../src/sqlite/validator.js';

const ref = (line: number) => ({ file: 'in.sql', line, column: 1, offset: line * 100 });

describe('the engine check of SQLite output', () => {
  // Loads the SQLite engine: without it the check passes everything, so no test may rely on another to load it.
  beforeAll(prepareConvert);

  it('comments out what SQLite refuses and says why, then keeps going', () => {
    const source = [
      'CREATE TABLE t (id INT NOT NULL PRIMARY KEY, stamp AS (GETDATE()))',
      'CREATE INDEX ix_t ON t (id)',
      'CREATE TABLE ok (id INT NOT NULL PRIMARY KEY)',
    ].join('\nGO\n');
    const result = convertSchema(source, { from: 'tsql', to: 'sqlite', filePath: 'in.sql' });
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity}: ${d.message}`)).toEqual([
      '1:1 error: table t is left out (commented): SQLite rejects the converted statement (non-deterministic functions prohibited in generated columns).',
      '3:1 error: index ix_t is left out (commented): its table t is left out.',
    ]);
    expect(result.output).toContain('-- schema-lint convert: not converted (SQLite rejects it: non-deterministic functions prohibited in generated columns):\n-- CREATE TABLE t (');
    expect(result.output).toContain('\nCREATE TABLE ok (\n');
  });

  it('goes on in a fresh database past MAX_OBJECTS_PER_DATABASE objects, still judging each statement on its own', () => {
    const report = new ConvertReport();
    const tables = Array.from({ length: MAX_OBJECTS_PER_DATABASE + 20 }, (_, i) => ({ lines: [`CREATE TABLE t${i} (x INTEGER);`], ref: ref(i + 1), what: `table t${i}` }));
    const blocks = verifyBlocks(
      [
        ...tables,
        // Past the bound, t0 lives in the database left behind: a view on it is not judged by that.
        { lines: ['CREATE VIEW early AS SELECT x FROM t0;'], ref: ref(1000), what: 'view early' },
        { lines: [`CREATE VIEW late AS SELECT x FROM t${MAX_OBJECTS_PER_DATABASE + 10};`], ref: ref(1001), what: 'view late' },
        { lines: [`CREATE VIEW broken AS SELECT nosuch(x) AS y FROM t${MAX_OBJECTS_PER_DATABASE + 10};`], ref: ref(1002), what: 'view broken' },
        { lines: ['CREATE VIEW missing AS SELECT x FROM nowhere;'], ref: ref(1003), what: 'view missing' },
        // Built on a view that is kept: not judged by what that view misses either.
        { lines: ['CREATE VIEW onEarly AS SELECT x FROM early;'], ref: ref(1004), what: 'view onEarly' },
      ],
      'sqlite',
      report,
    );
    expect(report.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '1002: view broken is left out (commented): SQLite rejects the converted statement (no such function: nosuch).',
      '1003: view missing is left out (commented): SQLite rejects the converted statement (no such table: main.nowhere).',
    ]);
    expect(blocks.slice(-5).map((block) => block.lines[0].startsWith('--'))).toEqual([false, false, true, true, false]);
  });

  it('uses each view once, so a function SQLite lacks is caught although CREATE VIEW alone accepts it', () => {
    const report = new ConvertReport();
    const blocks = verifyBlocks(
      [
        { lines: ['CREATE TABLE a (x INTEGER);'], ref: ref(1), what: 'table a' },
        { lines: ['-- the totals', 'CREATE VIEW v AS SELECT nosuch(x) AS y FROM a;'], ref: ref(2), what: 'view v' },
      ],
      'sqlite',
      report,
    );
    expect(blocks[1].lines).toEqual([
      '-- the totals',
      '-- schema-lint convert: not converted (SQLite rejects it: no such function: nosuch):',
      '-- CREATE VIEW v AS SELECT nosuch(x) AS y FROM a;',
    ]);
    expect(report.diagnostics.map((d) => d.message)).toEqual([
      'view v is left out (commented): SQLite rejects the converted statement (no such function: nosuch).',
    ]);
  });
  it('drops a view SQLite refuses when used, so the database holds what the output holds', () => {
    const report = new ConvertReport();
    const blocks = verifyBlocks(
      [
        { lines: ['CREATE TABLE a (x INTEGER);'], ref: ref(1), what: 'table a' },
        { lines: ['CREATE VIEW v AS SELECT nosuch(x) AS y FROM a;'], ref: ref(2), what: 'view v' },
        // Built on the refused view: its fault is that view's absence, not that view's function.
        { lines: ['CREATE VIEW w AS SELECT y FROM v;'], ref: ref(3), what: 'view w' },
        // The output has no view v, so one of that name is judged on its own.
        { lines: ['CREATE VIEW v AS SELECT x FROM a;'], ref: ref(4), what: 'view v' },
      ],
      'sqlite',
      report,
    );
    expect(report.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '2: view v is left out (commented): SQLite rejects the converted statement (no such function: nosuch).',
      '3: view w is left out (commented): its view v is left out.',
    ]);
    expect(blocks.map((block) => block.lines[0].startsWith('--'))).toEqual([false, true, true, false]);
  });

  it('keeps each database within MAX_OBJECTS_PER_DATABASE objects however many views SQLite refuses', () => {
    const refused = Array.from({ length: MAX_OBJECTS_PER_DATABASE + 100 }, (_, i) => ({
      lines: [`CREATE VIEW v${i} AS SELECT nosuch(x) AS y FROM a;`],
      ref: ref(i + 2),
      what: `view v${i}`,
    }));
    const tables = Array.from({ length: MAX_OBJECTS_PER_DATABASE + 1 }, (_, i) => ({ lines: [`CREATE TABLE t${i} (x INTEGER);`], ref: ref(5000 + i), what: `table t${i}` }));
    // What a database holds when the check moves on to a fresh one.
    const sizesLeftBehind: number[] = [];
    const objectNames = SandboxDatabase.prototype.objectNames;
    const spy = vi.spyOn(SandboxDatabase.prototype, 'objectNames').mockImplementation(function (this: SandboxDatabase, ...args) {
      const names = objectNames.apply(this, args);
      sizesLeftBehind.push(names.length);
      return names;
    });
    const report = new ConvertReport();
    try {
      verifyBlocks([{ lines: ['CREATE TABLE a (x INTEGER);'], ref: ref(1), what: 'table a' }, ...refused, ...tables], 'sqlite', report);
    } finally {
      spy.mockRestore();
    }
    expect(report.diagnostics).toHaveLength(refused.length);
    expect(sizesLeftBehind).toEqual([MAX_OBJECTS_PER_DATABASE]);
  });
});

describe('the grammar check of T-SQL output', () => {
  it('comments out a statement that is not valid T-SQL', () => {
    const report = new ConvertReport();
    const blocks = verifyBlocks(
      [
        { lines: ['CREATE TABLE [a] (', '    [x] INT NULL', ');'], ref: ref(1), what: 'table a' },
        { lines: ['CREATE TABLE [b] (', '    [x] INT NULL,', '    [y] AS (x || 1)', ');'], ref: ref(2), what: 'table b' },
      ],
      'tsql',
      report,
    );
    expect(blocks[0].lines[0]).toBe('CREATE TABLE [a] (');
    expect(blocks[1].lines[0]).toBe('-- schema-lint convert: not converted (not valid T-SQL after conversion):');
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]).toMatchObject({ severity: 'error', line: 2 });
    expect(report.diagnostics[0].message).toMatch(/^table b is left out \(commented\): the converted statement is not valid T-SQL \(.*'\|\|'.*\)\.$/);
  });

  it('writes a statement past the token limit unchecked, with a warning, where its cut was called invalid T-SQL', () => {
    // 200,100 casts of 10 tokens each, just past MAX_STATEMENT_TOKENS: the splitter kept the first
    // 8 tokens and the last ones, and parsed together they were "Incorrect syntax near ')'".
    const operands = Array<string>(200_100).fill('CAST(a AS NVARCHAR(MAX))').join(' + ');
    const view = { lines: ['CREATE VIEW [v] AS', `SELECT 1 AS k, 2 AS l, ${operands} AS s FROM t;`], ref: ref(2), what: 'view v' };
    const report = new ConvertReport();
    expect(verifyBlocks([view], 'tsql', report)).toEqual([view]);
    expect(report.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      'warning: view v is written unchecked: its converted statement runs over 2,000,000 tokens, more than the T-SQL check holds at once.',
    ]);
  });
});
