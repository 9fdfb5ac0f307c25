/**
 * SQL Server refuses a foreign key whose cascading action (CASCADE, SET NULL, SET DEFAULT)
 * would give some table two cascade paths from another table, or a cycle (Msg 1785: "may
 * cause cycles or multiple cascade paths"). SQLite has no such rule, and schemas written for
 * it often have one (users → posts → comments and users → comments, all ON DELETE CASCADE).
 * This keeps the cascade graph of the keys written so far, one graph per event (DELETE,
 * UPDATE), and says whether another cascading key can join it.
 */
export class CascadePaths {
  /** parent → children and child → parents, by lower-cased table name. */
  private readonly children = new Map<string, Set<string>>();
  private readonly parents = new Map<string, Set<string>>();

  /** Adds the edge parent → child when it creates no second path and no cycle; false when it would. */
  tryAdd(parent: string, child: string): boolean {
    const from = parent.toLowerCase();
    const to = child.toLowerCase();
    if (from === to) return false;
    // Every table that reaches `from` would reach `to` and all below it through the new key.
    const sources = reach([from], this.parents);
    if (sources.has(to)) return false; // a cycle
    const targets = reach([to], this.children);
    const reachedBefore = reach([...sources], this.children, false);
    for (const target of targets) if (reachedBefore.has(target)) return false;
    link(this.children, from, to);
    link(this.parents, to, from);
    return true;
  }
}

function link(edges: Map<string, Set<string>>, from: string, to: string): void {
  let set = edges.get(from);
  if (!set) edges.set(from, (set = new Set()));
  set.add(to);
}

/** The nodes reachable from `starts` along `edges`, the starts included unless `includeStarts` is false. */
function reach(starts: readonly string[], edges: ReadonlyMap<string, ReadonlySet<string>>, includeStarts = true): Set<string> {
  const seen = new Set<string>(includeStarts ? starts : []);
  const stack = [...starts];
  while (stack.length > 0) {
    for (const next of edges.get(stack.pop() as string) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}
