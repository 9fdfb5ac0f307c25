import { sqliteEngineState, markSqliteEngineBroken } from '../sqlite/engine.js';
import { EngineBrokenError, SandboxDatabase } from '../sqlite/sandbox-database.js';
import { MAX_OBJECTS_PER_DATABASE } from '../sqlite/validator.js';
import type { Dialect } from '../sql/dialect.js';
import { MAX_STATEMENT_TOKENS, splitAll } from '../sql/splitter.js';
import { identifierName, type Token } from '../sql/token.js';
import { expressionOptionsFor, parseSchemaStatement } from '../tsql/parse-statement.js';
import type { ConvertReport } from './convert-diagnostic.js';
import { commentOutBlock, isExecutable, type EmittedBlock } from './emit-support.js';

/**
 * The last line of defence: every converted statement is checked by the target's judge before
 * it is written. SQLite output runs in the real SQLite library (in memory, the same sandbox
 * the sqlite/syntax rule uses, each statement after the ones before it); T-SQL output is parsed
 * with schema-lint's T-SQL grammar. A statement the judge refuses is written commented out and
 * reported, so the output always runs, and a converter bug shows up as a diagnostic rather
 * than as a broken deployment.
 *
 * SQLite scans its whole schema table for every CREATE, so one database for a whole schema made
 * the check quadratic (8,000 tables with an index and a view each: 57 s). As in the lint
 * check (MAX_OBJECTS_PER_DATABASE), it goes on in a fresh database past that many objects; a
 * statement whose only fault is naming an object left behind is not judged by it.
 *
 * The database holds what the output holds: a view SQLite refuses only when it is used has been
 * created by then, and is dropped again as it is commented out. Kept, it made every view built
 * on it fail with its fault, a later view of its name fail as a duplicate, and (uncounted) let
 * the database grow past the bound: 8,000 such views took 5.5 s.
 */
export function verifyBlocks(blocks: EmittedBlock[], dialect: Dialect, report: ConvertReport): EmittedBlock[] {
  return dialect === 'sqlite' ? verifyWithSqlite(blocks, report) : verifyWithTsqlGrammar(blocks, report);
}

function verifyWithTsqlGrammar(blocks: EmittedBlock[], report: ConvertReport): EmittedBlock[] {
  const options = expressionOptionsFor('2016');
  return blocks.map((block) => {
    if (!block.ref || !isExecutable(block)) return block;
    for (const statement of splitAll(block.lines.join('\n'), 'tsql')) {
      if (statement.oversized) {
        // Only its leading and latest tokens are kept: parsed, the gap between them read as a
        // syntax error, and a valid view just past the limit was left out as invalid T-SQL.
        const limit = MAX_STATEMENT_TOKENS.toLocaleString('en-US');
        report.warn(block.ref, `${block.what ?? 'this object'} is written unchecked: its converted statement runs over ${limit} tokens, more than the T-SQL check holds at once.`);
        continue;
      }
      const error = parseSchemaStatement(statement, options).error;
      if (error) {
        report.error(block.ref, `${block.what ?? 'this object'} is left out (commented): the converted statement is not valid T-SQL (${error.message.replace(/\.$/, '')}).`);
        return commentOutBlock(block, 'not valid T-SQL after conversion');
      }
    }
    return block;
  });
}

function verifyWithSqlite(blocks: EmittedBlock[], report: ConvertReport): EmittedBlock[] {
  const engine = sqliteEngineState();
  if (engine.status !== 'loaded') return blocks;
  let db = new SandboxDatabase(engine.sql);
  /** Tables and views left out here, lower-cased, with their kind: what fails only because of them says so instead of repeating SQLite. */
  const leftOut = new Map<string, 'table' | 'view'>();
  /** Objects made in databases left behind (see MAX_OBJECTS_PER_DATABASE), lower-cased: a statement that misses only them is not judged. */
  const leftBehind = new Set<string>();
  let created = 0;
  try {
    return blocks.map((block) => {
      if (!block.ref || !isExecutable(block)) return block;
      const text = block.lines.join('\n');
      for (const statement of splitAll(text, 'sqlite')) {
        if (created >= MAX_OBJECTS_PER_DATABASE && statement.kind.startsWith('create')) {
          for (const name of db.objectNames()) leftBehind.add(name.toLowerCase());
          db.close();
          db = new SandboxDatabase(engine.sql);
          created = 0;
        }
        const made = db.execute(text.slice(statement.start, statement.end));
        const view = statement.kind === 'create view' ? createdName(statement.tokens) : undefined;
        const quotedView = view === undefined ? '' : `"${view.replace(/"/g, '""')}"`;
        // SQLite resolves a view's columns and functions only when the view is used: use it once (compiled, not run).
        const result = made.ok && view !== undefined ? db.prepare(`SELECT * FROM ${quotedView}`) : made;
        const unknown = result.ok ? undefined : /^no such (?:table|view|index|trigger): (?:main\.)?(.+)$/.exec(result.message)?.[1];
        // Made, but naming an object of a database left behind: not judged, and kept like the output keeps it.
        const kept = result.ok || (unknown !== undefined && leftBehind.has(unknown.toLowerCase()));
        if (kept) {
          if (made.ok && statement.kind.startsWith('create')) created++;
        } else {
          // Made in this database a moment ago, so dropping it fails only with the engine, which throws.
          if (made.ok && view !== undefined) db.execute(`DROP VIEW ${quotedView}`);
          if (statement.kind === 'create table') leftOut.set((createdName(statement.tokens) ?? '').toLowerCase(), 'table');
          if (view !== undefined) leftOut.set(view.toLowerCase(), 'view');
          // SQLite says "no such table" of a missing view as well.
          const missing = /^no such table: (?:main\.)?(.+)$/.exec(result.message)?.[1];
          const missingKind = missing === undefined ? undefined : leftOut.get(missing.toLowerCase());
          const cascade = missingKind !== undefined;
          const reason = cascade ? `its ${missingKind} ${missing} is left out` : `SQLite rejects the converted statement (${result.message})`;
          report.error(block.ref, `${block.what ?? 'this object'} is left out (commented): ${reason}.`);
          return commentOutBlock(block, cascade ? reason : `SQLite rejects it: ${result.message}`);
        }
      }
      return block;
    });
  } catch (error) {
    if (!(error instanceof EngineBrokenError)) throw error;
    markSqliteEngineBroken(error.message);
    return blocks;
  } finally {
    db.close();
  }
}

/** The name a CREATE TABLE/VIEW statement defines: the identifier after TABLE/VIEW [IF NOT EXISTS]. */
function createdName(tokens: readonly Token[]): string | undefined {
  const at = tokens.findIndex((token) => token.kind === 'word' && (token.upper === 'TABLE' || token.upper === 'VIEW'));
  if (at < 0) return undefined;
  let i = at + 1;
  if (tokens[i]?.upper === 'IF' && tokens[i + 1]?.upper === 'NOT' && tokens[i + 2]?.upper === 'EXISTS') i += 3;
  const name = tokens[i];
  return name && (name.kind === 'word' || name.kind === 'quoted-identifier') ? identifierName(name) : undefined;
}
