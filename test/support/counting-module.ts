/**
 * A module with the named functions wrapped so that each call is tallied before it answers:
 * what the scaling tests put in place of `src/model/schema.js` (through `vi.mock`) to count the
 * name comparisons and lookups a piece of work makes.
 */
export function countingModule<M extends object>(original: M, names: readonly (keyof M)[], tally: () => void): M {
  const counted: Record<PropertyKey, unknown> = { ...(original as Record<PropertyKey, unknown>) };
  for (const name of names) {
    const f = original[name] as (...args: unknown[]) => unknown;
    counted[name as PropertyKey] = (...args: unknown[]) => {
      tally();
      return f(...args);
    };
  }
  return counted as M;
}
