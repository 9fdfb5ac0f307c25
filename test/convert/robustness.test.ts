import { createRequire } from 'node:module';
import fc from 'fast-check';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertSchema, prepareConvert } from '../../src/convert/convert.js';
import { splitAll } from '../../src/sql/splitter.js';
import { expressionOptionsFor, parseSchemaStatement } from '../../src/tsql/parse-statement.js';

let SQL: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  await prepareConvert();
  const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  SQL = await initSqlJs({ locateFile: () => wasm });
});

/** Pieces real schema files are made of, in both dialects, to be glued together at random. */
const FRAGMENTS = [
  'CREATE TABLE ', 'CREATE TABLE IF NOT EXISTS ', 'CREATE INDEX ', 'CREATE UNIQUE INDEX ', 'CREATE VIEW ', 'INSERT INTO ',
  'IF OBJECT_ID(N\'t\', N\'U\') IS NULL ', 'ALTER TABLE t ADD ', 'GO\n', ';\n', '\n', ' ', '(', ')', ', ', 't', 'u', '[t]', '"u"',
  '`v`', 'dbo.', 'id', 'name', 'INT', 'INTEGER', 'NVARCHAR(MAX)', 'TEXT', 'VARCHAR(20)', 'BIT', 'REAL', 'DATETIME2', 'BLOB',
  ' PRIMARY KEY', ' AUTOINCREMENT', ' IDENTITY(1,1)', ' NOT NULL', ' NULL', ' DEFAULT ', '0', '-1', "'x'", "N'y'", 'GETDATE()',
  "datetime('now')", 'CURRENT_TIMESTAMP', 'NEWID()', 'lower(hex(randomblob(16)))', ' CHECK (', 'id > 0', ' REFERENCES ',
  ' ON DELETE CASCADE', ' UNIQUE', ' ON ', ' WHERE ', ' AS ', 'SELECT ', ' FROM ', ' + ', ' || ', 'VALUES ', '/* c */', '-- c\n',
  "'unterminated", '[', '"', 'CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END', 'CREATE PROCEDURE p AS SELECT 1',
  ' COLLATE NOCASE', ' GENERATED ALWAYS AS (id * 2)', ' WITHOUT ROWID', 'X\'0F\'', '0x0F', '$1', '@v', '?',
];

const script = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));

function sqliteRuns(output: string): void {
  const db = new SQL.Database();
  try {
    db.exec(output);
  } finally {
    db.close();
  }
}

describe('convert never throws and never writes what the target refuses', () => {
  it('on arbitrary text, in both directions', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const [from, to] of [['tsql', 'sqlite'], ['sqlite', 'tsql']] as const) {
          const result = convertSchema(text, { from, to, filePath: 'x.sql' });
          expect(typeof result.output).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('T-SQL-ish scripts become SQLite that the engine runs, every statement', () => {
    fc.assert(
      fc.property(script, (text) => {
        const result = convertSchema(text, { from: 'tsql', to: 'sqlite', filePath: 'x.sql' });
        sqliteRuns(result.output);
      }),
      { numRuns: 400 },
    );
  });

  it('SQLite-ish scripts become T-SQL that the T-SQL grammar accepts, every statement', () => {
    fc.assert(
      fc.property(script, (text) => {
        const result = convertSchema(text, { from: 'sqlite', to: 'tsql', filePath: 'x.sqlite.sql' });
        for (const statement of splitAll(result.output, 'tsql')) {
          const error = parseSchemaStatement(statement, expressionOptionsFor('2016')).error;
          expect(error?.message, result.output.slice(statement.start, statement.end)).toBeUndefined();
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('convert on very long expressions', () => {
  it('converts a view whose one column is a CASE of 20,000 WHENs (its items were spread as arguments)', () => {
    const whens = Array.from({ length: 20_000 }, (_, i) => `WHEN ${i} THEN N'v${i}'`).join(' ');
    const source = `CREATE TABLE dbo.T (id INT NOT NULL PRIMARY KEY, s NVARCHAR(10) NULL);\nGO\nCREATE VIEW dbo.V AS SELECT CASE t.id ${whens} ELSE t.s END AS x FROM dbo.T AS t;\nGO\n`;
    const result = convertSchema(source, { from: 'tsql', to: 'sqlite', filePath: 'in.sql' });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(result.output).toMatch(/CREATE VIEW V AS\s+SELECT CASE t.id WHEN 0 THEN 'v0' WHEN 1/);
  });
});

describe('convert --to tsql on very many foreign keys', () => {
  it('defers 140,000 foreign keys of one table to a table defined after it (they were spread as arguments, twice)', () => {
    const columns = Array.from({ length: 140_000 }, (_, i) => `c${i} INTEGER REFERENCES m(id)`).join(',\n');
    const source = `CREATE TABLE t (\n${columns}\n);\nCREATE TABLE m (id INTEGER PRIMARY KEY);\n`;
    const result = convertSchema(source, { from: 'sqlite', to: 'tsql', filePath: 'in.sqlite.sql' });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    const deferred = result.output.match(/^ALTER TABLE \[t\] ADD FOREIGN KEY/gm) ?? [];
    expect(deferred).toHaveLength(140_000);
    // After both tables, in the order the columns were written.
    expect(result.output.indexOf('CREATE TABLE [m]')).toBeLessThan(result.output.indexOf('ALTER TABLE [t] ADD'));
    expect(result.output).toMatch(/FOREIGN KEY \(\[c0\]\)[^]*FOREIGN KEY \(\[c139999\]\)/);
  });
});
