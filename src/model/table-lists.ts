import { NameLists, SCANNED_UP_TO } from './name-lists.js';
import { sameName, type ColumnModel, type TableModel } from './schema.js';

/**
 * A table's columns and constraints found by name through an index of each list: the T-SQL
 * model builder's `ALTER TABLE` (a script may alter every column of a wide table one by one,
 * and neither engine limits a table's constraints, so a scan of the list per statement would
 * grow with the square of the script), and parity asking a wide key about each column.
 */

/** A column or constraint: what `ALTER TABLE ... DROP`, `ALTER COLUMN` and `DEFAULT ... FOR` name. */
interface Named {
  name?: string;
}

/** A list's items by name, for the first `indexed` items of the list (the rest were appended since). */
interface ListIndex {
  byName: NameLists<Named>;
  indexed: number;
}

/**
 * Each list's index, keyed by the list itself: a list the builder replaces (`clearDetails`) gets a
 * new one, and one that is collected takes its index with it.
 */
const indexes = new WeakMap<readonly Named[], ListIndex>();

/**
 * `ALTER TABLE t DROP [COLUMN] a, [CONSTRAINT] b`: takes the named columns and constraints out of
 * the table's lists, in place. The items are found by name through an index of each list, made at
 * its first drop and extended with what was appended since. Filtering every list with a name
 * comparison per item made a script that adds 8,000 CHECKs to one table and drops them one by one
 * take 2.8 s (1,000: 0.22 s); neither engine limits a table's constraints.
 */
export function dropFromTable(table: TableModel, columns: readonly string[], constraints: readonly string[]): void {
  dropNamed(table.columns, columns);
  if (constraints.length === 0) return;
  const primaryKeyName = table.primaryKey?.name;
  if (primaryKeyName !== undefined && constraints.some((name) => sameName(name, primaryKeyName))) delete table.primaryKey;
  dropNamed(table.uniques, constraints);
  dropNamed(table.foreignKeys, constraints);
  dropNamed(table.checks, constraints);
}

/**
 * The names of `list`'s items were changed in place (SQLite's RENAME COLUMN): its index, if it has
 * one, is made afresh at the next lookup.
 */
export function namesChanged(list: readonly Named[]): void {
  indexes.delete(list);
}

/** The first column of `table` that `name` names, as a scan in list order finds it (see findNamed). */
export function findColumn(table: TableModel, name: string): ColumnModel | undefined {
  return findNamed(table.columns, name);
}

/**
 * The first item of a table's list (its columns, or a key's columns) that `name` names, as a
 * scan in list order finds it: through the list's index once the list is long.
 */
export function findNamed<T extends { name: string }>(list: readonly T[], name: string): T | undefined {
  // A table-level PRIMARY KEY looks up each of its columns, in nearly every table: most lists are scanned.
  if (list.length <= SCANNED_UP_TO) return list.find((item) => sameName(item.name, name));
  let first: T | undefined;
  let firstAt = -1;
  // The index of a list holds that list's items.
  for (const item of indexOf(list).byName.get(name) as readonly T[]) {
    if (!sameName(item.name, name)) continue;
    if (first === undefined) {
      first = item;
      continue;
    }
    // Two items of one name (SQL Server rejects such a table, the model keeps both): the earlier, as a scan gives.
    if (firstAt < 0) firstAt = list.indexOf(first);
    const at = list.indexOf(item);
    if (at < firstAt) [first, firstAt] = [item, at];
  }
  return first;
}

function dropNamed(list: Named[], names: readonly string[]): void {
  if (names.length === 0 || list.length === 0) return;
  const index = indexOf(list);
  for (const name of names) {
    // A copy: the items are taken out of the index while this loop reads it.
    for (const item of [...index.byName.get(name)]) {
      if (item.name === undefined || !sameName(item.name, name)) continue;
      const at = list.indexOf(item);
      if (at < 0) {
        // Taken out by something else while still indexed: index the list afresh and drop from that.
        indexes.delete(list);
        dropNamed(list, names);
        return;
      }
      // One native search and move per item dropped: the list keeps its order.
      list.splice(at, 1);
      index.byName.remove(item.name, item);
      index.indexed--;
    }
  }
}

function indexOf(list: readonly Named[]): ListIndex {
  let index = indexes.get(list);
  // A list that shrank without a drop here (nothing in the builders does that) is indexed afresh.
  if (index === undefined || index.indexed > list.length) {
    // Positions order a name's matches; every match is dropped, so their order does not matter.
    index = { byName: new NameLists<Named>(() => 0), indexed: 0 };
    indexes.set(list, index);
  }
  for (; index.indexed < list.length; index.indexed++) {
    const item = list[index.indexed];
    if (item.name !== undefined) index.byName.add(item.name, item, false);
  }
  return index;
}
