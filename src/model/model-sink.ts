import type { Dialect } from '../sql/dialect.js';
import type { SourceText } from '../sql/source-text.js';
import { splitStatements } from '../sql/splitter.js';
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
  /** The model so far. Each read copies the objects into a new array: read it once the statements are in, not after each. */
  readonly model: SchemaModel;
  comment(token: Token): void;
  statement(statement: Statement): void;
}

/**
 * `tablesOnly`: build only the tables (see LintPassModel), not indexes, views, routines or seed
 * rows, and keep no details of a table that takes a new place in the list.
 */
export function createModelSink(dialect: Dialect, text: string, filePath: string, source?: SourceText, tablesOnly = false): ModelSink {
  return dialect === 'tsql' ? tsqlModelSink(text, filePath, source, tablesOnly) : sqliteModelSink(text, filePath, source, tablesOnly);
}

/**
 * Above this size the lint pass keeps only a file's table list (each table's name and
 * position; no columns, keys, indexes, views, routines, rows or comments). Such files are
 * nearly always data dumps with no partner file; what the cross-file checks ask of an
 * unpaired file is its tables' count and first position, and a full model of a 100 MB dump
 * would take gigabytes. When a big file does turn out to be paired, parity builds its full
 * model itself.
 */
export const FULL_MODEL_LIMIT = 1024 * 1024;

/**
 * A model sink for the lint pass, where a defect in a builder must not fail the file's lint:
 * the sink then gives up and offers no model, and the cross-file checks build it themselves
 * as they always could.
 */
export class LintPassModel {
  private readonly sink: ModelSink;
  private failed = false;
  /** True when the model keeps every detail; false for a big file's table list. */
  readonly complete: boolean;

  /** `complete`: keep every detail; by default, for files up to FULL_MODEL_LIMIT. */
  constructor(dialect: Dialect, text: string, filePath: string, source?: SourceText, complete = text.length <= FULL_MODEL_LIMIT) {
    this.sink = createModelSink(dialect, text, filePath, source, !complete);
    this.complete = complete;
  }

  comment(token: Token): void {
    // A table list has no comments: keeping every comment token of a dump is memory for nothing.
    if (this.complete) this.guard(() => this.sink.comment(token));
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

/** A file's table list (see LintPassModel), read on its own; never throws. */
export function buildTableList(dialect: Dialect, text: string, filePath: string): SchemaModel {
  const list = new LintPassModel(dialect, text, filePath, undefined, false);
  for (const statement of splitStatements(text, dialect)) list.statement(statement);
  return list.model ?? { dialect, objects: [] };
}
