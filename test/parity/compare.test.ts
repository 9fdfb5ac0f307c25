import { describe, expect, it } from 'vitest';
import { buildSqliteModel } from '../../src/model/build-sqlite.js';
import { buildTsqlModel } from '../../src/model/build-tsql.js';
import { compareSchemas } from '../../src/parity/compare.js';

/** Findings as `file:line:column rule messageId {data}`, sorted. */
function compare(tsql: string, sqlite: string): string[] {
  const findings = compareSchemas(
    { dialect: 'tsql', model: buildTsqlModel(tsql, 'schema.sql'), baseFile: 'schema.sql' },
    { dialect: 'sqlite', model: buildSqliteModel(sqlite, 'schema.sqlite.sql'), baseFile: 'schema.sqlite.sql' },
  );
  return findings
    .map((f) => `${f.at.file}:${f.at.line}:${f.at.column} ${f.ruleId} ${f.messageId} -> ${f.counterpart.line} ${JSON.stringify(f.data)}`)
    .sort();
}

describe('compareSchemas', () => {
  it('places a missing table at the counterpart of the table before it, else after it, else the top', () => {
    expect(compare('CREATE TABLE b (x INT);', 'CREATE TABLE a (x INT);\nCREATE TABLE b (x INT);\nCREATE TABLE c (x INT);')).toEqual([
      'schema.sql:1:1 parity/missing-table missingTable -> 1 {"table":"a"}',
      'schema.sql:1:1 parity/missing-table missingTable -> 3 {"table":"c"}',
    ]);
    expect(compare('-- nothing yet\n', 'CREATE TABLE a (x INT);')).toEqual(['schema.sql:1:1 parity/missing-table missingTable -> 1 {"table":"a"}']);
  });

  it('compares names case-insensitively, without quotes, brackets or dbo.', () => {
    expect(compare('CREATE TABLE [dbo].[Users] ([Id] INT NOT NULL PRIMARY KEY);', 'CREATE TABLE "users" (`ID` INTEGER NOT NULL PRIMARY KEY);')).toEqual([]);
    expect(compare('CREATE TABLE [dbo].[Users] ([Id] INT NOT NULL PRIMARY KEY);', 'CREATE TABLE "users" (`ID` TEXT NOT NULL PRIMARY KEY);')).toEqual([
      'schema.sql:1:29 parity/type-mismatch typeMismatch -> 1 {"table":"Users","column":"Id","type":"INT","family":"integer","otherType":"TEXT","otherFamily":"text","suggestion":"NVARCHAR(MAX)"}',
      'schema.sqlite.sql:1:23 parity/type-mismatch typeMismatch -> 1 {"table":"users","column":"ID","type":"TEXT","family":"text","otherType":"INT","otherFamily":"integer","suggestion":"INTEGER"}',
    ]);
  });

  it('pairs tables and their indexes whose names sameName holds equal, beyond ASCII too (width, accents kept)', () => {
    // Full-width letters differ from ASCII ones only below the collator's strength, as in a width-insensitive SQL Server collation.
    expect(compare('CREATE TABLE [ｃａｆｅ] ([id] INT NOT NULL);\nCREATE INDEX [ix] ON [ｃａｆｅ] ([id]);', 'CREATE TABLE cafe (id INTEGER NOT NULL);\nCREATE INDEX ix ON CAFE (id);')).toEqual([]);
    expect(compare('CREATE TABLE [Заказы] ([id] INT NOT NULL);', 'CREATE TABLE заказы (id INTEGER NOT NULL);')).toEqual([]);
    // An accent makes another name.
    expect(compare('CREATE TABLE [Café] ([id] INT NOT NULL);', 'CREATE TABLE Cafe (id INTEGER NOT NULL);')).toEqual([
      'schema.sql:1:1 parity/missing-table missingTable -> 1 {"table":"Cafe"}',
      'schema.sqlite.sql:1:1 parity/missing-table missingTable -> 1 {"table":"Café"}',
    ]);
  });

  it('does not compare the columns of a table created from a query', () => {
    expect(compare('CREATE TABLE t (a INT NOT NULL, b INT);', 'CREATE TABLE t AS SELECT 1 AS a, 2 AS b;')).toEqual([]);
  });

  it('ignores T-SQL #temp tables', () => {
    expect(compare('CREATE TABLE #work (a INT);', '')).toEqual([]);
  });

  it('reports views present on one side only', () => {
    expect(compare('CREATE TABLE t (a INT);\nGO\nCREATE VIEW v AS SELECT a FROM t;', 'CREATE TABLE t (a INT);')).toEqual([
      'schema.sqlite.sql:1:1 parity/missing-view missingView -> 3 {"view":"v"}',
    ]);
  });

  it('compares defaults by meaning', () => {
    const same = [
      ["DEFAULT ((0))", "DEFAULT 0"],
      ["DEFAULT (N'new')", "DEFAULT 'new'"],
      ['DEFAULT (getutcdate())', "DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"],
      ['DEFAULT SYSDATETIME()', "DEFAULT (datetime('now', 'localtime'))"],
      ['DEFAULT NULL', ''],
      ['DEFAULT (1.50)', "DEFAULT '1.5'"],
      ['DEFAULT NEWID()', 'DEFAULT (lower(hex(randomblob(16))))'],
    ];
    for (const [tsql, sqlite] of same) {
      const tsqlType = tsql.includes("N'") ? 'NVARCHAR(10)' : tsql.includes('NEWID') ? 'UNIQUEIDENTIFIER' : tsql.includes('date') ? 'DATETIME2' : 'DECIMAL(9, 2)';
      expect(compare(`CREATE TABLE t (a ${tsqlType} ${tsql});`, `CREATE TABLE t (a ${tsqlType === 'DECIMAL(9, 2)' ? 'NUMERIC' : 'TEXT'} ${sqlite});`), `${tsql} ~ ${sqlite}`).toEqual([]);
    }
    expect(compare("CREATE TABLE t (s NVARCHAR(10) DEFAULT 'new');", "CREATE TABLE t (s TEXT DEFAULT 'open');")).toEqual([
      'schema.sql:1:17 parity/default defaultDiffers -> 1 {"table":"t","column":"s","here":"\'new\'","there":"\'open\'"}',
      'schema.sqlite.sql:1:17 parity/default defaultDiffers -> 1 {"table":"t","column":"s","here":"\'open\'","there":"\'new\'"}',
    ]);
    expect(compare('CREATE TABLE t (n INT DEFAULT 0);', 'CREATE TABLE t (n INTEGER);')).toEqual([
      'schema.sqlite.sql:1:17 parity/default defaultMissing -> 1 {"table":"t","column":"n","there":"0"}',
    ]);
  });

  it('compares primary keys as column sets', () => {
    expect(compare('CREATE TABLE p (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (b, a));', 'CREATE TABLE p (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b));')).toEqual([]);
    expect(compare('CREATE TABLE p (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b));', 'CREATE TABLE p (a TEXT PRIMARY KEY, b INT NOT NULL);')).toEqual([
      'schema.sqlite.sql:1:24 parity/primary-key keyDiffers -> 1 {"table":"p","here":"a","there":"a, b"}',
      'schema.sql:1:49 parity/primary-key keyDiffers -> 1 {"table":"p","here":"a, b","there":"a"}',
      'schema.sql:1:17 parity/type-mismatch typeMismatch -> 1 {"table":"p","column":"a","type":"INT","family":"integer","otherType":"TEXT","otherFamily":"text","suggestion":"NVARCHAR(MAX)"}',
      'schema.sqlite.sql:1:17 parity/type-mismatch typeMismatch -> 1 {"table":"p","column":"a","type":"TEXT","family":"text","otherType":"INT","otherFamily":"integer","suggestion":"INTEGER"}',
    ].sort());
    expect(compare('CREATE TABLE p (a INT NOT NULL);', 'CREATE TABLE p (a INT NOT NULL PRIMARY KEY);')).toEqual([
      'schema.sql:1:1 parity/primary-key keyMissing -> 1 {"table":"p","there":"a"}',
    ]);
  });

  it('accepts a UNIQUE constraint on one side and a unique index on the other', () => {
    expect(compare('CREATE TABLE u (e NVARCHAR(100) NOT NULL UNIQUE);', 'CREATE TABLE u (e TEXT NOT NULL);\nCREATE UNIQUE INDEX ux ON u (e);')).toEqual([]);
    expect(compare('CREATE TABLE u (e NVARCHAR(100) NOT NULL UNIQUE);', 'CREATE TABLE u (e TEXT NOT NULL);')).toEqual([
      'schema.sqlite.sql:1:1 parity/unique uniqueMissing -> 1 {"table":"u","columns":"e"}',
    ]);
  });

  it('pairs SQLite UNIQUE with a SQL Server unique index that leaves NULLs out', () => {
    expect(compare('CREATE TABLE u (e NVARCHAR(100) NULL);\nCREATE UNIQUE INDEX ux ON u (e) WHERE [e] IS NOT NULL;', 'CREATE TABLE u (e TEXT UNIQUE);')).toEqual([]);
    expect(compare('CREATE TABLE u (e NVARCHAR(100) NULL, k INT);\nCREATE UNIQUE INDEX ux ON u (e) WHERE k = 1;', 'CREATE TABLE u (e TEXT UNIQUE, k INT);')).toHaveLength(2);
  });

  it('lets a rowid alias pair with or without IDENTITY, but not AUTOINCREMENT with a plain key', () => {
    expect(compare('CREATE TABLE t (id INT NOT NULL PRIMARY KEY);', 'CREATE TABLE t (id INTEGER PRIMARY KEY);')).toEqual([]);
    expect(compare('CREATE TABLE t (id INT IDENTITY(1,1) PRIMARY KEY);', 'CREATE TABLE t (id INTEGER PRIMARY KEY);')).toEqual([]);
    expect(compare('CREATE TABLE t (id INT NOT NULL PRIMARY KEY);', 'CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);')).toEqual([
      'schema.sql:1:17 parity/identity identity -> 1 {"table":"t","column":"id","here":"not generated","there":"INTEGER PRIMARY KEY AUTOINCREMENT"}',
      'schema.sqlite.sql:1:17 parity/identity identity -> 1 {"table":"t","column":"id","here":"INTEGER PRIMARY KEY AUTOINCREMENT","there":"not generated"}',
    ]);
  });

  it('compares foreign keys: presence, target (the primary key when unnamed) and actions', () => {
    const parent = 'CREATE TABLE p (id INT NOT NULL PRIMARY KEY, code INT NOT NULL UNIQUE);\n';
    expect(compare(`${parent}CREATE TABLE c (pid INT REFERENCES p (id));`, `${parent}CREATE TABLE c (pid INT REFERENCES p);`)).toEqual([]);
    expect(compare(`${parent}CREATE TABLE c (pid INT REFERENCES p (id) ON DELETE CASCADE);`, `${parent}CREATE TABLE c (pid INT REFERENCES p (code) ON DELETE RESTRICT);`)).toEqual([
      'schema.sql:2:25 parity/foreign-key actionDiffers -> 2 {"table":"c","columns":"pid","references":"p (code)","event":"ON DELETE","here":"CASCADE","there":"NO ACTION"}',
      'schema.sql:2:25 parity/foreign-key referencesDiffer -> 2 {"table":"c","columns":"pid","references":"p (code)","here":"p (id)","there":"p (code)"}',
      'schema.sqlite.sql:2:25 parity/foreign-key actionDiffers -> 2 {"table":"c","columns":"pid","references":"p (id)","event":"ON DELETE","here":"NO ACTION","there":"CASCADE"}',
      'schema.sqlite.sql:2:25 parity/foreign-key referencesDiffer -> 2 {"table":"c","columns":"pid","references":"p (id)","here":"p (code)","there":"p (id)"}',
    ]);
    expect(compare(`${parent}CREATE TABLE c (pid INT);`, `${parent}CREATE TABLE c (pid INT, FOREIGN KEY (pid) REFERENCES p (id));`)).toEqual([
      'schema.sql:2:1 parity/foreign-key foreignKeyMissing -> 2 {"table":"c","columns":"pid","references":"p (id)"}',
    ]);
  });

  it('pairs CHECK constraints by the columns they constrain', () => {
    expect(compare('CREATE TABLE t (s NVARCHAR(5) CHECK (LEN([s]) > 2));', 'CREATE TABLE t (s TEXT CHECK (length(s) > 2));')).toEqual([]);
    expect(compare('CREATE TABLE t (q INT CHECK (q > 0));', 'CREATE TABLE t (q INT);')).toEqual([
      'schema.sqlite.sql:1:1 parity/check checkMissing -> 1 {"table":"t","expression":"q > 0"}',
    ]);
  });

  it('compares indexes: missing, column order, direction, uniqueness, filter', () => {
    const table = 'CREATE TABLE t (a INT, b INT);\n';
    expect(compare(`${table}CREATE INDEX ix ON t (a, b);`, `${table}CREATE INDEX ix ON t (b, a);`)).toHaveLength(2);
    expect(compare(`${table}CREATE INDEX ix ON t (a);`, `${table}CREATE UNIQUE INDEX ix ON t (a);`)).toEqual([
      'schema.sql:2:1 parity/index uniqueDiffers -> 2 {"table":"t","index":"ix","here":"not unique","there":"UNIQUE"}',
      'schema.sqlite.sql:2:1 parity/index uniqueDiffers -> 2 {"table":"t","index":"ix","here":"UNIQUE","there":"not unique"}',
    ]);
    expect(compare(`${table}CREATE INDEX ix ON t (a) WHERE [b] IS NOT NULL;`, `${table}CREATE INDEX ix ON t (a) WHERE b IS NOT NULL;`)).toEqual([]);
    expect(compare(`${table}CREATE INDEX ix ON t (a) WHERE b = 1;`, `${table}CREATE INDEX ix ON t (a);`)).toHaveLength(2);
    expect(compare(`${table}CREATE INDEX ix_t_a ON t (a);`, `${table}CREATE INDEX idx_a ON t (a);`)).toEqual([]);
    expect(compare(`${table}CREATE INDEX ix ON t (a);`, table)).toEqual([
      'schema.sqlite.sql:1:1 parity/index indexMissing -> 2 {"table":"t","index":"ix","columns":"a"}',
    ]);
  });

  it('treats key columns as NOT NULL on both sides and compares other nullability', () => {
    expect(compare('CREATE TABLE t (k NVARCHAR(5) PRIMARY KEY);', 'CREATE TABLE t (k TEXT PRIMARY KEY);')).toEqual([]);
    expect(compare('CREATE TABLE t (a INT NOT NULL);', 'CREATE TABLE t (a INT);')).toEqual([
      'schema.sql:1:17 parity/nullability nullability -> 1 {"table":"t","column":"a","here":"NOT NULL","there":"nullable"}',
      'schema.sqlite.sql:1:17 parity/nullability nullability -> 1 {"table":"t","column":"a","here":"nullable","there":"NOT NULL"}',
    ]);
  });

  it('reports a column missing from a follow-up-extended model at the table', () => {
    const tsql = buildTsqlModel('CREATE TABLE t (a INT);', 'schema.sql');
    buildTsqlModel('ALTER TABLE t ADD b INT NULL;', 'updates.sql', tsql);
    const findings = compareSchemas(
      { dialect: 'tsql', model: tsql, baseFile: 'schema.sql' },
      { dialect: 'sqlite', model: buildSqliteModel('CREATE TABLE t (a INT);', 'schema.sqlite.sql'), baseFile: 'schema.sqlite.sql' },
    );
    expect(findings.map((f) => [f.ruleId, f.at.file, f.at.line, f.counterpart.file, f.counterpart.line])).toEqual([
      ['parity/missing-column', 'schema.sqlite.sql', 1, 'updates.sql', 1],
    ]);
  });
});
