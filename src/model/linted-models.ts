import { isDirectiveComment } from '../engine/directives.js';
import type { StatementObserver } from '../engine/linter.js';
import type { Dialect } from '../sql/dialect.js';
import type { SourceText } from '../sql/source-text.js';
import type { Token } from '../sql/token.js';
import { LintPassModel } from './model-sink.js';
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

/**
 * Records, beside a lint pass, what the cross-file checks need of the file: its schema model
 * (see LintPassModel) and the comments that hold directives. Pass `observe` to lintSource,
 * then `attachTo` the file's result.
 */
export class LintedModelRecorder {
  private pass: LintPassModel | undefined;
  private readonly directives: Token[] = [];

  constructor(
    private readonly dialect: Dialect,
    private readonly text: string,
    private readonly filePath: string,
  ) {}

  readonly observe = (source: SourceText): StatementObserver => {
    const pass = new LintPassModel(this.dialect, this.text, this.filePath, source);
    this.pass = pass;
    return {
      comment: (token) => {
        if (isDirectiveComment(token)) this.directives.push(token);
        pass.comment(token);
      },
      statement: (statement) => pass.statement(statement),
    };
  };

  /** Nothing is attached when the builder failed: parity then builds the model itself. */
  attachTo(result: object): void {
    const model = this.pass?.model;
    if (this.pass && model) attachModel(result, { model, complete: this.pass.complete, directives: this.directives });
  }
}
