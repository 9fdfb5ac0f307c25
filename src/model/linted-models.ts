import type { SchemaModel } from './schema.js';

/**
 * The schema model a lint pass built of a result's text, kept beside the result (not in it:
 * results are printed and cached as they are) for the cross-file checks, which would
 * otherwise split and parse every linted file a second time. Weakly held: a result that is
 * dropped takes its model with it.
 */
const models = new WeakMap<object, SchemaModel>();

export function attachModel(result: object, model: SchemaModel): void {
  models.set(result, model);
}

export function attachedModel(result: object): SchemaModel | undefined {
  return models.get(result);
}
