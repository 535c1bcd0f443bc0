/**
 * Maximum flow by Dinic's algorithm (E. A. Dinic, "Algorithm for solution of a problem of maximum flow in
 * networks with power estimation", Soviet Math. Doklady 11, 1970) with current-arc pointers, on typed arrays.
 * Written here because graphology has no max-flow, and the networks we need (unit node capacities on split
 * nodes, a few hundred to a few thousand arcs per consumer) are small. O(V² E) in general; on unit-capacity
 * split-node networks O(E √V) (Even & Tarjan 1975).
 */

/** A flow network under construction: add arcs, then `maxFlow`. */
export class FlowNetwork {
  private head: Int32Array;
  private to: number[] = [];
  private cap: number[] = [];
  private next: number[] = [];

  constructor(readonly size: number) {
    this.head = new Int32Array(size).fill(-1);
  }

  /** Add an arc u → v with capacity `capacity` (and its residual twin). */
  addArc(u: number, v: number, capacity: number): void {
    for (const [a, b, c] of [
      [u, v, capacity],
      [v, u, 0],
    ] as const) {
      this.to.push(b);
      this.cap.push(c);
      this.next.push(this.head[a]!);
      this.head[a] = this.to.length - 1;
    }
  }

  /** The maximum flow from `s` to `t` (stops early once it reaches `limit`). Consumes the capacities. */
  maxFlow(s: number, t: number, limit = Number.POSITIVE_INFINITY): number {
    const { size, head, to, cap, next } = this;
    const level = new Int32Array(size);
    const current = new Int32Array(size);
    const queue = new Int32Array(size);
    let flow = 0;
    const bfs = (): boolean => {
      level.fill(-1);
      level[s] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = s;
      while (qh < qt) {
        const u = queue[qh++]!;
        for (let a = head[u]!; a !== -1; a = next[a]!) {
          const v = to[a]!;
          if (cap[a]! > 0 && level[v] === -1) {
            level[v] = level[u]! + 1;
            queue[qt++] = v;
          }
        }
      }
      return level[t] !== -1;
    };
    // Recursion depth is at most the BFS level of t, i.e. the length of a shortest augmenting path.
    const dfs = (u: number, pushed: number): number => {
      if (u === t) return pushed;
      for (; current[u] !== -1; current[u] = next[current[u]!]!) {
        const a = current[u]!;
        const v = to[a]!;
        if (cap[a]! <= 0 || level[v] !== level[u]! + 1) continue;
        const got = dfs(v, Math.min(pushed, cap[a]!));
        if (got > 0) {
          cap[a]! -= got;
          cap[a ^ 1]! += got;
          return got;
        }
      }
      return 0;
    };
    while (flow < limit && bfs()) {
      current.set(head);
      for (let got = dfs(s, Number.POSITIVE_INFINITY); got > 0; got = dfs(s, Number.POSITIVE_INFINITY)) {
        flow += got;
        if (flow >= limit) break;
      }
    }
    return flow;
  }
}
