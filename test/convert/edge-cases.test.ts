import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertSchema } from '../../src/convert/convert.js';
import { splitAll } from '../../src/sql/splitter.js';
import { expressionOptionsFor, parseSchemaStatement } from '../../src/tsql/parse-statement.js';

let SQL: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  SQL = await initSqlJs({ locateFile: () => wasm });
});

const toTsql = (text: string) => convertSchema(text, { from: 'sqlite', to: 'tsql', filePath: 'in.sqlite.sql' });
const toSqlite = (text: string) => convertSchema(text, { from: 'tsql', to: 'sqlite', filePath: 'in.sql' });
const messages = (result: ReturnType<typeof convertSchema>) => result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity}: ${d.message}`);

/** Every statement of T-SQL output must pass the project's T-SQL grammar (the judge's parser is Microsoft's). */
function expectTsqlGrammar(output: string): void {
  for (const statement of splitAll(output, 'tsql')) {
    expect(parseSchemaStatement(statement, expressionOptionsFor('2019')).error?.message, output.slice(statement.start, statement.end)).toBeUndefined();
  }
}

/** SQLite output must run, statement by statement, in the real engine. */
function expectSqliteRuns(output: string): string[] {
  const db = new SQL.Database();
  try {
    db.exec(output);
    return (db.exec("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")[0]?.values ?? []).map((row) => String(row[0]));
  } finally {
    db.close();
  }
}

describe('SQLite views in T-SQL', () => {
  it('names every column as SQLite did, because SQL Server refuses unnamed and repeated view columns', () => {
    const source = [
      'CREATE TABLE a (id INTEGER PRIMARY KEY, price REAL);',
      'CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER);',
      'CREATE VIEW totals AS SELECT a_id, sum(id) FROM b GROUP BY a_id;',
      'CREATE VIEW pairs AS SELECT a.id, b.id FROM a JOIN b ON b.a_id = a.id;',
      'CREATE VIEW listed (x, y) AS SELECT id, price FROM a;',
      'CREATE VIEW named AS SELECT id AS ident, price cost FROM a;',
    ].join('\n');
    const result = toTsql(source);
    expect(result.output).toContain('CREATE VIEW [totals] ([a_id], [sum(id)]) AS');
    expect(result.output).toContain('CREATE VIEW [pairs] ([id], [id:1]) AS');
    expect(result.output).toContain('CREATE VIEW [listed] ([x], [y]) AS');
    expect(result.output).toContain('CREATE VIEW [named] AS');
    expectTsqlGrammar(result.output);

    // The names are the ones SQLite itself gives.
    const db = new SQL.Database();
    db.exec(source);
    expect(db.exec('SELECT * FROM totals')[0]?.columns ?? db.prepare('SELECT * FROM totals').getColumnNames()).toEqual(['a_id', 'sum(id)']);
    expect(db.prepare('SELECT * FROM pairs').getColumnNames()).toEqual(['id', 'id:1']);
    db.close();
  });
});

describe('what cannot be converted is reported and left out, never written wrong', () => {
  it('a table whose columns come from a query', () => {
    const result = toTsql('CREATE TABLE a (id INTEGER);\nCREATE TABLE b AS SELECT * FROM a;');
    expect(messages(result)).toEqual([
      '2:1 error: table b is left out: its columns are not known (CREATE TABLE ... AS SELECT, or a definition convert could not read).',
    ]);
    expect(result.output).toContain('-- CREATE TABLE b (...);');
    expectTsqlGrammar(result.output);
  });

  it('a foreign key to a table the file does not define (SQL Server refuses it at once)', () => {
    const result = toTsql('CREATE TABLE items (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders (id));');
    expect(messages(result)).toEqual([
      '1:62 error: the foreign key to orders is left out (commented): this file does not define that table, and SQL Server refuses a key to a missing table.',
    ]);
    expect(result.output).toContain('-- ALTER TABLE [items] ADD FOREIGN KEY ([order_id]) REFERENCES [orders] ([id]);');
  });

  it('but a key to a table the file defines under a name sameName holds equal is kept (full-width letters)', () => {
    const result = toTsql('CREATE TABLE ｏｒｄｅｒｓ (id INTEGER PRIMARY KEY);\nCREATE TABLE items (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders (id));');
    expect(messages(result)).toEqual([]);
    expect(result.output).toContain('REFERENCES [orders] ([id])');
    expect(result.output).not.toContain('-- ALTER TABLE');
  });

  it('an index on an expression, a filter SQL Server cannot take, a view with ORDER BY ... LIMIT', () => {
    const result = toTsql(
      [
        'CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, w REAL);',
        'CREATE INDEX t_lower ON t (lower(name));',
        'CREATE INDEX t_w ON t (w) WHERE w > 0.5 OR w IS NULL;',
        'CREATE VIEW top_w AS SELECT id FROM t ORDER BY w DESC LIMIT 3;',
      ].join('\n'),
    );
    expect(messages(result)).toEqual([
      "2:1 error: index t_lower is left out: lower(name) is not a column of t (SQL Server cannot index an expression).",
      "3:1 error: index t_w is left out: SQL Server's filtered indexes allow only simple comparisons joined by AND.",
      '4:1 error: view top_w not converted: SQL Server rejects ORDER BY in a view without TOP.',
    ]);
    expectTsqlGrammar(result.output);
  });

  it('a T-SQL temporary table, a rowversion and a money default', () => {
    const result = toSqlite(
      'CREATE TABLE #work (x INT)\nCREATE TABLE t (id INT NOT NULL PRIMARY KEY, v ROWVERSION NOT NULL, price MONEY NOT NULL DEFAULT ($1.50))\nINSERT INTO t (id) VALUES (1)',
    );
    expect(messages(result)).toEqual([
      "1:1 warning: the temporary table #work is left out: it belongs to a script's session, not to the schema.",
      '2:46 warning: v is a ROWVERSION that SQL Server fills itself; in SQLite it is a plain BLOB that may be NULL.',
    ]);
    expect(result.output).toContain('price DECIMAL(19,4) NOT NULL DEFAULT 1.50');
    expect(expectSqliteRuns(result.output)).toEqual(['t']);
  });
});

describe('expressions nested deeper than a descent per level allows', () => {
  it('converts a table and a filtered index nested 2,000 parentheses deep, which it had left out as unreadable', () => {
    const deep = (inner: string) => `${'('.repeat(2_000)}${inner}${')'.repeat(2_000)}`;
    const result = toSqlite(`CREATE TABLE t (a INT NOT NULL DEFAULT ${deep('1')} CHECK ${deep('a > 0')})\nGO\nCREATE INDEX ix ON t (a) WHERE ${deep('a > 0')}\n`);
    expect(messages(result)).toEqual([]);
    expect(expectSqliteRuns(result.output)).toEqual(['ix', 't']);
  });

  it('leaves out a SQLite view whose unnamed column nests 20,000 deep with the nest-too-deep error, where it threw a RangeError', () => {
    // SQL Server needs the column named, and its name is its text: reading that text recursed once per group.
    for (const column of [`${'('.repeat(20_000)}a${')'.repeat(20_000)}`, `${'(SELECT '.repeat(20_000)}a${' FROM t)'.repeat(20_000)}`]) {
      const result = toTsql(`CREATE TABLE t (a INTEGER);\nCREATE VIEW v AS SELECT ${column} FROM t;\n`);
      expect(messages(result)).toEqual(['2:1 error: view v not converted: its parentheses nest too deep to translate.']);
      expect(result.output).toContain(`-- CREATE VIEW [v] ([${column}]) AS`);
    }
  });
});

describe('string concatenation', () => {
  it('turns two-operand || into + with numbers cast, and keeps SQLite grouping next to other operators', () => {
    const result = toTsql("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, label TEXT AS ('#' || id) VIRTUAL, twice TEXT AS (2 * n || 'x') VIRTUAL);");
    expect(result.output).toContain("[label] AS ('#' + CAST(id AS NVARCHAR(MAX))),");
    expect(result.output).toContain("[twice] AS (2 * (CAST(n AS NVARCHAR(MAX)) + 'x'))");
    expectTsqlGrammar(result.output);
  });

  it('turns T-SQL + between strings into || and SQLite computes the same text', () => {
    const result = toSqlite("CREATE TABLE p (id INT NOT NULL PRIMARY KEY, first NVARCHAR(20) NOT NULL, last NVARCHAR(20) NOT NULL, full_name AS (first + N' ' + last))\nINSERT INTO p (id, first, last) VALUES (1, N'Ada', N'Lovelace')");
    const db = new SQL.Database();
    db.exec(result.output);
    expect(db.exec('SELECT full_name FROM p')[0].values).toEqual([['Ada Lovelace']]);
    db.close();
  });
});

describe('statements outside the converted schema', () => {
  it('an unreadable schema statement is an error, a DROP or UPDATE a warning, session statements nothing', () => {
    const result = toSqlite(
      [
        'SET NOCOUNT ON;',
        'CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY AUTOINCREMENT);',
        'DROP TABLE old;',
        'UPDATE x SET a = 1;',
        'ALTER TABLE elsewhere ADD c INT;',
        'CREATE TABLE kept (id INT NOT NULL PRIMARY KEY);',
        'ALTER TABLE kept ADD note NVARCHAR(20) NULL;',
      ].join('\n'),
    );
    expect(messages(result)).toEqual([
      '2:1 error: this CREATE TABLE statement is left out: convert could not read it as T-SQL (SQL Server).',
      '3:1 warning: this DROP TABLE statement is left out: it defines no table, index, view or seed row.',
      '4:1 warning: this UPDATE statement is left out: it defines no table, index, view or seed row.',
      '5:1 error: this ALTER TABLE is left out: convert writes whole tables, and this file does not define the table elsewhere.',
    ]);
    // The ALTER TABLE of a table the file defines is applied to it.
    expect(result.output).toContain('CREATE TABLE kept (\n    id INTEGER NOT NULL,\n    note TEXT,\n    PRIMARY KEY (id)\n);');
  });

  it('a statement past the token limit is left out as too long, not as T-SQL convert could not read', () => {
    const values = Array.from({ length: 1_000_001 }, (_, i) => i % 10).join(',');
    const result = toSqlite(`CREATE TABLE t (a INT);\nGO\nCREATE VIEW v AS SELECT a FROM t WHERE a IN (${values});\n`);
    expect(messages(result)).toEqual(['3:1 error: this CREATE VIEW statement is left out: it runs over 2,000,000 tokens, more than convert holds at once.']);
  });

  it('an ALTER TABLE past the token limit is left out as too long, not dropped without a word', () => {
    const values = Array.from({ length: 1_000_001 }, (_, i) => i % 10).join(',');
    const result = toSqlite(`CREATE TABLE t (a INT);\nALTER TABLE t ADD CONSTRAINT ck CHECK (a IN (${values}));\nALTER TABLE t ADD b INT;\n`);
    // The builders pass over it, and convert took every ALTER TABLE of a known table for applied.
    expect(messages(result)).toEqual(['2:1 error: this ALTER TABLE statement is left out: it runs over 2,000,000 tokens, more than convert holds at once.']);
    expect(result.output).toContain('CREATE TABLE t (\n    a INTEGER,\n    b INTEGER\n);');
  });

  it('a SQLite trigger past the token limit is left out as too long, an error as for any trigger', () => {
    const rows = Array.from({ length: 1_000_001 }, (_, i) => `(${i % 10})`).join(',');
    const result = toTsql(`CREATE TABLE t (a INTEGER);\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  INSERT INTO t VALUES ${rows};\nEND;\n`);
    // A warning said it "defines no table, index, view or seed row", and the run passed.
    expect(messages(result)).toEqual(['2:1 error: this CREATE TRIGGER statement is left out: it runs over 2,000,000 tokens, more than convert holds at once.']);
  });

  it('an IF guard before a statement past the token limit governs that statement, not the table after it', () => {
    const values = Array.from({ length: 1_000_001 }, (_, i) => i % 10).join(',');
    const result = toSqlite(`IF OBJECT_ID(N'u') IS NULL\n  SELECT 1 AS one WHERE 1 IN (${values})\nCREATE TABLE u (a INT);\n`);
    // Written CREATE TABLE IF NOT EXISTS u: SQL Server creates u whether it exists or not.
    expect(result.output).toContain('\n\nCREATE TABLE u (\n    a INTEGER\n);\n');
    expect(messages(result)).toEqual([]);
  });
});

describe('defaults in the form each dialect accepts', () => {
  it('T-SQL output parenthesises what is not a plain literal; SQLite output what is not a literal or a clock keyword', () => {
    const tsql = toTsql("CREATE TABLE d (id INTEGER PRIMARY KEY, neg INTEGER DEFAULT -1, s TEXT DEFAULT 'x', at DATETIME DEFAULT CURRENT_TIMESTAMP, n NUMERIC DEFAULT (0));");
    expect(tsql.output).toContain('[neg] INT NULL DEFAULT (-1),');
    expect(tsql.output).toContain("[s] NVARCHAR(MAX) NULL DEFAULT 'x',");
    expect(tsql.output).toContain('[at] DATETIME2 NULL DEFAULT (SYSUTCDATETIME()),');
    expect(tsql.output).toContain('[n] DECIMAL(38,10) NULL DEFAULT 0,');
    expectTsqlGrammar(tsql.output);

    const sqlite = toSqlite("CREATE TABLE d (id INT NOT NULL PRIMARY KEY, neg INT NULL DEFAULT ((-1)), at DATETIME NULL DEFAULT (getdate()), u UNIQUEIDENTIFIER NULL DEFAULT (newid()))");
    expect(sqlite.output).toContain('    neg INTEGER DEFAULT -1,');
    expect(sqlite.output).toContain('    at DATETIME DEFAULT CURRENT_TIMESTAMP,');
    expect(sqlite.output).toContain('    u TEXT DEFAULT (lower(hex(randomblob(16)))),');
    expect(expectSqliteRuns(sqlite.output)).toEqual(['d']);
  });
});

describe('UNIQUE over nullable columns', () => {
  it('becomes a unique index without the NULL rows, as SQLite allows many NULLs; a referenced one stays a constraint', () => {
    const result = toTsql(
      [
        'CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT UNIQUE, code TEXT UNIQUE, nick TEXT NOT NULL UNIQUE);',
        'CREATE TABLE badges (id INTEGER PRIMARY KEY, owner_code TEXT REFERENCES people (code));',
      ].join('\n'),
    );
    expect(result.output).toContain('    UNIQUE ([code]),\n    UNIQUE ([nick])\n);');
    expect(result.output).toContain('CREATE UNIQUE INDEX [UX_people_email] ON [people] ([email]) WHERE [email] IS NOT NULL;');
    expect(result.output).not.toContain('UNIQUE ([email])');
    expectTsqlGrammar(result.output);
  });
});

describe('INSERT OR IGNORE', () => {
  it('becomes one guarded INSERT per row when the rows give a whole key, and a warning otherwise', () => {
    const result = toTsql(
      [
        'CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v TEXT, slug TEXT NOT NULL UNIQUE);',
        "INSERT OR IGNORE INTO kv (k, v, slug) VALUES ('a', 'x', 'a-x'), ('b', NULL, 'b');",
        "INSERT OR IGNORE INTO kv (v) VALUES ('no key');",
        "REPLACE INTO kv (k, v, slug) VALUES ('a', 'y', 'a-y');",
      ].join('\n'),
    );
    expect(result.output).toContain(
      [
        "IF NOT EXISTS (SELECT 1 FROM [kv] WHERE ([k] = 'a') OR ([slug] = 'a-x'))",
        "    INSERT INTO [kv] ([k], [v], [slug]) VALUES ('a', 'x', 'a-x');",
        "IF NOT EXISTS (SELECT 1 FROM [kv] WHERE ([k] = 'b') OR ([slug] = 'b'))",
        "    INSERT INTO [kv] ([k], [v], [slug]) VALUES ('b', NULL, 'b');",
      ].join('\n'),
    );
    expect(messages(result).filter((m) => !m.includes('part of a key'))).toEqual([
      '3:1 warning: INSERT OR IGNORE becomes a plain INSERT: SQL Server has no conflict clause, so a row that already exists makes it fail.',
      '4:1 warning: REPLACE INTO becomes a plain INSERT: SQL Server has no conflict clause, so a row that already exists makes it fail.',
    ]);
    expectTsqlGrammar(result.output);
  });
});

describe('cascading foreign keys', () => {
  it('keeps SQL Server free of multiple cascade paths, saying which key lost its action', () => {
    const result = toTsql(
      [
        'CREATE TABLE users (id INTEGER PRIMARY KEY);',
        'CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE);',
        'CREATE TABLE comments (id INTEGER PRIMARY KEY,',
        '  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,',
        '  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE);',
      ].join('\n'),
    );
    expect(result.output).toContain('FOREIGN KEY ([post_id]) REFERENCES [posts] ([id]) ON DELETE CASCADE,');
    expect(result.output).toContain('FOREIGN KEY ([user_id]) REFERENCES [users] ([id])\n);');
    expect(messages(result)).toEqual([
      '5:28 warning: ON DELETE CASCADE to users becomes NO ACTION: with the keys before it, SQL Server would see cycles or multiple cascade paths (Msg 1785).',
    ]);
  });
});

describe('numeric precision', () => {
  it('fits a DECIMAL that SQLite accepted but SQL Server cannot hold into 38 digits, with a warning', () => {
    const result = toTsql('CREATE TABLE m (id INTEGER PRIMARY KEY, big DECIMAL(50, 4), ok NUMERIC(10, 2));');
    expect(result.output).toContain('[big] DECIMAL(38,4) NULL,');
    expect(result.output).toContain('[ok] NUMERIC(10,2) NULL,');
    expect(messages(result)).toEqual(["1:41 warning: big: DECIMAL(50, 4) is outside SQL Server's precision (1 to 38), so it becomes DECIMAL(38, 4)."]);
  });
});
