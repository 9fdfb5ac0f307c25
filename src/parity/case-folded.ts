/**
 * A name as a case-insensitive regular expression (the `i` flag without `u`) compares it: each
 * UTF-16 unit upper-cased, unless that takes more than one unit or turns a non-ASCII unit into
 * an ASCII one (the Kelvin sign stays itself). Two texts fold alike exactly when such an
 * expression of one matches the other, so a name without `*` is allowed exactly when its
 * entry, as such an expression, would match it.
 */
export function caseFolded(name: string): string {
  let folded = '';
  for (let i = 0; i < name.length; i++) {
    const unit = name[i];
    const upper = unit.toUpperCase();
    folded += upper.length !== 1 || (unit.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) ? unit : upper;
  }
  return folded;
}
