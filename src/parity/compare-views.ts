import { sameName, sameQualifiedName, type QualifiedName, type ViewModel } from '../model/schema.js';
import type { Dialect } from '../sql/dialect.js';
import { selectShape, type SelectShape } from '../sql/sql-ast.js';

/**
 * Two versions of one view are compared through what their SELECTs read and return, not
 * through their text: `TOP 10` and `LIMIT 10`, `GETDATE()` and `datetime('now')`, `[dbo].[t]`
 * and `"t"` are each dialect's idiom for the same view. The bodies are read with
 * node-sql-parser, which fails on some valid SQL; a side it cannot read gives no finding, so
 * a parser gap is never reported as drift.
 */
export interface ViewDifference {
  messageId: 'tablesDiffer' | 'columnsDiffer';
  here: string;
  there: string;
}

/** Each view body is read once per run, though both directions of a comparison ask for it. */
const shapes = new WeakMap<ViewModel, { shape: SelectShape | undefined }>();

function shapeOf(view: ViewModel, dialect: Dialect): SelectShape | undefined {
  let entry = shapes.get(view);
  if (!entry) {
    entry = { shape: selectShape(view.query, dialect) };
    shapes.set(view, entry);
  }
  return entry.shape;
}

function tableName(name: QualifiedName): string {
  return name.schema && !['dbo', 'main'].includes(name.schema.toLowerCase()) ? `${name.schema}.${name.name}` : name.name;
}

/**
 * The engines' own catalogs (`sys.objects`, `INFORMATION_SCHEMA.TABLES`, `sqlite_master`) answer
 * the same question under different names, so a view over one is not compared by its tables.
 */
function readsCatalog(tables: readonly QualifiedName[]): boolean {
  return tables.some(
    (table) => (table.schema !== undefined && /^(sys|information_schema)$/i.test(table.schema)) || /^sqlite_/i.test(table.name) || /^pragma_/i.test(table.name),
  );
}

function sameTableSet(a: readonly QualifiedName[], b: readonly QualifiedName[]): boolean {
  return a.every((name) => b.some((other) => sameQualifiedName(name, other))) && b.every((name) => a.some((other) => sameQualifiedName(name, other)));
}

/** How this side's version of a view differs from the other side's; empty when either body is unreadable. */
export function compareViews(here: ViewModel, hereDialect: Dialect, there: ViewModel, thereDialect: Dialect): ViewDifference[] {
  const hereShape = shapeOf(here, hereDialect);
  const thereShape = shapeOf(there, thereDialect);
  if (!hereShape || !thereShape) return [];
  const differences: ViewDifference[] = [];
  const hereTables = hereShape.tables;
  const thereTables = thereShape.tables;
  if (hereTables && thereTables && !readsCatalog(hereTables) && !readsCatalog(thereTables) && !sameTableSet(hereTables, thereTables)) {
    differences.push({
      messageId: 'tablesDiffer',
      here: hereTables.map(tableName).join(', '),
      there: thereTables.map(tableName).join(', '),
    });
  }
  // An explicit column list names the view's columns whatever its SELECT calls them.
  const hereColumns = here.columns ?? hereShape.columns;
  const thereColumns = there.columns ?? thereShape.columns;
  if (hereColumns && thereColumns) {
    const same = hereColumns.length === thereColumns.length && hereColumns.every((name, i) => sameName(name, thereColumns[i]));
    if (!same) differences.push({ messageId: 'columnsDiffer', here: hereColumns.join(', '), there: thereColumns.join(', ') });
  }
  return differences;
}
