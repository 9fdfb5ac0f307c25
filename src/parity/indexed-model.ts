import { NameLists } from '../model/name-lists.js';
import { indexesOf, sameQualifiedName, tablesOf, type IndexModel, type QualifiedName, type SchemaModel, type TableModel, type ViewModel } from '../model/schema.js';

/** One side's model as a comparison looks things up in it. */
export interface IndexedModel {
  /** The permanent tables, in model order. */
  tables: readonly TableModel[];
  tablesByName: NamedObjects<TableModel>;
  viewsByName: NamedObjects<ViewModel>;
  /** The permanent tables and the views, in model order: what the other side may lack. */
  topLevel: readonly (TableModel | ViewModel)[];
  /** Where each of `topLevel` stands in it. */
  topLevelPosition: ReadonlyMap<TableModel | ViewModel, number>;
  /** The files `topLevel` comes from. */
  files: ReadonlySet<string>;
  /** Indexes by the name of their table. */
  indexesByTable: NameLists<IndexModel>;
}

/**
 * Models indexed once each, for a caller that compares one model with many and changes none:
 * a SQLite file configured as the partner of N T-SQL files was indexed again for each pair
 * (4,000 pairs of a 4,000-table file: 27.5 s and 2.4 GB, with the findings of a rule that was off).
 */
export class IndexedModels {
  private readonly indexed = new WeakMap<SchemaModel, IndexedModel>();

  of(model: SchemaModel): IndexedModel {
    let found = this.indexed.get(model);
    if (!found) {
      const tables = tablesOf(model).filter(isPermanent);
      const views = model.objects.filter((object): object is ViewModel => object.kind === 'view');
      const topLevel = model.objects.filter((object): object is TableModel | ViewModel => (object.kind === 'table' && isPermanent(object)) || object.kind === 'view');
      found = {
        tables,
        tablesByName: new NamedObjects(tables),
        viewsByName: new NamedObjects(views),
        topLevel,
        topLevelPosition: new Map(topLevel.map((object, at) => [object, at])),
        files: new Set(topLevel.map((object) => object.ref.file)),
        indexesByTable: NameLists.of(indexesOf(model), (index) => index.table.name),
      };
      this.indexed.set(model, found);
    }
    return found;
  }
}

/** Objects by name, so that pairing n objects with n objects is not n² comparisons. */
export class NamedObjects<T extends { name: QualifiedName }> {
  private readonly lists: NameLists<T>;
  constructor(objects: readonly T[]) {
    this.lists = NameLists.of(objects, (object) => object.name.name);
  }
  /** The first object whose name sameQualifiedName holds equal to `name`. */
  find(name: QualifiedName): T | undefined {
    return this.lists.get(name.name).find((object) => sameQualifiedName(object.name, name));
  }
  /** Every object whose name sameQualifiedName holds equal to `name`. */
  named(name: QualifiedName): T[] {
    return this.lists.get(name.name).filter((object) => sameQualifiedName(object.name, name));
  }
}

/** T-SQL #temp tables belong to a session, not to the schema. */
function isPermanent(table: TableModel): boolean {
  return !table.name.name.startsWith('#');
}
