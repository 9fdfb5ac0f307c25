import { NameLists } from './name-lists.js';
import { perObjectList } from './per-object-list.js';
import { sameQualifiedName, tablesOf, type QualifiedName, type SchemaModel, type TableModel } from './schema.js';

/** A model's tables by name. */
const tablesByName = perObjectList((model) => NameLists.of(tablesOf(model), (table) => table.name.name));

/**
 * The first table of the model whose name matches `name` (sameQualifiedName), as a scan would
 * find it. Through an index: convert looks a table up for every key, index and insert, and
 * parity for every table a possible follow-up script alters, so scans made both quadratic
 * (a script altering 8,000 tables that a folder's 8,000-table schema lacks: 7.6 s).
 */
export function findTable(model: SchemaModel, name: QualifiedName): TableModel | undefined {
  return tablesByName(model)
    .get(name.name)
    .find((table) => sameQualifiedName(table.name, name));
}
