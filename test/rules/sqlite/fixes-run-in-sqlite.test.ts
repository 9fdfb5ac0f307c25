import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../../rules/index.js';
import { fixSource } from '../../../src/engine/fixer.js';
import type { ActiveRule } from '../../../src/engine/linter.js';

/**
 * The fixes of the SQLite catalog must leave SQL that SQLite runs. A script in SQL Server's
 * style, holding every fixable construct, is fixed with all catalog rules and then executed
 * by the real SQLite engine (sql.js, in memory); the tables must come out as intended.
 */
const catalog: ActiveRule[] = allRules
  .filter((rule) => rule.meta.id.startsWith('sqlite/') && rule.meta.id !== 'sqlite/syntax')
  .map((rule) => ({ rule, severity: rule.meta.severity === 'error' ? 2 : 1, options: [] }));

const script = [
  'SET ANSI_NULLS ON',
  'GO',
  'SET QUOTED_IDENTIFIER ON',
  'GO',
  'USE [Trading]',
  'GO',
  'CREATE TABLE [dbo].[accounts](',
  '\t[id] [int] IDENTITY(1,1) NOT NULL PRIMARY KEY,',
  '\t[name] [nvarchar](100) NOT NULL,',
  '\t[notes] NVARCHAR(MAX) NULL,',
  '\t[avatar] VARBINARY(MAX) NULL,',
  '\t[created] DATETIME NOT NULL DEFAULT GETDATE(),',
  '\t[updated] DATETIME NULL DEFAULT ((getdate())),',
  ' CONSTRAINT [UQ_accounts_name] UNIQUE NONCLUSTERED ',
  '(',
  '\t[name] ASC',
  ')WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF) ON [PRIMARY],',
  ') ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]',
  'GO',
  'CREATE NONCLUSTERED INDEX [IX_accounts_created] ON [dbo].[accounts] ([created] DESC) WITH (FILLFACTOR = 90) ON [PRIMARY]',
  'GO',
  "SET IDENTITY_INSERT [dbo].[accounts] ON",
  "INSERT INTO [dbo].[accounts] ([id], [name]) VALUES (1, N'Zürich')",
  "SET IDENTITY_INSERT [dbo].[accounts] OFF",
  'GO',
  "INSERT INTO dbo.accounts (name) VALUES (N'Basel')",
  'GO',
  'SELECT name FROM dbo.accounts WITH (NOLOCK)',
  'GO',
  'TRUNCATE TABLE dbo.accounts',
  'GO',
  "INSERT INTO accounts (name, notes) VALUES (N'Bern', N'again')",
  'GO',
  '',
].join('\r\n');

describe('fixes of the SQLite catalog', () => {
  it('turn a SQL Server script into one SQLite runs', async () => {
    const outcome = fixSource(script, {
      filePath: 'fixes.sqlite.sql',
      dialect: 'sqlite',
      dialectSource: 'test',
      rules: catalog,
      settings: { sqlserverVersion: '2019' },
    });
    expect(outcome.messages.filter((message) => message.severity === 2)).toEqual([]);

    const SQL = await initSqlJs();
    const db = new SQL.Database();
    try {
      db.exec(outcome.output);
      const columns = db.exec('PRAGMA table_info(accounts)')[0].values.map((row) => [row[1], row[2]]);
      expect(columns).toEqual([
        ['id', 'INTEGER'],
        ['name', 'nvarchar(100)'],
        ['notes', 'TEXT'],
        ['avatar', 'BLOB'],
        ['created', 'DATETIME'],
        ['updated', 'DATETIME'],
      ]);
      const rows = db.exec('SELECT id, name, created IS NOT NULL, updated IS NOT NULL FROM accounts')[0].values;
      expect(rows).toEqual([[3, 'Bern', 1, 1]]);
      const indexes = db.exec("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'IX_accounts_created'");
      expect(indexes[0].values).toEqual([['IX_accounts_created']]);
    } finally {
      db.close();
    }
  });
});
