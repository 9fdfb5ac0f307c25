import {
  sameName,
  sameQualifiedName,
  type ColumnModel,
  type ForeignKeyModel,
  type IndexColumn,
  type IndexModel,
  type KeyConstraint,
  type QualifiedName,
  type SchemaModel,
  type SourceRef,
  type TableModel,
  type ViewModel,
} from '../model/schema.js';
import { ColumnSetIndex, sameNameSetOfAnyLength } from '../model/column-set-index.js';
import { NameLists } from '../model/name-lists.js';
import { findNamed } from '../model/table-lists.js';
import { compatibleTypes, formatType, toSqliteType, toTsqlType, typeFamily } from '../model/type-mapping.js';
import type { Dialect } from '../sql/dialect.js';
import { compareViews } from './compare-views.js';
import { IndexedModels, type IndexedModel, type NamedObjects } from './indexed-model.js';
import { namesIn, normalizeDefault, normalizeExpression } from './normalize.js';

/**
 * Compares the two dialect versions of one schema. Every finding is placed on the side that
 * lacks or differs, at its nearest object, and carries the counterpart's position so the
 * message can name the other file and line. Differences that exist on both sides (a type,
 * a default) are found once from each side, so each file's report is complete on its own.
 */
export interface Finding {
  ruleId: string;
  messageId: string;
  data: Record<string, string>;
  /** Where the finding is reported: an object of the side that lacks or differs. */
  at: SourceRef;
  /** The object on the other side that this side lacks or differs from. */
  counterpart: SourceRef;
  /** What the finding is about, for the parityAllow list. */
  subject: { table: string; column?: string };
}

/** One side of a pair: its model (base file plus follow-up scripts) and the file a finding goes to when nothing is nearer. */
export interface Side {
  dialect: Dialect;
  model: SchemaModel;
  baseFile: string;
}

export interface CompareOptions {
  /** Read view bodies with node-sql-parser and compare them (parity/view); off saves loading the parser when the rule is off. */
  viewBodies?: boolean;
  /** Where the models' indexes are kept, for a caller that compares a model with many and changes none; by default made per call. */
  indexed?: IndexedModels;
  /** Whether a finding of the rule would be reported in the file (default: every finding is); the others are not made. */
  reports?: (ruleId: string, filePath: string) => boolean;
}

export function compareSchemas(tsql: Side, sqlite: Side, options: CompareOptions = {}): Finding[] {
  const settings: ComparisonSettings = {
    viewBodies: options.viewBodies ?? true,
    indexed: options.indexed ?? new IndexedModels(),
    reports: options.reports ?? (() => true),
  };
  return [...new DirectionalComparison(tsql, sqlite, settings).run(), ...new DirectionalComparison(sqlite, tsql, settings).run()];
}

interface ComparisonSettings {
  viewBodies: boolean;
  indexed: IndexedModels;
  reports: (ruleId: string, filePath: string) => boolean;
}

/**
 * The tables and views of `there` that some table or view of `here` names (sameQualifiedName,
 * which is symmetric), in `there`'s order: exactly those that have a counterpart in `here`.
 */
function objectsNamedBy(here: IndexedModel, there: IndexedModel): (TableModel | ViewModel)[] {
  const found = new Set<TableModel | ViewModel>();
  for (const object of here.topLevel) {
    for (const named of object.kind === 'table' ? there.tablesByName.named(object.name) : there.viewsByName.named(object.name)) found.add(named);
  }
  return [...found].sort((a, b) => (there.topLevelPosition.get(a) ?? 0) - (there.topLevelPosition.get(b) ?? 0));
}

function displayName(name: QualifiedName): string {
  return name.schema && !['dbo', 'main'].includes(name.schema.toLowerCase()) ? `${name.schema}.${name.name}` : name.name;
}

function sortedList(columns: readonly IndexColumn[]): string {
  return columns.map((column) => (column.descending ? `${column.name} DESC` : column.name)).join(', ');
}

function sameNameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => sameName(name, b[i]));
}

/**
 * The columns of `table` (upper-cased, in the table's order) among the upper-cased names an
 * expression mentions: each name looked up, rather than each column tested per CHECK, which
 * made a wide table of many CHECKs cost columns × CHECKs.
 */
function constrainedColumns(table: TableModel): (names: ReadonlySet<string>) => string[] {
  const positions = new Map<string, number[]>();
  table.columns.forEach((column, at) => {
    const key = column.name.toUpperCase();
    const list = positions.get(key);
    if (list) list.push(at);
    else positions.set(key, [at]);
  });
  return (names) => {
    const found: number[] = [];
    for (const name of names) for (const at of positions.get(name) ?? []) found.push(at);
    return found.sort((a, b) => a - b).map((at) => table.columns[at].name.toUpperCase());
  };
}

/** T-SQL has no RESTRICT; SQLite's differs from NO ACTION only in when it is checked. */
function action(value: string | undefined): string {
  return !value || value === 'RESTRICT' ? 'NO ACTION' : value;
}

/** Finds what `here` lacks or spells differently compared with `there`. */
class DirectionalComparison {
  private readonly findings: Finding[] = [];
  private readonly hereTables: NamedObjects<TableModel>;
  /** The other side's tables to compare, in its order. */
  private readonly thereTables: readonly TableModel[];
  private readonly thereTableIndex: NamedObjects<TableModel>;
  private readonly hereViews: NamedObjects<ViewModel>;
  /** The other side's tables and views this side may have or lack, in its order. */
  private readonly thereObjects: readonly (TableModel | ViewModel)[];
  /** Each side's indexes by the name of their table. */
  private readonly indexes = new Map<Side, NameLists<IndexModel>>();
  private readonly viewBodies: boolean;
  private readonly reports: ComparisonSettings['reports'];

  constructor(
    private readonly here: Side,
    private readonly there: Side,
    settings: ComparisonSettings,
  ) {
    const hereIndexed = settings.indexed.of(here.model);
    const thereIndexed = settings.indexed.of(there.model);
    this.hereTables = hereIndexed.tablesByName;
    this.thereTableIndex = thereIndexed.tablesByName;
    this.hereViews = hereIndexed.viewsByName;
    // What this side may be told it lacks: the other side's tables, and its views.
    const missingRules = [
      ...(thereIndexed.tables.length > 0 ? ['parity/missing-table'] : []),
      ...(thereIndexed.topLevel.length > thereIndexed.tables.length ? ['parity/missing-view'] : []),
    ];
    const reportsMissing = [here.baseFile, ...hereIndexed.files].some((file) => missingRules.some((ruleId) => settings.reports(ruleId, file)));
    if (!reportsMissing && hereIndexed.topLevel.length < thereIndexed.topLevel.length) {
      // Told of nothing it lacks, this side needs only the objects it has: found from its own,
      // fewer, objects. Walking the other side's made one SQLite file configured as the partner
      // of N one-table T-SQL files (parity/missing-table off) walk its N tables per pair.
      this.thereObjects = objectsNamedBy(hereIndexed, thereIndexed);
      this.thereTables = this.thereObjects.filter((object): object is TableModel => object.kind === 'table');
    } else {
      this.thereObjects = thereIndexed.topLevel;
      this.thereTables = thereIndexed.tables;
    }
    this.indexes.set(here, hereIndexed.indexesByTable);
    this.indexes.set(there, thereIndexed.indexesByTable);
    this.viewBodies = settings.viewBodies;
    this.reports = settings.reports;
  }

  run(): Finding[] {
    this.compareTopLevel();
    for (const thereTable of this.thereTables) {
      const hereTable = this.hereTables.find(thereTable.name);
      if (hereTable) this.compareTables(hereTable, thereTable);
    }
    return this.findings;
  }

  private report(
    ruleId: string,
    messageId: string,
    at: SourceRef,
    counterpart: SourceRef,
    subject: Finding['subject'],
    data: Record<string, string>,
  ): void {
    if (this.reports(ruleId, at.file)) this.findings.push({ ruleId, messageId, at, counterpart, subject, data });
  }

  /** Tables and views the other side defines and this side does not. */
  private compareTopLevel(): void {
    const thereObjects = this.thereObjects;
    const counterparts = thereObjects.map((object) =>
      object.kind === 'table' ? this.hereTables.find(object.name) : this.hereViews.find(object.name),
    );
    const places = this.placesOfMissing(counterparts);
    thereObjects.forEach((object, i) => {
      const counterpart = counterparts[i];
      if (this.viewBodies && counterpart?.kind === 'view' && object.kind === 'view') this.compareViewBodies(counterpart, object);
      if (counterpart) return;
      const at = places[i];
      const name = displayName(object.name);
      if (object.kind === 'table') {
        this.report('parity/missing-table', 'missingTable', at, object.ref, { table: object.name.name }, { table: name });
      } else {
        this.report('parity/missing-view', 'missingView', at, object.ref, { table: object.name.name }, { view: name });
      }
    });
  }

  /** What the two versions of a view read and return (their SELECTs, read with node-sql-parser). */
  private compareViewBodies(here: ViewModel, there: ViewModel): void {
    for (const difference of compareViews(here, this.here.dialect, there, this.there.dialect)) {
      this.report('parity/view', difference.messageId, here.ref, there.ref, { table: here.name.name }, {
        view: displayName(here.name),
        here: difference.here,
        there: difference.there,
      });
    }
  }

  /**
   * Where each missing object is reported: at this side's version of the nearest object before
   * it in the other file that this side has (where it would be added), else of the nearest one
   * after it, else at the top of the file. Two passes over the list: looking outwards from each
   * missing object made a side that lacks most objects quadratic (a T-SQL file of 8,000 tables
   * whose SQLite partner has one other table took 6.0 s, of 1,000 tables 0.69 s).
   */
  private placesOfMissing(counterparts: readonly ({ ref: SourceRef } | undefined)[]): SourceRef[] {
    const places = new Array<SourceRef | undefined>(counterparts.length);
    let after: SourceRef | undefined;
    for (let i = counterparts.length - 1; i >= 0; i--) {
      places[i] = after;
      after = counterparts[i]?.ref ?? after;
    }
    let before: SourceRef | undefined;
    for (let i = 0; i < counterparts.length; i++) {
      if (before) places[i] = before;
      before = counterparts[i]?.ref ?? before;
    }
    if (places.every((place) => place !== undefined)) return places as SourceRef[];
    const first = this.here.model.objects.find((object) => object.ref.file === this.here.baseFile);
    const top = first?.ref ?? { file: this.here.baseFile, line: 1, column: 1, offset: 0 };
    return places.map((place) => place ?? top);
  }

  private compareTables(here: TableModel, there: TableModel): void {
    // A table with no columns read (CREATE TABLE ... AS SELECT, or a body no reader understood) has nothing to compare.
    if (here.columns.length === 0 || there.columns.length === 0) return;
    const table = displayName(here.name);
    // Found by name, not by a scan per column: a pair of wide tables (8,000 columns) took 7.5 s.
    const hereColumns = NameLists.of(here.columns, (column) => column.name);
    for (const thereColumn of there.columns) {
      const hereColumn = hereColumns.get(thereColumn.name).find((column) => sameName(column.name, thereColumn.name));
      if (!hereColumn) {
        this.report('parity/missing-column', 'missingColumn', here.ref, thereColumn.ref, { table: here.name.name, column: thereColumn.name }, {
          table,
          column: thereColumn.name,
        });
        continue;
      }
      this.compareColumns(here, hereColumn, there, thereColumn);
    }
    this.comparePrimaryKeys(here, there);
    // Both the UNIQUEs and the indexes are paired against the column sets this side keeps unique: indexed once.
    const hereUniqueSets = new ColumnSetIndex(this.uniqueSets(here, this.here));
    this.compareUniques(here, there, hereUniqueSets);
    this.compareForeignKeys(here, there);
    this.compareChecks(here, there);
    this.compareIndexes(here, there, hereUniqueSets);
  }

  private compareColumns(hereTable: TableModel, here: ColumnModel, thereTable: TableModel, there: ColumnModel): void {
    const table = displayName(hereTable.name);
    const subject = { table: hereTable.name.name, column: here.name };
    const base = { table, column: here.name };
    const tsqlColumn = this.here.dialect === 'tsql' ? here : there;
    const sqliteColumn = this.here.dialect === 'tsql' ? there : here;
    const computed = here.computed || there.computed;

    if (!computed && !compatibleTypes(tsqlColumn.type, sqliteColumn.type)) {
      const suggestion = this.here.dialect === 'tsql' ? toTsqlType(there.type).type : toSqliteType(there.type).type;
      this.report('parity/type-mismatch', 'typeMismatch', here.ref, there.ref, subject, {
        ...base,
        type: formatType(here.type),
        family: typeFamily(here.type, this.here.dialect),
        otherType: formatType(there.type),
        otherFamily: typeFamily(there.type, this.there.dialect),
        suggestion: formatType(suggestion),
      });
    }

    const hereGenerated = generatedKey(hereTable, here, this.here.dialect);
    const thereGenerated = generatedKey(thereTable, there, this.there.dialect);
    // A rowid alias without AUTOINCREMENT numbers rows only when the INSERT leaves the key out:
    // it pairs with an IDENTITY and with a key the application assigns alike.
    const rowidAlias = hereGenerated === ROWID_ALIAS || thereGenerated === ROWID_ALIAS;
    if (!rowidAlias && Boolean(hereGenerated) !== Boolean(thereGenerated)) {
      this.report('parity/identity', 'identity', here.ref, there.ref, subject, {
        ...base,
        here: hereGenerated ?? 'not generated',
        there: thereGenerated ?? 'not generated',
      });
    }

    const hereNullable = effectivelyNullable(hereTable, here, this.here.dialect);
    const thereNullable = effectivelyNullable(thereTable, there, this.there.dialect);
    if (!computed && hereNullable !== thereNullable) {
      this.report('parity/nullability', 'nullability', here.ref, there.ref, subject, {
        ...base,
        here: hereNullable ? 'nullable' : 'NOT NULL',
        there: thereNullable ? 'nullable' : 'NOT NULL',
      });
    }

    if (!computed && !hereGenerated && !thereGenerated) {
      const family = typeFamily(tsqlColumn.type, 'tsql');
      const hereDefault = normalizeDefault(here.default, this.here.dialect, family);
      const thereDefault = normalizeDefault(there.default, this.there.dialect, family);
      if (thereDefault !== undefined && hereDefault === undefined) {
        this.report('parity/default', 'defaultMissing', here.ref, there.ref, subject, { ...base, there: there.default ?? '' });
      } else if (thereDefault !== undefined && hereDefault !== undefined && hereDefault !== thereDefault) {
        this.report('parity/default', 'defaultDiffers', here.ref, there.ref, subject, {
          ...base,
          here: here.default ?? '',
          there: there.default ?? '',
        });
      }
    }
  }

  private comparePrimaryKeys(here: TableModel, there: TableModel): void {
    if (!there.primaryKey) return;
    const table = displayName(here.name);
    const thereColumns = there.primaryKey.columns.map((column) => column.name);
    if (!here.primaryKey) {
      this.report('parity/primary-key', 'keyMissing', here.ref, there.primaryKey.ref, { table: here.name.name }, {
        table,
        there: thereColumns.join(', '),
      });
      return;
    }
    const hereColumns = here.primaryKey.columns.map((column) => column.name);
    if (!sameNameSetOfAnyLength(hereColumns, thereColumns)) {
      this.report('parity/primary-key', 'keyDiffers', here.primaryKey.ref, there.primaryKey.ref, { table: here.name.name }, {
        table,
        here: hereColumns.join(', '),
        there: thereColumns.join(', '),
      });
    }
  }

  /** Column sets this side keeps unique: UNIQUE constraints, unique indexes and the primary key. */
  private uniqueSets(table: TableModel, side: Side): string[][] {
    const sets = table.uniques.map((unique) => unique.columns.map((column) => column.name));
    if (table.primaryKey) sets.push(table.primaryKey.columns.map((column) => column.name));
    for (const index of this.indexesOn(side, table)) {
      if (index.unique && enforcesPlainUniqueness(index, side.dialect)) sets.push(index.columns.map((column) => column.name));
    }
    return sets;
  }

  private compareUniques(here: TableModel, there: TableModel, hereSets: ColumnSetIndex): void {
    for (const unique of there.uniques) {
      const columns = unique.columns.map((column) => column.name);
      if (hereSets.firstSameSet(columns) >= 0) continue;
      this.report('parity/unique', 'uniqueMissing', here.ref, unique.ref, { table: here.name.name }, {
        table: displayName(here.name),
        columns: columns.join(', '),
      });
    }
  }

  private compareForeignKeys(here: TableModel, there: TableModel): void {
    const table = displayName(here.name);
    const hereKeys = new ColumnSetIndex(here.foreignKeys.map((key) => key.columns));
    for (const thereKey of there.foreignKeys) {
      const hereKey = here.foreignKeys[hereKeys.firstSameSet(thereKey.columns)] as ForeignKeyModel | undefined;
      const data = { table, columns: thereKey.columns.join(', '), references: this.describeTarget(thereKey, this.there) };
      const subject = { table: here.name.name };
      if (!hereKey) {
        this.report('parity/foreign-key', 'foreignKeyMissing', here.ref, thereKey.ref, subject, data);
        continue;
      }
      const hereTarget = this.resolvedTarget(hereKey, this.here);
      const thereTarget = this.resolvedTarget(thereKey, this.there);
      if (!sameQualifiedName(hereKey.references, thereKey.references) || !sameNameList(hereTarget, thereTarget)) {
        this.report('parity/foreign-key', 'referencesDiffer', hereKey.ref, thereKey.ref, subject, {
          ...data,
          here: this.describeTarget(hereKey, this.here),
          there: this.describeTarget(thereKey, this.there),
        });
      }
      for (const [event, hereAction, thereAction] of [
        ['ON DELETE', hereKey.onDelete, thereKey.onDelete],
        ['ON UPDATE', hereKey.onUpdate, thereKey.onUpdate],
      ] as const) {
        if (action(hereAction) !== action(thereAction)) {
          this.report('parity/foreign-key', 'actionDiffers', hereKey.ref, thereKey.ref, subject, {
            ...data,
            event,
            here: action(hereAction),
            there: action(thereAction),
          });
        }
      }
    }
  }

  /** The referenced columns, or the referenced table's primary key when none are written. */
  private resolvedTarget(key: ForeignKeyModel, side: Side): string[] {
    if (key.referencedColumns.length > 0) return key.referencedColumns;
    const target = (side === this.here ? this.hereTables : this.thereTableIndex).find(key.references);
    return target?.primaryKey?.columns.map((column) => column.name) ?? [];
  }

  private describeTarget(key: ForeignKeyModel, side: Side): string {
    const columns = this.resolvedTarget(key, side);
    return columns.length > 0 ? `${displayName(key.references)} (${columns.join(', ')})` : displayName(key.references);
  }

  /**
   * CHECK bodies are spelled in each dialect's functions (LEN vs length), so they are paired by
   * the columns they constrain; a CHECK on no column is paired by its neutral text.
   */
  private compareChecks(here: TableModel, there: TableModel): void {
    const hereColumnsIn = constrainedColumns(here);
    const thereColumnsIn = constrainedColumns(there);
    const hereChecks = here.checks.map((check) => ({
      columns: hereColumnsIn(namesIn(check.expression, this.here.dialect)),
      text: normalizeExpression(check.expression, this.here.dialect),
    }));
    const hereColumnSets = new ColumnSetIndex(hereChecks.map((check) => check.columns));
    const hereTextsOnNoColumn = new Set(hereChecks.filter((check) => check.columns.length === 0).map((check) => check.text));
    for (const check of there.checks) {
      const columns = thereColumnsIn(namesIn(check.expression, this.there.dialect));
      const text = normalizeExpression(check.expression, this.there.dialect);
      const matched = columns.length > 0 ? hereColumnSets.firstSameSet(columns) >= 0 : hereTextsOnNoColumn.has(text);
      if (matched) continue;
      this.report('parity/check', 'checkMissing', here.ref, check.ref, { table: here.name.name }, {
        table: displayName(here.name),
        expression: check.expression,
      });
    }
  }

  private indexesOn(side: Side, table: TableModel): IndexModel[] {
    const candidates = this.indexes.get(side)?.get(table.name.name) ?? [];
    return candidates.filter((index) => sameQualifiedName(index.table, table.name));
  }

  /** Indexes pair by name, else by their columns; then columns, order, direction, uniqueness and filter must agree. */
  private compareIndexes(here: TableModel, there: TableModel, hereUniqueSets: ColumnSetIndex): void {
    const hereIndexes = this.indexesOn(this.here, here);
    const hereByName = NameLists.of(hereIndexes, (index) => index.name);
    const hereByColumns = new ColumnSetIndex(hereIndexes.map((index) => index.columns.map((column) => column.name)));
    const table = displayName(here.name);
    for (const thereIndex of this.indexesOn(this.there, there)) {
      const thereNames = thereIndex.columns.map((column) => column.name);
      const hereIndex =
        hereByName.get(thereIndex.name).find((index) => sameName(index.name, thereIndex.name)) ??
        (hereIndexes[hereByColumns.firstSameList(thereNames)] as IndexModel | undefined);
      const data = { table, index: thereIndex.name };
      const subject = { table: here.name.name };
      if (!hereIndex) {
        // A unique index on one side and a UNIQUE constraint (or key) on the other enforce the same thing.
        if (thereIndex.unique && enforcesPlainUniqueness(thereIndex, this.there.dialect) && hereUniqueSets.firstSameSet(thereNames) >= 0) {
          continue;
        }
        this.report('parity/index', 'indexMissing', here.ref, thereIndex.ref, subject, { ...data, columns: sortedList(thereIndex.columns) });
        continue;
      }
      const hereSorted = sortedList(hereIndex.columns);
      const thereSorted = sortedList(thereIndex.columns);
      if (!sameNameList(hereSorted.split(', '), thereSorted.split(', '))) {
        this.report('parity/index', 'columnsDiffer', hereIndex.ref, thereIndex.ref, subject, { ...data, here: hereSorted, there: thereSorted });
      }
      if (hereIndex.unique !== thereIndex.unique) {
        this.report('parity/index', 'uniqueDiffers', hereIndex.ref, thereIndex.ref, subject, {
          ...data,
          here: hereIndex.unique ? 'UNIQUE' : 'not unique',
          there: thereIndex.unique ? 'UNIQUE' : 'not unique',
        });
      }
      const hereFilter = hereIndex.where ? normalizeExpression(hereIndex.where, this.here.dialect) : '';
      const thereFilter = thereIndex.where ? normalizeExpression(thereIndex.where, this.there.dialect) : '';
      if (hereFilter !== thereFilter) {
        this.report('parity/index', 'filterDiffers', hereIndex.ref, thereIndex.ref, subject, {
          ...data,
          here: hereIndex.where ? `WHERE ${hereIndex.where}` : 'nothing',
          there: thereIndex.where ? `WHERE ${thereIndex.where}` : 'nothing',
        });
      }
    }
  }
}

/**
 * How a column's value is generated when an INSERT leaves it out, or undefined. In SQLite an
 * INTEGER PRIMARY KEY is an alias of the rowid and numbers itself with or without AUTOINCREMENT.
 */
const ROWID_ALIAS = 'INTEGER PRIMARY KEY';

/**
 * A unique index that enforces what a UNIQUE constraint does: no filter, or (in SQL Server,
 * whose UNIQUE admits one NULL where SQLite's admits many) a filter that only leaves out NULLs
 * of its own columns — the usual way to give SQL Server SQLite's UNIQUE.
 */
function enforcesPlainUniqueness(index: IndexModel, dialect: Dialect): boolean {
  if (!index.where) return true;
  const conditions = normalizeExpression(index.where, dialect).split(' AND ');
  return conditions.every((condition) => {
    const match = /^(\S+) IS NOT NULL$/.exec(condition);
    return match !== null && index.columns.some((column) => column.name.toUpperCase() === match[1]);
  });
}

function generatedKey(table: TableModel, column: ColumnModel, dialect: Dialect): string | undefined {
  if (column.identity && dialect === 'tsql') return 'IDENTITY';
  if (column.autoincrement) return 'INTEGER PRIMARY KEY AUTOINCREMENT';
  if (dialect === 'sqlite' && isRowidAlias(table, column)) return ROWID_ALIAS;
  return undefined;
}

function isRowidAlias(table: TableModel, column: ColumnModel): boolean {
  const key = table.primaryKey;
  return (
    !table.withoutRowid &&
    key !== undefined &&
    key.columns.length === 1 &&
    sameName(key.columns[0].name, column.name) &&
    column.type?.name.toUpperCase() === 'INTEGER'
  );
}

/**
 * Nullability as the engines apply it: SQL Server makes every primary-key column NOT NULL.
 * SQLite lets a non-INTEGER key column hold NULL (a legacy quirk) — but the pair then differs
 * only in a quirk nobody relies on, so key columns count as NOT NULL on both sides.
 */
function effectivelyNullable(table: TableModel, column: ColumnModel, dialect: Dialect): boolean {
  if (!column.nullable) return false;
  if (column.identity || (dialect === 'sqlite' && isRowidAlias(table, column))) return false;
  return !(table.primaryKey && inKey(table.primaryKey, column.name));
}

/**
 * Whether `key` names the column: asked for each nullable column of a table, so a wide key (SQLite
 * allows 2,000 columns) is looked up through its list's index rather than scanned per column.
 */
function inKey(key: KeyConstraint, name: string): boolean {
  return findNamed(key.columns, name) !== undefined;
}
