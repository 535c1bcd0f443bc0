/**
 * Reference for the property tests: Edmonds-Karp max-flow (Edmonds & Karp, J. ACM 19(2), 1972) on the
 * node-split network of a graph without recipes. Small and obviously correct, not fast.
 */
import { isSource, type SupplyGraph } from "../../src/model/types.js";

const INF = 1e12;

/** Max-flow from a super-source (feeding every source) to a super-sink (fed by every consumer's demand). */
export function referenceMaxFlow(graph: SupplyGraph): number {
  const ids = graph.nodes();
  const n = ids.length;
  const inOf = (i: number) => 2 + 2 * i;
  const outOf = (i: number) => 3 + 2 * i;
  const size = 2 + 2 * n;
  const cap: number[][] = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const at = new Map(ids.map((id, i) => [id, i]));
  for (const [i, id] of ids.entries()) {
    const a = graph.getNodeAttributes(id);
    if (isSource(graph, id)) cap[0]![inOf(i)] = INF;
    if ((a.demand ?? 0) > 0) cap[inOf(i)]![1] = a.demand!;
    else cap[inOf(i)]![outOf(i)] = a.capacity ?? INF;
  }
  graph.forEachEdge((_k, e, s, t) => {
    cap[outOf(at.get(s)!)]![inOf(at.get(t)!)] = e.capacity ?? INF;
  });
  let total = 0;
  for (;;) {
    const parent = new Array<number>(size).fill(-1);
    parent[0] = 0;
    const queue = [0];
    for (let h = 0; h < queue.length && parent[1] === -1; h++) {
      const u = queue[h]!;
      for (let v = 0; v < size; v++) {
        if (parent[v] === -1 && cap[u]![v]! > 1e-12) {
          parent[v] = u;
          queue.push(v);
        }
      }
    }
    if (parent[1] === -1) return total;
    let push = INF;
    for (let v = 1; v !== 0; v = parent[v]!) push = Math.min(push, cap[parent[v]!]![v]!);
    for (let v = 1; v !== 0; v = parent[v]!) {
      cap[parent[v]!]![v]! -= push;
      cap[v]![parent[v]!]! += push;
    }
    total += push;
  }
}
