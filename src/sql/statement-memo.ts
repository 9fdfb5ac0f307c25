import type { Statement } from './statement.js';

/**
 * Remembers a value computed from a statement, for the statement asked about last.
 *
 * A lint pass visits one statement at a time: every rule, then the model builder, asks about
 * the same statement before the next one arrives, so one entry answers every repeat
 * question. (A WeakMap keyed by statement answered them too, but kept every statement's value
 * alive until a full garbage collection: on a 20 MB file that promoted ~100 MB of parse
 * results to the old generation.) Asked about an earlier statement, it computes again.
 */
export function memoizeLastStatement<T>(compute: (statement: Statement) => T): (statement: Statement) => T {
  let last: Statement | undefined;
  let value: T;
  return (statement) => {
    if (statement !== last) {
      value = compute(statement);
      last = statement;
    }
    return value;
  };
}
