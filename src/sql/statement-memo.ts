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
  return memoizeLast(compute);
}

/**
 * The same for any object asked about in turn, such as a statement's token list: rules ask
 * about the parentheses around each token they flag, all in the same list before the next.
 */
export function memoizeLast<K extends object, T>(compute: (key: K) => T): (key: K) => T {
  let last: K | undefined;
  let value: T;
  return (key) => {
    if (key !== last) {
      value = compute(key);
      last = key;
    }
    return value;
  };
}
