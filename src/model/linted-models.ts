import type { Token } from '../sql/token.js';
import type { SchemaModel } from './schema.js';

/**
 * The schema model a lint pass built of a result's text, kept beside the result (not in it:
 * results are printed and cached as they are) for the cross-file checks, which would
 * otherwise split and parse every linted file a second time. Weakly held: a result that is
 * dropped takes its model with it.
 */
export interface LintedModel {
  model: SchemaModel;
  /** False when only the table list was kept (a big file): names, kinds, positions, no details. */
  complete: boolean;
  /** The file's comments that hold schema-lint directives, which parity's findings obey too. */
  directives: Token[];
}

const models = new WeakMap<object, LintedModel>();

export function attachModel(result: object, linted: LintedModel): void {
  models.set(result, linted);
}

export function attachedModel(result: object): LintedModel | undefined {
  return models.get(result);
}
