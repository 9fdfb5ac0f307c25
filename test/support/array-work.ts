/**
 * The elements that `Array.prototype.indexOf` passes over and `Array.prototype.splice` moves
 * while `work` runs, both wrapped by hand (a spy records each call with a push of its own). Taking
 * an item out of the middle of an array by a search and a splice costs one of each per element
 * before or after it: a count that grows with the list per item taken out, where a time would
 * only grow on a quiet machine.
 */
export function arrayWork(work: () => void): number {
  const { indexOf, splice } = Array.prototype;
  let elements = 0;
  Array.prototype.indexOf = function (this: unknown[], ...args: [unknown, number?]): number {
    const at = Reflect.apply(indexOf, this, args) as number;
    elements += at < 0 ? this.length : at + 1;
    return at;
  };
  Array.prototype.splice = function (this: unknown[], ...args: unknown[]): unknown[] {
    const length = this.length;
    const start = Math.trunc(Number(args[0] ?? 0));
    const from = start < 0 ? Math.max(length + start, 0) : Math.min(start, length);
    const removed = args.length < 2 ? length - from : Math.min(Math.max(Math.trunc(Number(args[1])), 0), length - from);
    const inserted = Math.max(args.length - 2, 0);
    // The elements after the removed ones shift unless as many are put in as are taken out.
    if (inserted !== removed) elements += length - from - removed;
    elements += inserted;
    return Reflect.apply(splice, this, args) as unknown[];
  } as typeof splice;
  try {
    work();
  } finally {
    Array.prototype.indexOf = indexOf;
    Array.prototype.splice = splice;
  }
  return elements;
}
