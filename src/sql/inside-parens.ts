import { isPunctuation, type Token } from './token.js';

/**
 * For each `(` of a token list, the index of the first or last token `matches` accepts directly
 * inside its parentheses (not in a group within them), or -1; an unclosed `(` runs to the end of
 * the list. One pass with a stack of open parentheses, for questions a rule or check asks of
 * every group of a statement: a scan of each group made nested groups quadratic.
 */
export function directlyInsideParens(tokens: readonly Token[], matches: (index: number) => boolean, keep: 'first' | 'last'): Int32Array {
  const found = new Int32Array(tokens.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (isPunctuation(token, '(')) open.push(i);
    else if (isPunctuation(token, ')')) open.pop();
    else if (open.length > 0 && matches(i)) {
      const inside = open[open.length - 1];
      if (keep === 'last' || found[inside] < 0) found[inside] = i;
    }
  }
  return found;
}
