/**
 * Values stored under keys, found by a text the keys begin: `valuesPrefixing(text)` gives the
 * values of every key that is a prefix of `text` (the empty key included), walking the text
 * once, so an answer costs the text's length and the values found, not the number of keys.
 * `valuesWithin(text)` gives those of every key found anywhere in `text`. Keys compare by
 * UTF-16 unit, exactly as given (callers fold case before).
 */
export class PrefixTree<T> {
  private readonly root: Node<T> = { values: [], next: new Map() };

  add(key: string, value: T): void {
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      let next = node.next.get(key[i]);
      if (!next) {
        next = { values: [], next: new Map() };
        node.next.set(key[i], next);
      }
      node = next;
    }
    node.values.push(value);
  }

  *valuesPrefixing(text: string): Generator<T> {
    let node: Node<T> | undefined = this.root;
    for (let i = 0; node; i++) {
      yield* node.values;
      node = i < text.length ? node.next.get(text[i]) : undefined;
    }
  }

  /**
   * The values of every key that occurs in `text`, each key's once however often it occurs: a
   * walk from each position of the text as deep as some key follows it, so an answer costs the
   * text's length times the depth reached, and the values found, not the number of keys.
   */
  *valuesWithin(text: string): Generator<T> {
    const given = new Set<Node<T>>();
    for (let start = 0; start <= text.length; start++) {
      let node: Node<T> | undefined = this.root;
      for (let i = start; node; i++) {
        if (node.values.length > 0 && !given.has(node)) {
          given.add(node);
          yield* node.values;
        }
        node = i < text.length ? node.next.get(text[i]) : undefined;
      }
    }
  }
}

interface Node<T> {
  values: T[];
  next: Map<string, Node<T>>;
}
