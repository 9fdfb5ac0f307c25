import { describe, expect, it } from 'vitest';
import rule from '../../../rules/tsql/no-if-not-exists.js';
import { suggestionOutputs } from '../../support/rule-tester.js';

/** The rewrites tsql/no-if-not-exists offers, but does not apply, for indexes, views and triggers. */
const suggested = (code: string): string[] => suggestionOutputs(rule, code);

describe('tsql/no-if-not-exists suggestions', () => {
  it('guards an index with a sys.indexes lookup on its table', () => {
    expect(suggested('CREATE UNIQUE INDEX IF NOT EXISTS ix_a ON dbo.t (a)')).toEqual([
      "IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_a' AND object_id = OBJECT_ID(N'dbo.t')) CREATE UNIQUE INDEX ix_a ON dbo.t (a)",
    ]);
  });

  it('looks a backtick table up as SQL Server quotes it', () => {
    expect(suggested('CREATE INDEX IF NOT EXISTS `ix` ON `s`.`t` (a)')).toEqual([
      "IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix' AND object_id = OBJECT_ID(N'[s].[t]')) CREATE INDEX `ix` ON `s`.`t` (a)",
    ]);
  });

  it('turns a view into CREATE OR ALTER VIEW', () => {
    expect(suggested('CREATE VIEW IF NOT EXISTS v AS SELECT 1 AS a')).toEqual(['CREATE OR ALTER VIEW v AS SELECT 1 AS a']);
  });

  it('turns a trigger into CREATE OR ALTER TRIGGER', () => {
    expect(suggested('CREATE TRIGGER IF NOT EXISTS tr ON t AFTER INSERT AS SELECT 1')).toEqual([
      'CREATE OR ALTER TRIGGER tr ON t AFTER INSERT AS SELECT 1',
    ]);
  });

  it('offers nothing beyond the fix for a table', () => {
    expect(suggested('CREATE TABLE IF NOT EXISTS t (a INT)')).toEqual([]);
  });
});
