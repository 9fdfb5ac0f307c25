import type { SchemaModel, SchemaObject } from './schema.js';

/**
 * `build` made into a function that works out its value once per model's list of objects and
 * hands the same value out after: the indexes that keep lookups in convert and parity from
 * scanning the model. Keyed by the list, not the model: the builders hand out a new list
 * whenever they hand out a model, so a model that changed (a follow-up script applied to it)
 * gets a new value instead of a stale one.
 */
export function perObjectList<T>(build: (model: SchemaModel) => T): (model: SchemaModel) => T {
  const values = new WeakMap<readonly SchemaObject[], T>();
  return (model) => {
    let value = values.get(model.objects);
    if (value === undefined) {
      value = build(model);
      values.set(model.objects, value);
    }
    return value;
  };
}
