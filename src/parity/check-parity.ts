import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crossFileRules } from '../../rules/parity/index.js';
import type { ResolvedConfig, RuleSetting } from '../config/config.js';
import { compareDiagnostics, countDiagnostics, type Diagnostic, type LintResult, type Severity } from '../engine/diagnostic.js';
import { DirectiveSet } from '../engine/directives.js';
import { fill } from '../engine/linter.js';
import type { Rule } from '../engine/rule.js';
import { activeRulesByFile } from '../engine/rule-config.js';
import type { ActiveRule } from '../engine/linter.js';
import { lineIndexOf } from '../engine/result-line-index.js';
import { decode } from '../files/decode.js';
import { matchGlob } from '../files/match-glob.js';
import { buildSqliteModel } from '../model/build-sqlite.js';
import { buildTsqlModel } from '../model/build-tsql.js';
import { attachedModel, type LintedModel } from '../model/linted-models.js';
import { buildTableList } from '../model/model-sink.js';
import { findTable } from '../model/find-table.js';
import { NameLists } from '../model/name-lists.js';
import { sameName, tablesOf, type SchemaModel } from '../model/schema.js';
import type { Dialect } from '../sql/dialect.js';
import { Lexer } from '../sql/lexer.js';
import { SourceText } from '../sql/source-text.js';
import { splitStatements } from '../sql/splitter.js';
import { identifierName, isPunctuation, type Token } from '../sql/token.js';
import { compareSchemas, type Finding } from './compare.js';
import { findPairs, type Pairing, type PairingInput, type SchemaPair } from './pairing.js';
import { AllowList } from './allow-list.js';
import { IndexedModels } from './indexed-model.js';
import { isCredentialsDatabase, securityFindings } from './security.js';
import { hasSqliteAddColumn } from './sqlite-add-column.js';
import { writtenTableNames } from './written-tables.js';

/** One linted file, as checkParity needs it. */
export interface ParityFile {
  filePath: string;
  dialect: Dialect;
  text: string;
  /** The model of `text` read as `dialect`, when the lint pass already built it. */
  model?: LintedModel;
  /** The line index of `text`, when one is at hand (the lint pass's), so findings need not index the text again. */
  lineIndex?: () => SourceText | undefined;
}

export interface ParityOptions {
  /** `--rule` settings from the command line; they win over the config, as for every rule. */
  cliRules?: Record<string, RuleSetting>;
  /** Reads a partner file that was not linted (default: from disk); undefined when it cannot be read. */
  readFile?: (filePath: string) => string | undefined;
  listFolder?: PairingInput['listFolder'];
}

function readFromDisk(filePath: string): string | undefined {
  try {
    const decoded = decode(readFileSync(filePath));
    return decoded.binary ? undefined : decoded.text;
  } catch {
    return undefined;
  }
}

/**
 * The cross-file checks: pairs the dialect versions of each schema, compares their models,
 * checks the seed's security considerations, and returns the diagnostics of each linted file
 * (only files that have some). Severity comes from the config like any rule's (`off` drops a
 * rule), inline `schema-lint-disable` comments apply, `parityAllow` names intended
 * differences. Never throws on file content.
 */
export function checkParity(
  files: readonly ParityFile[],
  resolved: ResolvedConfig,
  options: ParityOptions = {},
): Map<string, Diagnostic[]> {
  return new ParityRun(files, resolved, options).run();
}

/** Adds checkParity's diagnostics to lint results in place, re-sorting and re-counting each changed result. */
export function applyParity(results: LintResult[], resolved: ResolvedConfig, options: ParityOptions = {}): void {
  const files: ParityFile[] = [];
  for (const result of results) {
    if (result.messages.some((message) => message.fatal)) continue;
    // A result that does not carry its text (one a formatter trimmed) is read again rather than taken as empty.
    const text = result.output ?? result.source ?? (options.readFile ?? readFromDisk)(result.filePath);
    // The lint pass's model describes the text it linted, not a fixed output.
    const model = result.output === undefined ? attachedModel(result) : undefined;
    // The formatters ask for the same index (stylish's code frames): one per result serves both.
    const lineIndex = text !== undefined && text === result.source ? () => lineIndexOf(result) : undefined;
    if (text !== undefined) files.push({ filePath: result.filePath, dialect: result.dialect, text, model, lineIndex });
  }
  const found = checkParity(files, resolved, options);
  for (const result of results) {
    const extra = found.get(path.resolve(result.filePath));
    if (!extra || extra.length === 0) continue;
    result.messages = [...result.messages, ...extra].sort(compareDiagnostics);
    Object.assign(result, countDiagnostics(result.messages));
  }
}

/** How much of a model a caller reads: everything, or only which tables there are and where. */
type ModelDetail = 'full' | 'tables';

class ParityRun {
  private readonly known = new Map<string, ParityFile>();
  private readonly texts = new Map<string, string | undefined>();
  private readonly models = new Map<string, SchemaModel>();
  private readonly fileModels = new Map<string, SchemaModel>();
  private readonly code = new Map<string, string>();
  /** Each pair side's CREATE TABLE names (see tablesWritten), keyed by the side's list of files. */
  private readonly written = new WeakMap<readonly string[], NameLists<string>>();
  private readonly writtenByFile = new Map<string, readonly string[]>();
  private readonly altered: Record<Dialect, Map<string, readonly string[]>> = { tsql: new Map(), sqlite: new Map() };
  private readonly findings = new Map<string, Finding[]>();
  /** The models compareSchemas has indexed: a model is not changed once built. */
  private readonly indexed = new IndexedModels();
  /** The cross-file rules switched on for a file; one shared list when no override sets rules. */
  private readonly crossFileRulesFor: (filePath: string) => readonly ActiveRule[];

  constructor(
    files: readonly ParityFile[],
    private readonly resolved: ResolvedConfig,
    private readonly options: ParityOptions,
  ) {
    for (const file of files) this.known.set(path.resolve(file.filePath), { ...file, filePath: path.resolve(file.filePath) });
    this.crossFileRulesFor = activeRulesByFile(resolved, options.cliRules ?? {}, crossFileRules);
  }

  run(): Map<string, Diagnostic[]> {
    const config = this.resolved.config;
    const allowList = new AllowList(config.parityAllow ?? []);
    const pairing = findPairs({
      files: new Map([...this.known].map(([filePath, file]) => [filePath, file.dialect])),
      pairs: config.pairs ?? [],
      baseDir: this.resolved.baseDir,
      listFolder: this.options.listFolder,
    });

    /** Every database version the run knows: each side of each pair, and each linted file outside a pair. */
    const databases = new Map<string, { dialect: Dialect; files: string[] }>();
    const addDatabase = (dialect: Dialect, files: string[]) => {
      if (!databases.has(files[0])) databases.set(files[0], { dialect, files });
    };

    const followUps = this.adoptFollowUps(pairing);
    for (const pair of pairing.pairs) {
      const tsql = { dialect: 'tsql' as const, model: this.model('tsql', pair.tsql), baseFile: pair.tsql[0] };
      const sqlite = { dialect: 'sqlite' as const, model: this.model('sqlite', pair.sqlite), baseFile: pair.sqlite[0] };
      const viewBodies = [...pair.tsql, ...pair.sqlite].some((file) => this.isActive(file, 'parity/view'));
      // A set: a pair may have thousands of follow-up scripts, and a finding per table.
      const tsqlFiles = new Set(pair.tsql);
      // The models are indexed once however many pairs share them, and a finding of a rule that
      // is off for its file is not made (it was dropped only in diagnostics(), after being kept).
      const compared = compareSchemas(tsql, sqlite, { viewBodies, indexed: this.indexed, reports: (ruleId, filePath) => this.isActive(filePath, ruleId) });
      for (const finding of compared) {
        const side: Dialect = tsqlFiles.has(finding.at.file) ? 'tsql' : 'sqlite';
        if (!pair.reportOn.has(side) || allowList.allows(finding.subject)) continue;
        if (finding.ruleId === 'parity/missing-table' && this.declaresTable(side === 'tsql' ? pair.tsql : pair.sqlite, finding.subject.table)) {
          continue; // written, but in a statement neither reader could read: the syntax rules report that, not parity
        }
        this.add(finding);
      }
      addDatabase('tsql', pair.tsql);
      addDatabase('sqlite', pair.sqlite);
    }

    for (const file of pairing.unpaired) {
      if (followUps.has(file.filePath)) continue;
      const model = this.model(file.dialect, [file.filePath], 'tables');
      addDatabase(file.dialect, [file.filePath]);
      const firstTable = tablesOf(model)[0];
      if (!firstTable || !file.expectsCounterpart) continue;
      this.add({
        ruleId: 'parity/missing-counterpart',
        messageId: file.dialect === 'tsql' ? 'noSqlite' : 'noTsql',
        at: firstTable.ref,
        counterpart: firstTable.ref,
        subject: { table: '' },
        data: { expected: file.expected },
      });
    }
    for (const missing of pairing.missing) {
      const model = this.model(missing.dialect, [missing.filePath], 'tables');
      const at = tablesOf(model)[0]?.ref ?? { file: missing.filePath, line: 1, column: 1, offset: 0 };
      this.add({
        ruleId: 'parity/missing-counterpart',
        messageId: missing.dialect === 'tsql' ? 'noSqlite' : 'noTsql',
        at,
        counterpart: at,
        subject: { table: '' },
        data: { expected: path.relative(path.dirname(missing.filePath), missing.partner).split(path.sep).join('/') },
      });
    }
    const covered = new Set([...databases.values()].flatMap((database) => database.files));
    for (const [filePath, file] of this.known) if (!covered.has(filePath)) addDatabase(file.dialect, [filePath]);

    const credentialsGlobs = this.credentialsGlobs();
    // Asked twice per database (to find the credentials database, then per database): answered once per file.
    const credentialsAnswers = new Map<string, boolean>();
    const isCredentials = (filePath: string) => {
      let answer = credentialsAnswers.get(filePath);
      if (answer === undefined) {
        const relative = path.relative(this.resolved.baseDir, filePath).split(path.sep).join('/');
        answer =
          credentialsGlobs.length > 0
            ? credentialsGlobs.some((glob) => matchGlob(relative, glob, { dot: true, nocase: true }))
            : isCredentialsDatabase(relative);
        credentialsAnswers.set(filePath, answer);
      }
      return answer;
    };
    const credentialsFile = [...databases.keys()].find(isCredentials);
    for (const database of databases.values()) {
      // Outside the credentials database the checks look for secrets only when the project has one.
      if (!credentialsFile && !isCredentials(database.files[0])) continue;
      const target = { dialect: database.dialect, model: this.model(database.dialect, database.files), baseFile: database.files[0] };
      for (const finding of securityFindings(target, isCredentials(target.baseFile), credentialsFile)) {
        if (!allowList.allows(finding.subject)) this.add(finding);
      }
    }
    return this.diagnostics();
  }

  /**
   * The seed's `ai_schema_updates.sql`: a linted script in the folder of a pair's base file,
   * in the same dialect, that ALTERs tables the base defines. It extends that side of the
   * pair, applied after the base in file-name order, exactly as a configured follow-up script
   * would. Update scripts kept in both dialects (`updates.sql` / `updates.sqlite.sql`) pair
   * with each other by name; such a pair is folded into the base pair the same way, side by side.
   * Returns the adopted files.
   */
  private adoptFollowUps(pairing: Pairing): Set<string> {
    const adopted = new Set<string>();
    const candidates = this.followUpCandidates(pairing);
    const folded = new Set<SchemaPair>();
    const untaken = untakenFollowUps((followUp) => ('file' in followUp ? adopted.has(followUp.file.filePath) : folded.has(followUp.pair)));
    for (const pair of pairing.pairs) {
      if (pair.source !== 'convention' || !pair.reportOn.has('sqlite') || folded.has(pair)) continue;
      const byAlteredTable = candidates(path.dirname(pair.tsql[0]));
      const bases: Record<Dialect, SchemaModel> = { tsql: this.model('tsql', [pair.tsql[0]]), sqlite: this.model('sqlite', [pair.sqlite[0]]) };
      // The follow-ups that alter a table of the base, found from the base's tables: asking each
      // candidate of the folder, for each pair, made a folder of many pairs with ALTERs quadratic.
      const altering = new Set<FollowUp>();
      for (const dialect of ['tsql', 'sqlite'] as const) {
        for (const table of tablesOf(bases[dialect])) {
          for (const { name, followUp } of untaken.of(byAlteredTable[dialect].get(table.name.name))) {
            if (!altering.has(followUp) && findTable(bases[dialect], { name }) !== undefined) altering.add(followUp);
          }
        }
      }
      const scripts: Record<Dialect, string[]> = { tsql: [], sqlite: [] };
      for (const followUp of altering) {
        if ('file' in followUp) {
          if (!adopted.has(followUp.file.filePath)) scripts[followUp.file.dialect].push(followUp.file.filePath);
          continue;
        }
        const script = followUp.pair;
        if (script === pair || folded.has(script)) continue;
        scripts.tsql.push(script.tsql[0]);
        scripts.sqlite.push(script.sqlite[0]);
        folded.add(script);
      }
      for (const dialect of ['tsql', 'sqlite'] as const) {
        for (const script of scripts[dialect].sort()) {
          (dialect === 'tsql' ? pair.tsql : pair.sqlite).push(script);
          adopted.add(script);
        }
      }
      if (scripts.tsql.length > 0 || scripts.sqlite.length > 0) untaken.changed();
    }
    pairing.pairs = pairing.pairs.filter((pair) => !folded.has(pair));
    // A secondary pair (the legacy schema_mssql.sql) shares its SQLite base with the primary one, and so its follow-ups.
    const extended = new Map(pairing.pairs.filter((pair) => pair.reportOn.has('sqlite')).map((pair) => [pair.sqlite[0], pair.sqlite]));
    for (const pair of pairing.pairs) {
      const full = extended.get(pair.sqlite[0]);
      if (full && full !== pair.sqlite && pair.sqlite.length === 1) for (const file of full.slice(1)) pair.sqlite.push(file);
    }
    return adopted;
  }

  /**
   * The files and update pairs of a folder that could be follow-ups (they ALTER some table), by
   * the name of each table they alter, worked out once per folder: a script by the tables it
   * alters in its own dialect, an update pair by those of each of its two files. A folder of
   * many independent pairs (one per module) then costs each pair only its own tables' lookups;
   * asking every pair about every other file of its folder made adopting follow-ups quadratic
   * in the folder's size (4,000 module pairs that each ALTER a table: 6.8 s).
   */
  private followUpCandidates(pairing: Pairing): (folder: string) => Record<Dialect, NameLists<AlteredBy>> {
    const unpairedIn = groupByFolder(pairing.unpaired, (file) => file.filePath);
    const scriptPairsIn = groupByFolder(
      pairing.pairs.filter((pair) => pair.source === 'convention' && pair.reportOn.has('sqlite')),
      (pair) => pair.tsql[0],
    );
    const byFolder = new Map<string, Record<Dialect, NameLists<AlteredBy>>>();
    return (folder) => {
      let found = byFolder.get(folder);
      if (!found) {
        // Positions are not asked for: whoever takes a name's follow-ups takes them all.
        found = { tsql: new NameLists<AlteredBy>(() => 0), sqlite: new NameLists<AlteredBy>(() => 0) };
        const index = (filePath: string, dialect: Dialect, followUp: FollowUp) => {
          for (const name of this.alteredTables(filePath, dialect)) found?.[dialect].add(name, { name, followUp }, false);
        };
        for (const file of unpairedIn.get(folder) ?? []) index(file.filePath, file.dialect, { file });
        for (const pair of scriptPairsIn.get(folder) ?? []) {
          const followUp = { pair };
          index(pair.tsql[0], 'tsql', followUp);
          index(pair.sqlite[0], 'sqlite', followUp);
        }
        byFolder.set(folder, found);
      }
      return found;
    };
  }

  /** The names of the tables a file's ALTER TABLE statements change, read once per file. */
  private alteredTables(filePath: string, dialect: Dialect): readonly string[] {
    const known = this.altered[dialect].get(filePath);
    if (known) return known;
    const names: string[] = [];
    const text = this.text(filePath);
    for (const statement of text === undefined ? [] : splitStatements(text, dialect)) {
      if (statement.kind !== 'alter table') continue;
      const [, , first, dot, second] = statement.tokens;
      if (!first || (first.kind !== 'word' && first.kind !== 'quoted-identifier')) continue;
      names.push(isPunctuation(dot, '.') && second ? identifierName(second) : identifierName(first));
    }
    this.altered[dialect].set(filePath, names);
    return names;
  }

  /**
   * `["warn", { "credentialsDatabase": ["db/vault/*.sql"] }]` on any security rule names the
   * credentials database's files for a layout the seed's convention does not describe.
   */
  private credentialsGlobs(): string[] {
    const globs: string[] = [];
    const settings = [this.resolved.config.rules ?? {}, this.options.cliRules ?? {}];
    for (const rules of settings) {
      for (const [id, setting] of Object.entries(rules)) {
        if (!id.startsWith('security/') || !Array.isArray(setting)) continue;
        for (const option of setting.slice(1)) {
          const value = (option as { credentialsDatabase?: unknown } | null)?.credentialsDatabase;
          if (!Array.isArray(value)) continue;
          for (const glob of value) if (typeof glob === 'string') globs.push(glob);
        }
      }
    }
    return globs;
  }

  /** True when one of the files (a side of a pair) has a `CREATE TABLE <name> (` however quoted or qualified. */
  private declaresTable(files: readonly string[], name: string): boolean {
    return this.tablesWritten(files).get(name).some((written) => sameName(written, name));
  }

  /**
   * The names the files write after `CREATE TABLE` and before `(`, without quotes or schema:
   * read once per file, and indexed once per side of a pair, which holds the base file and its
   * follow-up scripts. A regular expression per missing table over the whole file, as before,
   * made a pair with no table name in common quadratic: 8,000 tables a side took 29.7 s (1,000:
   * 1.0 s), half of it here and half in compare.ts finding where to report each missing table;
   * and asking each file of a side per missing table made it scripts × missing tables.
   */
  private tablesWritten(files: readonly string[]): NameLists<string> {
    let names = this.written.get(files);
    if (!names) {
      names = NameLists.of(
        files.flatMap((file) => this.namesWritten(file)),
        (name) => name,
      );
      this.written.set(files, names);
    }
    return names;
  }

  private namesWritten(filePath: string): readonly string[] {
    let names = this.writtenByFile.get(filePath);
    if (!names) {
      names = writtenTableNames(this.codeOf(filePath));
      this.writtenByFile.set(filePath, names);
    }
    return names;
  }

  /** A file's text without its comments: a commented-out CREATE TABLE declares nothing. */
  private codeOf(filePath: string): string {
    let code = this.code.get(filePath);
    if (code === undefined) {
      const dialect = this.known.get(filePath)?.dialect ?? (/\.sqlite3?\.sql$/i.test(filePath) ? 'sqlite' : 'tsql');
      code = withoutComments(this.text(filePath) ?? '', dialect);
      this.code.set(filePath, code);
    }
    return code;
  }

  private text(filePath: string): string | undefined {
    const known = this.known.get(filePath);
    if (known) return known.text;
    if (!this.texts.has(filePath)) this.texts.set(filePath, (this.options.readFile ?? readFromDisk)(filePath));
    return this.texts.get(filePath);
  }

  /**
   * The model of a base file with its follow-up scripts applied in order; built once per list.
   * `tables`: the caller reads only which tables there are and where (a big file's table list will do).
   */
  private model(dialect: Dialect, files: readonly string[], detail: ModelDetail = 'full'): SchemaModel {
    const key = `${detail}\u0000${dialect}\u0000${files.join('\u0000')}`;
    let model = this.models.get(key);
    if (!model) {
      if (files.length === 1) {
        model = { dialect, objects: this.fileModel(files[0], dialect, detail).objects };
      } else {
        // Follow-up scripts change the objects they apply to, so a multi-file model is built afresh.
        model = { dialect, objects: [] };
        for (const file of files) {
          const text = this.text(file);
          if (text !== undefined) buildModel(this.fileModel(file, dialect, 'tables').dialect, text, file, model);
        }
      }
      this.models.set(key, model);
    }
    return model;
  }

  /**
   * A file read on its own, in the dialect that finds its tables: usually the one it was
   * judged, but the seed's very failure is a `schema.sql` judged T-SQL and written in SQLite.
   * Its dialect rules report every construct that does not belong; parity should still
   * compare the tables it declares rather than report each of them missing. So when the other
   * dialect's reader finds more tables, parity reads the file that way. The returned model's
   * `dialect` is the dialect it was read in. The lint pass's model is used when it has the
   * detail asked for.
   */
  private fileModel(filePath: string, judged: Dialect, detail: ModelDetail = 'full'): SchemaModel {
    const fullKey = `full\u0000${judged}\u0000${filePath}`;
    const tablesKey = `tables\u0000${judged}\u0000${filePath}`;
    const cached = this.fileModels.get(fullKey) ?? (detail === 'tables' ? this.fileModels.get(tablesKey) : undefined);
    if (cached) return cached;
    const text = this.text(filePath) ?? '';
    const other: Dialect = judged === 'tsql' ? 'sqlite' : 'tsql';
    const linted = this.known.get(filePath)?.dialect === judged ? this.known.get(filePath)?.model : undefined;
    const fromLint = linted && (linted.complete || detail === 'tables') ? linted : undefined;
    const asJudged = fromLint?.model ?? buildModel(judged, text, filePath, { dialect: judged, objects: [] });
    let model = asJudged;
    const complete = fromLint?.complete ?? true;
    // Reading it the other way is only worth it when the judged reader missed some CREATE TABLE.
    const written = text.match(/\bCREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TABLE\b/gi)?.length ?? 0;
    // `ALTER TABLE t ADD COLUMN c` is SQLite's alone: a follow-up script judged T-SQL that says it was written for SQLite.
    // Stripping comments cannot make the words ADD and COLUMN appear, so a text without them skips the (lexing) strip.
    const sqliteAlters =
      judged === 'tsql' && /\bCOLUMN\b/i.test(text) && /\bADD\b/i.test(text) && hasSqliteAddColumn(this.codeOf(filePath));
    if (tablesOf(asJudged).length < written || sqliteAlters) {
      // A big file read as an table list is read the other way as one too.
      const asOther = complete ? buildModel(other, text, filePath, { dialect: other, objects: [] }) : buildTableList(other, text, filePath);
      if (tablesOf(asOther).length > tablesOf(asJudged).length || (sqliteAlters && tablesOf(asOther).length === tablesOf(asJudged).length)) {
        model = asOther;
      }
    }
    this.fileModels.set(complete ? fullKey : tablesKey, model);
    return model;
  }

  /** True when a cross-file rule is switched on for a file (config, overrides and --rule applied). */
  private isActive(filePath: string, ruleId: string): boolean {
    return this.crossFileRulesFor(filePath).some((entry) => entry.rule.meta.id === ruleId);
  }

  private add(finding: Finding): void {
    if (!this.known.has(finding.at.file)) return; // only linted files receive diagnostics
    const list = this.findings.get(finding.at.file) ?? [];
    list.push(finding);
    this.findings.set(finding.at.file, list);
  }

  private diagnostics(): Map<string, Diagnostic[]> {
    const result = new Map<string, Diagnostic[]>();
    for (const [filePath, findings] of this.findings) {
      const file = this.known.get(filePath) as ParityFile;
      const source = file.lineIndex?.() ?? new SourceText(file.text);
      const active = new Map<string, { rule: Rule; severity: Severity }>();
      for (const entry of this.crossFileRulesFor(filePath)) active.set(entry.rule.meta.id, entry);
      const seen = new Set<string>();
      const diagnostics: Diagnostic[] = [];
      // By start: findings often share one (each table a side lacks is reported at the same
      // object), and a span can run a whole long line. Lexing it per finding made N tables
      // missing at a one-line view of N terms take 19.4 s at 8,000 (1,000: 0.89 s).
      const spanEnds = new Map<number, number>();
      const spanEndAt = (start: number) => {
        let end = spanEnds.get(start);
        if (end === undefined) {
          end = spanEnd(source, start);
          spanEnds.set(start, end);
        }
        return end;
      };
      for (const finding of findings) {
        const entry = active.get(finding.ruleId);
        if (!entry) continue;
        const diagnostic = toDiagnostic(finding, entry.rule, entry.severity, source, spanEndAt);
        const key = `${diagnostic.ruleId}\u0000${diagnostic.startOffset}\u0000${diagnostic.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        diagnostics.push(diagnostic);
      }
      const directives = new DirectiveSet(source);
      if (file.model) for (const comment of file.model.directives) directives.add(comment);
      else forEachComment(file.text, file.dialect, (comment) => directives.add(comment));
      const kept = directives.filter(diagnostics).sort(compareDiagnostics);
      if (kept.length > 0) result.set(filePath, kept);
    }
    return result;
  }
}

/** A possible follow-up in a pair's folder: a linted script on its own, or an update pair. */
type FollowUp = { file: Pairing['unpaired'][number] } | { pair: SchemaPair };

/** A table name a follow-up's ALTER TABLE statements name, as written. */
interface AlteredBy {
  name: string;
  followUp: FollowUp;
}

/**
 * The candidates of a list (one table name's, in a folder) that no pair has adopted or folded
 * yet, for `of` to hand out: each list is filtered again only after some pair took follow-ups
 * (`changed`). Every pair walked each candidate of its tables' names and asked findTable of
 * it, even those an earlier pair had taken (checked only later): N module pairs in one folder
 * that each define `settings`, with N scripts that ALTER it, cost N² lookups: 1,000 took
 * 1.51 s and 8,000 28.4 s. The first pair adopts the scripts, the next filters them out once,
 * and the others see an empty list.
 */
function untakenFollowUps(isTaken: (followUp: FollowUp) => boolean): {
  of: (candidates: readonly AlteredBy[]) => readonly AlteredBy[];
  changed: () => void;
} {
  let takings = 0;
  // Weak: a list of one name is made afresh by each lookup, and needs no filtering kept.
  const filtered = new WeakMap<readonly AlteredBy[], { left: readonly AlteredBy[]; after: number }>();
  return {
    of: (candidates) => {
      const known = filtered.get(candidates);
      if (known?.after === takings) return known.left;
      const left = (known?.left ?? candidates).filter(({ followUp }) => !isTaken(followUp));
      filtered.set(candidates, { left, after: takings });
      return left;
    },
    changed: () => takings++,
  };
}

function buildModel(dialect: Dialect, text: string, filePath: string, into?: SchemaModel): SchemaModel {
  return dialect === 'tsql' ? buildTsqlModel(text, filePath, into) : buildSqliteModel(text, filePath, into);
}

function toDiagnostic(
  finding: Finding,
  rule: Rule,
  severity: Severity,
  source: SourceText,
  spanEndAt: (start: number) => number,
): Diagnostic {
  const data: Record<string, string> = { ...finding.data };
  const counterpartPath = path.relative(path.dirname(finding.at.file), finding.counterpart.file).split(path.sep).join('/');
  data.counterpart = `${counterpartPath}:${finding.counterpart.line}`;
  const start = Math.min(finding.at.offset, source.text.length);
  const end = spanEndAt(start);
  const startPosition = source.positionAt(start);
  const endPosition = source.positionAt(end);
  const diagnostic: Diagnostic = {
    ruleId: rule.meta.id,
    severity,
    message: fill(rule.meta.messages[finding.messageId] ?? finding.messageId, data),
    line: startPosition.line,
    column: startPosition.column,
    endLine: endPosition.line,
    endColumn: endPosition.column,
    startOffset: start,
    endOffset: end,
  };
  const help = rule.meta.help?.[finding.messageId];
  if (help) diagnostic.help = fill(help, data);
  return diagnostic;
}

/**
 * The span underlined for an object: from its first token to the end of its line, stopping
 * before a comment, before the `(` that opens a CREATE's body, and before a trailing comma.
 */
function spanEnd(source: SourceText, start: number): number {
  const text = source.text;
  // From the line index: a scan to the line's end per finding made a table written on one line,
  // with a finding per column, quadratic (8,000 columns whose defaults differ: 11.1 s).
  const lineEnd = start >= text.length ? text.length : source.lineEnd(source.positionAt(start).line);
  // Streamed: the line can be a whole file's worth of SQL, and the span usually ends in a few tokens.
  const lexer = new Lexer(text.slice(start, lineEnd), 'tsql');
  let end = start;
  let depth = 0;
  const first = lexer.next();
  const opensBody = first?.kind === 'word' && (first.upper === 'CREATE' || first.upper === 'ALTER');
  for (let token = first; token; token = lexer.next()) {
    if (token.kind === 'line-comment' || token.kind === 'block-comment') break;
    if (token.kind === 'whitespace') continue;
    if (token.kind === 'punctuation' && token.text === '(') {
      if (opensBody && depth === 0) break;
      depth++;
    } else if (token.kind === 'punctuation' && token.text === ')') {
      if (depth === 0) break; // the `)` that closes the table body
      depth--;
    } else if (token.kind === 'punctuation' && (token.text === ',' || token.text === ';') && depth === 0) break;
    end = start + token.end;
  }
  return Math.max(end, Math.min(start + 1, text.length));
}

/** Streams the comments of a text: a token array of a big file would cost hundreds of MB. */
function forEachComment(text: string, dialect: Dialect, visit: (comment: Token) => void): void {
  const lexer = new Lexer(text, dialect, { skipWhitespace: true });
  for (let token = lexer.next(); token; token = lexer.next()) {
    if (token.kind === 'line-comment' || token.kind === 'block-comment') visit(token);
  }
}

/** The text with each comment replaced by one space, copying only the stretches between comments. */
function withoutComments(text: string, dialect: Dialect): string {
  let code = '';
  let copiedTo = 0;
  forEachComment(text, dialect, (comment) => {
    code += text.slice(copiedTo, comment.start) + ' ';
    copiedTo = comment.end;
  });
  return code + text.slice(copiedTo);
}

/** Items grouped by the folder of the path each one names, in their original order within a folder. */
function groupByFolder<T>(items: readonly T[], pathOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const folder = path.dirname(pathOf(item));
    const group = groups.get(folder);
    if (group) group.push(item);
    else groups.set(folder, [item]);
  }
  return groups;
}
