import type { Dialect } from '../sql/dialect.js';
import { tokenize } from '../sql/lexer.js';
import { isTrivia, type Token } from '../sql/token.js';

/**
 * An expression's tokens with parentheses made into groups, so a translator can see a
 * function call (a name followed by a group) and its arguments (the group split at its
 * top-level commas) without a full expression grammar. Whitespace and comments stay in
 * the tree so the translated text keeps the author's layout.
 */
export type TreeNode = TokenNode | GroupNode;

export interface TokenNode {
  kind: 'token';
  token: Token;
}

export interface GroupNode {
  kind: 'group';
  open: Token;
  items: TreeNode[];
  /** Undefined when the text ends before the group closes. */
  close?: Token;
}

export function buildTree(text: string, dialect: Dialect): TreeNode[] {
  const root: TreeNode[] = [];
  const stack: { items: TreeNode[]; group?: GroupNode }[] = [{ items: root }];
  for (const token of tokenize(text, dialect)) {
    const top = stack[stack.length - 1];
    if (token.kind === 'punctuation' && token.text === '(') {
      const group: GroupNode = { kind: 'group', open: token, items: [] };
      top.items.push(group);
      stack.push({ items: group.items, group });
    } else if (token.kind === 'punctuation' && token.text === ')' && top.group) {
      top.group.close = token;
      stack.pop();
    } else {
      top.items.push({ kind: 'token', token });
    }
  }
  return root;
}

export function isSignificant(node: TreeNode): boolean {
  return node.kind === 'group' || !isTrivia(node.token);
}

/** Splits a group's items at its top-level commas. */
export function splitArguments(items: readonly TreeNode[]): TreeNode[][] {
  const parts: TreeNode[][] = [[]];
  for (const item of items) {
    if (item.kind === 'token' && item.token.kind === 'punctuation' && item.token.text === ',') parts.push([]);
    else parts[parts.length - 1].push(item);
  }
  if (parts.length === 1 && !parts[0].some(isSignificant)) return [];
  return parts;
}

/**
 * The source text of nodes, exactly as written. A loop over a stack of the groups being read,
 * not a call per group: a view column nested 5,500 groups deep overflowed the stack, and
 * convert --to tsql, which names an unnamed view column after its text, threw a RangeError.
 */
export function sourceOf(nodes: readonly TreeNode[]): string {
  let text = '';
  const open: { items: readonly TreeNode[]; next: number; close?: Token }[] = [{ items: nodes, next: 0 }];
  while (open.length > 0) {
    const group = open[open.length - 1];
    if (group.next === group.items.length) {
      open.pop();
      if (group.close) text += group.close.text;
      continue;
    }
    const node = group.items[group.next++];
    if (node.kind === 'token') {
      text += node.token.text;
    } else {
      text += node.open.text;
      open.push({ items: node.items, next: 0, close: node.close });
    }
  }
  return text;
}

/** Upper-case text with trivia removed: `hex ( randomblob(16) )` → `HEX(RANDOMBLOB(16))`. */
export function signatureOf(nodes: readonly TreeNode[]): string {
  return signatureWithin(nodes, Number.POSITIVE_INFINITY) as string;
}

/**
 * signatureOf when it is at most `limit` characters long, else undefined. It stops reading once
 * past the limit, so a call asking whether it is a short idiom does not read all it nests.
 */
export function signatureWithin(nodes: readonly TreeNode[], limit: number): string | undefined {
  if (limit < 0) return undefined;
  let text = '';
  for (const node of nodes) {
    if (node.kind === 'group') {
      const inner = signatureWithin(node.items, limit - text.length - 2);
      if (inner === undefined) return undefined;
      text += `(${inner})`;
    } else if (!isTrivia(node.token)) {
      text += node.token.text.toUpperCase();
    }
    if (text.length > limit) return undefined;
  }
  return text;
}

/**
 * signatureOf with each parenthesised group written `(…)`: `RANDOMBLOB(…)`. It reads the nodes
 * and not what their groups hold, for tests that compare an argument with a literal or a word.
 */
export function shallowSignatureOf(nodes: readonly TreeNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.kind === 'group') text += '(…)';
    else if (!isTrivia(node.token)) text += node.token.text.toUpperCase();
  }
  return text;
}

/** The first token of nodes, for positions in diagnostics. */
export function firstToken(nodes: readonly TreeNode[]): Token | undefined {
  for (const node of nodes) {
    if (node.kind === 'group') return node.open;
    if (!isTrivia(node.token)) return node.token;
  }
  return undefined;
}
