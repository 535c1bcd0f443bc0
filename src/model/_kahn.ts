/**
 * One topological order for the passes that walk a network from its sources down (the flow models' loss bounds
 * and propagation rules, origin content, look-through concentration): Kahn's algorithm (A. B. Kahn,
 * "Topological sorting of large networks", CACM 5(11), 1962) with a first-in-first-out queue seeded in index
 * order, so the order depends on node indices and arc order only, never on a Map's or a Set's history.
 *
 * Nodes on a directed cycle (recycling loops), or downstream of one, never reach in-degree 0; they follow the
 * others in index order, and `acyclic` says where they start. Callers that iterate to a fixed point on cycles
 * use the whole order; callers that need a true topological order check `acyclic === order.length`.
 *
 * The core passes at 10^6 nodes keep their own level-by-level order on the integer view (`_supplied-order.ts`):
 * they need it per scenario and allocation-free, where this one is for networks of at most 10^5 nodes.
 */

/** A Kahn order of a network's kept nodes. */
export interface KahnOrder {
  /** The kept nodes: first a topological order of those not on or behind a cycle, then the others by index. */
  order: Int32Array;
  /** How many nodes of `order` come before the first on or behind a cycle (`order.length` when acyclic). */
  acyclic: number;
}

/**
 * Calls `visit(target)` for each arc out of node `v`, in the order Kahn's queue should take them. An arc to a
 * node outside `kept` is ignored.
 */
export type ForEachOutArc = (v: number, visit: (target: number) => void) => void;

/**
 * Kahn's order of the nodes `0..n-1` (those with `kept[v] === 1` when `kept` is given) over the arcs
 * `forEachOut` gives between kept nodes.
 */
export function kahnOrder(n: number, forEachOut: ForEachOutArc, kept?: Uint8Array): KahnOrder {
  const isKept = (v: number): boolean => kept === undefined || kept[v] === 1;
  const indegree = new Int32Array(n);
  let count = 0;
  for (let v = 0; v < n; v++) {
    if (!isKept(v)) continue;
    count++;
    forEachOut(v, (w) => {
      if (isKept(w)) indegree[w]!++;
    });
  }
  const order = new Int32Array(count);
  let tail = 0;
  for (let v = 0; v < n; v++) if (isKept(v) && indegree[v] === 0) order[tail++] = v;
  const release = (w: number): void => {
    if (isKept(w) && --indegree[w]! === 0) order[tail++] = w;
  };
  for (let head = 0; head < tail; head++) forEachOut(order[head]!, release);
  const acyclic = tail;
  // what is left has in-degree > 0 still: on a cycle, or fed by one
  for (let v = 0; v < n && tail < count; v++) if (isKept(v) && indegree[v]! > 0) order[tail++] = v;
  return { order, acyclic };
}
