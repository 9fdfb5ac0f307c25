import type { Dialect } from '../sql/dialect.js';
import type { SourceText } from '../sql/source-text.js';
import type { Statement } from '../sql/statement.js';
import type { Token } from '../sql/token.js';
import { sqliteModelSink } from './build-sqlite.js';
import { tsqlModelSink } from './build-tsql.js';
import type { SchemaModel } from './schema.js';

/**
 * A schema-model builder that is pushed a file's statements instead of splitting the file
 * itself. The lint pass splits every file anyway; feeding the same statements to the model
 * builder spares parity a second split and parse of each file (and a second copy of its
 * tokens in memory). Comments must be pushed in file order, each before the statement that
 * follows it.
 */
export interface ModelSink {
  readonly model: SchemaModel;
  comment(token: Token): void;
  statement(statement: Statement): void;
}

export function createModelSink(dialect: Dialect, text: string, filePath: string, source?: SourceText): ModelSink {
  return dialect === 'tsql' ? tsqlModelSink(text, filePath, source) : sqliteModelSink(text, filePath, source);
}

/**
 * A model sink for the lint pass, where a defect in a builder must not fail the file's lint:
 * the sink then gives up and offers no model, and the cross-file checks build it themselves
 * as they always could.
 */
export class LintPassModel {
  private readonly sink: ModelSink;
  private failed = false;

  constructor(dialect: Dialect, text: string, filePath: string, source: SourceText) {
    this.sink = createModelSink(dialect, text, filePath, source);
  }

  comment(token: Token): void {
    this.guard(() => this.sink.comment(token));
  }

  statement(statement: Statement): void {
    this.guard(() => this.sink.statement(statement));
  }

  /** The model, unless building it failed. */
  get model(): SchemaModel | undefined {
    return this.failed ? undefined : this.sink.model;
  }

  private guard(step: () => void): void {
    if (this.failed) return;
    try {
      step();
    } catch {
      this.failed = true;
    }
  }
}
