import { memoizeLast } from './statement-memo.js';
import type { Token } from './token.js';

/**
 * For each token of a list, and for the end after the last one, the index of the `(` that
 * encloses it most closely, or -1 at depth 0: one pass with a stack of open parentheses, for the
 * token list asked about last. Rules and checks ask about the parentheses around many tokens of
 * one statement (a SELECT of 40,000 TRUEs, nested CASTs): a scan per token made that quadratic.
 */
export const enclosingParens = memoizeLast((tokens: readonly Token[]): Int32Array => {
  const enclosing = new Int32Array(tokens.length + 1);
  const open: number[] = [];
  for (let i = 0; i <= tokens.length; i++) {
    enclosing[i] = open.length > 0 ? open[open.length - 1] : -1;
    const token = tokens[i];
    if (token?.kind !== 'punctuation') continue;
    if (token.text === '(') open.push(i);
    // A `)` with nothing open closes nothing, as a scan back from a later token counts it.
    else if (token.text === ')') open.pop();
  }
  return enclosing;
});

/**
 * For each `(` of a token list, the index of the first or last token `matches` accepts directly
 * inside its parentheses (not in a group within them), or -1; an unclosed `(` runs to the end of
 * the list. Read off enclosingParens, so a scan of each group does not make nested groups
 * quadratic.
 */
export function directlyInsideParens(tokens: readonly Token[], matches: (index: number) => boolean, keep: 'first' | 'last'): Int32Array {
  const enclosing = enclosingParens(tokens);
  const found = new Int32Array(tokens.length).fill(-1);
  for (let i = 0; i < tokens.length; i++) {
    const inside = enclosing[i];
    if (inside < 0 || !matches(i)) continue;
    if (keep === 'last' || found[inside] < 0) found[inside] = i;
  }
  return found;
}

/**
 * How many pairs of parentheses wrap the whole of a token list, as stripping them one pair at a
 * time finds: `((0))` 2, `((a) + (b))` 1, `(a) + (b)` 0. A pair is stripped while the list starts
 * with `(`, ends with `)` and its depth, counted from the first token, does not come back to 0
 * before the last (so an unclosed `( ( a )` loses its outer pair too, as before).
 *
 * `parenAt(i)` is +1 for a `(`, -1 for a `)`, 0 otherwise. Worked out in one pass over the list
 * and one over the pairs: checking the whole rest again for each pair made a CHECK of 16,000
 * nested parentheses take 25.7 s to convert and a parity pair of 32,000 55.0 s.
 */
export function wrappingParenLayers(count: number, parenAt: (index: number) => number): number {
  // Pairs whose two ends are parentheses: the most that can be stripped.
  let most = 0;
  while (most < count - 1 - most && parenAt(most) === 1 && parenAt(count - 1 - most) === -1) most++;
  if (most === 0) return 0;
  // The depth after each token, counted from the start of the whole list.
  const depthAfter = new Int32Array(count);
  let depth = 0;
  for (let i = 0; i < count; i++) {
    depth += parenAt(i);
    depthAfter[i] = depth;
  }
  // With k pairs stripped, pair k wraps the rest when the depth after each of its tokens but the
  // last, [k, count - k - 2], stays above the k opening parentheses before it. The lowest depth over
  // those ranges, which shrink by a token at each end per pair, from the innermost pair outwards.
  const lowest = new Int32Array(most + 1);
  let low = Number.MAX_SAFE_INTEGER;
  for (let i = most; i <= count - most - 2; i++) low = Math.min(low, depthAfter[i]);
  lowest[most] = Math.min(low, 2 ** 31 - 1);
  for (let k = most - 1; k >= 0; k--) lowest[k] = Math.min(lowest[k + 1], depthAfter[k], depthAfter[count - k - 2]);
  let layers = 0;
  while (layers < most && lowest[layers] > layers) layers++;
  return layers;
}
