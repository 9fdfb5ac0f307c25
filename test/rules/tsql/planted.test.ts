import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tsqlRules } from '../../../rules/tsql/index.js';
import { lintSource } from '../../../src/engine/linter.js';

/**
 * SQLite constructs planted into valid T-SQL written the way real scripts are (SSMS output
 * with brackets and GO, procedures, triggers, queries without semicolons): each planted line
 * must be reported on its line by the expected catalog rule, and nothing else anywhere.
 */
interface Plant {
  /** The planted line goes right after the first line containing this text (or before it). */
  after?: string;
  before?: string;
  line: string;
  rule: string;
}

const plants: Plant[] = [
  { after: '[Symbol] [nvarchar](20) NOT NULL,', line: '\t[Active] [boolean] NOT NULL,', rule: 'tsql/no-sqlite-types' },
  { after: '[Id] [int] IDENTITY(1,1) NOT NULL,', line: '\t[Legacy] INTEGER PRIMARY KEY AUTOINCREMENT,', rule: 'tsql/no-autoincrement' },
  { after: '[Length] [int] NULL,', line: "\t[Created] [datetime2](7) NOT NULL DEFAULT (datetime('now')),", rule: 'tsql/no-sqlite-functions' },
  { after: '[Blob] [varbinary](max) NULL,', line: '\t[Seen] TIMESTAMP DEFAULT CURRENT_TIMESTAMP,', rule: 'tsql/no-timestamp-default' },
  { after: "VALUES (1, N'BTC', N'BUY', 1)", line: 'INSERT OR IGNORE INTO [dbo].[Signals] ([Id]) VALUES (3)', rule: 'tsql/no-sqlite-upsert' },
  { after: "VALUES (2, N'ETH', N'SELL', 0)", line: 'INSERT INTO [dbo].[Signals] ([Id], [Boolean]) VALUES (4, TRUE)', rule: 'tsql/no-boolean-literals' },
  { after: 'SET IDENTITY_INSERT [dbo].[Signals] OFF', line: 'PRAGMA foreign_keys = ON', rule: 'tsql/no-pragma' },
  { after: 'DROP TABLE IF EXISTS dbo.Staging', line: 'CREATE TABLE IF NOT EXISTS [dbo].[Staging] ([Id] INT NOT NULL)', rule: 'tsql/no-if-not-exists' },
  { after: 'DROP INDEX Signals.IX_Old', line: 'DROP INDEX IX_Signals_Symbol', rule: 'tsql/no-bare-drop-index' },
  { after: 'ALTER TABLE dbo.Signals DROP COLUMN Score', line: 'ALTER TABLE [dbo].[Signals] ADD COLUMN [Extra] INT NULL', rule: 'tsql/no-add-column-keyword' },
  { after: 'ALTER TABLE dbo.Signals DROP COLUMN Score', line: 'ALTER TABLE dbo.Signals RENAME TO Signals2', rule: 'tsql/no-alter-table-rename' },
  { after: 'DECLARE @t TABLE (id INT NOT NULL', line: '    SELECT ifnull(@Limit, 0) AS lim;', rule: 'tsql/no-sqlite-functions' },
  { after: 'SELECT @NewId = id FROM @t;', line: '        SELECT TOP (1) Symbol FROM dbo.Signals WHERE Symbol == @Symbol;', rule: 'tsql/no-sqlite-operators' },
  { before: 'IF UPDATE(Symbol) OR UPDATE(Side)', line: '    UPDATE dbo.Totals SET Amount = NEW.Total;', rule: 'tsql/no-sqlite-trigger-syntax' },
  { after: 'SELECT limit FROM dbo.Odd WHERE limit > 5', line: 'SELECT Symbol FROM dbo.Signals ORDER BY Symbol LIMIT 10;', rule: 'tsql/no-limit' },
  { after: 'OPTION (MAXRECURSION 200);', line: 'WITH RECURSIVE tree AS (SELECT 1 AS n) SELECT n FROM tree;', rule: 'tsql/no-with-recursive' },
  { after: "FOR XML PATH('item')", line: "SELECT Symbol || '-' FROM dbo.Signals;", rule: 'tsql/no-concat-operator' },
  { after: "FOR XML PATH('item')", line: 'SELECT Symbol FROM dbo.Signals ORDER BY Symbol NULLS FIRST;', rule: 'tsql/no-nulls-ordering' },
  { after: 'SELECT credit limit FROM dbo.Accounts;', line: 'DELETE FROM dbo.Signals WHERE Id = 1 RETURNING Id;', rule: 'tsql/no-returning' },
  { after: 'SELECT credit limit FROM dbo.Accounts;', line: 'INSERT INTO dbo.Signals (Symbol) VALUES ("BTC");', rule: 'tsql/no-double-quoted-strings' },
  { after: 'TRUNCATE TABLE #work;', line: 'CREATE TEMP TABLE scratch (id INT);', rule: 'tsql/no-temp-table-keyword' },
  { after: 'TRUNCATE TABLE #work;', line: 'CREATE TABLE `Backticks` (id INT);', rule: 'tsql/no-backtick-identifiers' },
  { after: 'CHECKPOINT;', line: 'VACUUM;', rule: 'tsql/no-sqlite-maintenance' },
  { after: 'CHECKPOINT;', line: 'CREATE TABLE dbo.Gen (a INT, b INT GENERATED ALWAYS AS (a + 1) STORED);', rule: 'tsql/no-generated-columns' },
  { after: 'CHECKPOINT;', line: 'CREATE TABLE dbo.Coll (Name NVARCHAR(20) COLLATE NOCASE);', rule: 'tsql/no-sqlite-collations' },
  { after: 'CHECKPOINT;', line: 'CREATE TABLE dbo.Opt (Id INT PRIMARY KEY) WITHOUT ROWID;', rule: 'tsql/no-sqlite-table-options' },
  { after: 'CHECKPOINT;', line: "INSERT INTO dbo.Bin (data) VALUES (X'0102');", rule: 'tsql/no-blob-literals' },
];

const folder = fileURLToPath(new URL('./valid-tsql/', import.meta.url));
const base = ['ssms-generated.sql', 'procedures.sql', 'queries.sql']
  .map((file) => readFileSync(folder + file, 'utf8').replace(/\r\n/g, '\n').trimEnd())
  .join('\nGO\n')
  .split('\n');

/** The base lines with every plant in place, and the 1-based line each plant ended up on. */
function plantAll(): { text: string; expected: Map<number, string> } {
  const lines = [...base];
  const planted = new Set<string>();
  for (const plant of plants) {
    const anchor = (plant.after ?? plant.before) as string;
    const at = lines.findIndex((line) => line.includes(anchor) && !planted.has(line));
    if (at < 0) throw new Error(`anchor not found: ${anchor}`);
    lines.splice(plant.after !== undefined ? at + 1 : at, 0, plant.line);
    planted.add(plant.line);
  }
  const expected = new Map<number, string>();
  lines.forEach((line, index) => {
    const plant = plants.find((candidate) => candidate.line === line);
    if (plant) expected.set(index + 1, plant.rule);
  });
  return { text: lines.join('\n'), expected };
}

describe('SQLite constructs planted into real-style T-SQL', () => {
  const { text, expected } = plantAll();
  const rules = tsqlRules
    .filter((rule) => rule.meta.id.startsWith('tsql/no-'))
    .map((rule) => ({ rule, severity: rule.meta.severity === 'error' ? (2 as const) : (1 as const), options: [] }));
  const diagnostics = lintSource(text, { filePath: 'planted.sql', dialect: 'tsql', dialectSource: 'test', rules, settings: { sqlserverVersion: '2019' } });

  it('plants every construct', () => {
    expect(expected.size).toBe(plants.length);
  });

  it('reports each planted line with its rule, and nothing else', () => {
    const actual = [...new Set(diagnostics.map((d) => `${d.line} ${d.ruleId}`))];
    expect(actual).toEqual([...expected].map(([line, rule]) => `${line} ${rule}`));
  });
});
