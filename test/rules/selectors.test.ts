import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreRules } from '../../rules/core/index.js';
import { sqliteRules } from '../../rules/sqlite/index.js';
import { tsqlRules } from '../../rules/tsql/index.js';
import type { Dialect } from '../../src/sql/dialect.js';
import { lintSource } from '../../src/engine/linter.js';
import type { Rule } from '../../src/engine/rule.js';
import { SourceText } from '../../src/sql/source-text.js';

/**
 * A selector may only spare a rule calls that could not report or change its state: every
 * rule must report exactly the same with its selectors as without them. Checked on the
 * fixture corpus and on scripts built from the words the selectors name and the shapes the
 * rules look for. (The syntax rules have no selectors and are left out: they only add time.)
 */
const catalog = [...coreRules, ...tsqlRules, ...sqliteRules].filter((rule) => !rule.meta.id.endsWith('/syntax'));

/** The same rule, with every visitor it creates stripped of its selectors. */
function withoutSelectors(rule: Rule): Rule {
  return {
    ...rule,
    create(context) {
      const { tokenSelector: _token, statementSelector: _statement, ...visitor } = rule.create(context);
      return visitor;
    },
  };
}

function lint(text: string, dialect: Dialect, selectors: boolean) {
  return lintSource(text, {
    filePath: 'file.sql',
    dialect,
    dialectSource: 'the default',
    dialectStep: 'default', // core/dialect-mismatch reports only on an inferred dialect
    rules: catalog.map((rule) => ({ rule: selectors ? rule : withoutSelectors(rule), severity: 1 as const, options: [] })),
    settings: { sqlserverVersion: '2016' },
  });
}

/** Every word a selector names, read from the visitors the catalog creates. */
function selectorWords(): string[] {
  const words = new Set<string>();
  for (const dialect of ['tsql', 'sqlite'] as const) {
    for (const rule of catalog) {
      if (!rule.meta.dialects.includes(dialect)) continue;
      const visitor = rule.create({
        filePath: 'file.sql',
        dialect,
        source: new SourceText(''),
        settings: { sqlserverVersion: '2016' },
        options: [],
        report: () => undefined,
      });
      for (const word of [...(visitor.tokenSelector?.words ?? []), ...(visitor.statementSelector?.words ?? [])]) words.add(word);
    }
  }
  return [...words];
}

function sqlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return sqlFiles(full);
    return name.endsWith('.sql') ? [full] : [];
  });
}

const FRAGMENTS = [
  'CREATE', 'ALTER', 'DROP', 'TABLE', 'TEMP', 'VIRTUAL', 'INDEX', 'VIEW', 'TRIGGER', 'TYPE', 'PROCEDURE', 'FUNCTION', 'SCHEMA',
  'IF', 'NOT', 'EXISTS', 'ADD', 'COLUMN', 'INSERT', 'UPDATE', 'DELETE', 'OR', 'INTO', 'VALUES', 'ON', 'SET', 'AS', 'FROM',
  'SELECT', 'WHERE', 'BEGIN', 'END', 'GO', 'DECLARE', '@t', '@@ROWCOUNT', 'PRIMARY', 'KEY', 'INTEGER', 'INT', 'VARCHAR',
  'NVARCHAR', '(', ')', '(', ')', ',', ';', ';', '.', '=', '==', '+', '||', '*', '-', '1', '2', "'s'", "N'n'", '"q"', '[b]',
  '`k`', "X'AB'", 't', 'x', 'sp_addtype', 'EXEC', 'ATTACH', 'USE', 'TRUNCATE', 'PRAGMA', 'GRANT', 'SAVEPOINT', 'COMMIT',
  'ROLLBACK', '#tmp', 'MAX', 'TOP', 'WITH', 'NOLOCK', 'OFF', 'QUOTED_IDENTIFIER', '\n',
  // What the rules look for, named here apart from the selectors, so a word a selector misses is still written.
  'RETURNING', 'LIMIT', 'OFFSET', 'NULLS', 'FIRST', 'RECURSIVE', 'AUTOINCREMENT', 'IDENTITY', 'TIMESTAMP', 'DEFAULT', 'REAL',
  'TEXT', 'BOOLEAN', 'BLOB', 'DOUBLE', 'CONFLICT', 'REPLACE', 'IGNORE', 'DEFERRABLE', 'INITIALLY', 'DEFERRED', 'COLLATE',
  'NOCASE', 'GLOB', 'IS', 'TRUE', 'FALSE', 'STRICT', 'WITHOUT', 'ROWID', 'RENAME', 'TO', 'GENERATED', 'ALWAYS', 'STORED',
  'VACUUM', 'ANALYZE', 'datetime', 'ifnull', 'GETDATE', 'ISNULL', 'STRING_AGG', 'CAST', 'CONVERT', 'CLUSTERED', 'INCLUDE',
  'FOR', 'EACH', 'ROW', 'NEW', 'OLD', 'BEFORE', 'WHILE', 'PRINT', 'ELSE', 'TRY', 'CATCH', 'TRAN', 'RETURNS',
];

/** Pieces of statements, so that random scripts often take the shapes the rules report on. */
const CHUNKS = [
  'CREATE TABLE t (', 'CREATE TEMP TABLE t (', 'CREATE VIRTUAL TABLE t USING fts5(', 'ALTER TABLE t ADD', 'ALTER TABLE t ALTER COLUMN',
  'DECLARE @v TABLE (', 'CREATE TYPE tt AS TABLE (', 'INSERT INTO t (a) VALUES', 'INSERT OR REPLACE INTO t', 'REPLACE INTO t (a)',
  'SELECT a FROM t', 'SELECT TOP 5 a FROM t', 'UPDATE t SET a = 1', 'DELETE FROM t', 'DROP INDEX i', 'CREATE INDEX i ON t (a)',
  'CREATE TRIGGER tr AFTER INSERT ON t', 'CREATE VIEW v AS', 'CREATE PROCEDURE p @a INT AS', 'EXEC sp_addtype flag, \'bit\'',
  'a INT', 'b INTEGER PRIMARY KEY', 'c TIMESTAMP', 'd VARCHAR', 'e NVARCHAR(MAX)', 'f TEXT', 'g REAL', 'h BOOLEAN', 'i DOUBLE',
  'j INT IDENTITY(1,1)', 'k INTEGER PRIMARY KEY AUTOINCREMENT', 'l AS (a + 1)', 'm INT GENERATED ALWAYS AS (a) STORED',
  'DEFAULT GETDATE()', "DEFAULT (datetime('now'))", 'UNIQUE ON CONFLICT REPLACE', 'REFERENCES u (id) DEFERRABLE INITIALLY DEFERRED',
  '(1, 2)', '(3, 4)', "WHERE a = \"x y\"", 'ORDER BY a NULLS LAST', 'LIMIT 10 OFFSET 5', 'RETURNING *', 'WITH RECURSIVE r AS (',
  'ON CONFLICT DO NOTHING', 'WITHOUT ROWID', 'COLLATE NOCASE', 'CAST(a AS BOOLEAN)', 'dbo.t', 'main.t', 'WITH (NOLOCK)',
];

describe('rule selectors', () => {
  const files = sqlFiles(path.resolve(import.meta.dirname, '../../fixtures'));

  it('change no report of any rule on the fixture corpus, read as either dialect', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const dialect of ['tsql', 'sqlite'] as const) {
        expect(lint(text, dialect, true), `${path.basename(file)} as ${dialect}`).toEqual(lint(text, dialect, false));
      }
    }
  });

  it('change no report of any rule on scripts made of the words they select', () => {
    const script = fc
      .array(fc.oneof(fc.constantFrom(...FRAGMENTS, ...selectorWords()), fc.constantFrom(...CHUNKS)), { maxLength: 60 })
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(script, fc.constantFrom<Dialect>('tsql', 'sqlite'), (text, dialect) => {
        expect(lint(text, dialect, true)).toEqual(lint(text, dialect, false));
      }),
      { numRuns: 1000 },
    );
  });
});
