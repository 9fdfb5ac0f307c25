/**
 * SQL Server refuses a foreign key whose cascading action (CASCADE, SET NULL, SET DEFAULT)
 * would give some table two cascade paths from another table, or a cycle (Msg 1785: "may
 * cause cycles or multiple cascade paths"). SQLite has no such rule, and schemas written for
 * it often have one (users → posts → comments and users → comments, all ON DELETE CASCADE).
 * This keeps the cascade graph of the keys written so far, one graph per event (DELETE,
 * UPDATE), and says whether another cascading key can join it.
 */
export class CascadePaths {
  /** parent → children, by lower-cased table name. */
  private readonly edges = new Map<string, Set<string>>();

  /** Adds the edge parent → child when it creates no second path and no cycle; false when it would. */
  tryAdd(parent: string, child: string): boolean {
    const from = parent.toLowerCase();
    const to = child.toLowerCase();
    if (from === to) return false;
    const sources = this.ancestors(from);
    sources.add(from);
    if (sources.has(to)) return false; // a cycle
    const targets = this.descendants(to);
    targets.add(to);
    for (const source of sources) {
      const reached = this.descendants(source);
      for (const target of targets) if (reached.has(target)) return false;
    }
    let children = this.edges.get(from);
    if (!children) this.edges.set(from, (children = new Set()));
    children.add(to);
    return true;
  }

  private descendants(node: string): Set<string> {
    const seen = new Set<string>();
    const stack = [node];
    while (stack.length > 0) {
      for (const child of this.edges.get(stack.pop() as string) ?? []) {
        if (!seen.has(child)) {
          seen.add(child);
          stack.push(child);
        }
      }
    }
    return seen;
  }

  private ancestors(node: string): Set<string> {
    const seen = new Set<string>();
    const stack = [node];
    while (stack.length > 0) {
      const current = stack.pop() as string;
      for (const [parent, children] of this.edges) {
        if (children.has(current) && !seen.has(parent)) {
          seen.add(parent);
          stack.push(parent);
        }
      }
    }
    return seen;
  }
}
