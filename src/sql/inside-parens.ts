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
