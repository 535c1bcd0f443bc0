/**
 * A topological order of the supplied subgraph of one supply run (supplied nodes, kept edges that fill a slot),
 * shared by the dominators and the routes of that run, and memoized per run.
 */
import type { Csr, Masks } from "./_csr.js";
import type { SupplyRunner } from "./_propagate.js";
import { scratchInt32 } from "./_scratch.js";

// dominators, routes and the attack curves' demand-cut order all walk the same run in this order
const cache = new WeakMap<SupplyRunner, Int32Array | null>();

/**
 * The supplied nodes in a topological order of the supplied subgraph, by Kahn's algorithm (1962): sequential
 * passes over the edge arrays, cheaper than a DFS at 10^6 nodes. Nodes of in-degree 0 start in index order and
 * the queue is FIFO, so the order depends on the graph alone. Null when that subgraph has a cycle (some supplied
 * node never reaches in-degree 0). `runner` must be the run of `masks`. Treat the array as read-only.
 */
export function suppliedTopologicalOrder(csr: Csr, masks: Masks, runner: SupplyRunner): Int32Array | null {
  if (cache.has(runner)) return cache.get(runner)!;
  const order = kahnOrder(csr, masks, runner);
  cache.set(runner, order);
  return order;
}

function kahnOrder(csr: Csr, masks: Masks, runner: SupplyRunner): Int32Array | null {
  const { supplied } = runner;
  const { edgeAlive } = masks;
  const { edgeSlot, edgeSource, edgeTarget, outOffsets } = csr;
  const indegree = scratchInt32(csr, "kahn.indegree", csr.n);
  // edges are numbered in out-list order (model/csr.ts), so this pass reads every array sequentially
  for (let e = 0; e < csr.m; e++) {
    const t = edgeTarget[e]!;
    if (edgeAlive[e] === 1 && edgeSlot[e]! >= 0 && supplied[edgeSource[e]!] === 1 && supplied[t] === 1)
      indegree[t]!++;
  }
  const order = new Int32Array(runner.count);
  let tail = 0;
  for (let v = 0; v < csr.n; v++) if (supplied[v] === 1 && indegree[v] === 0) order[tail++] = v;
  for (let head = 0; head < tail; head++) {
    const u = order[head]!;
    // u is supplied: only the target's flags need checking
    for (let e = outOffsets[u]!, end = outOffsets[u + 1]!; e < end; e++) {
      const t = edgeTarget[e]!;
      if (edgeAlive[e] === 1 && edgeSlot[e]! >= 0 && supplied[t] === 1 && --indegree[t]! === 0)
        order[tail++] = t;
    }
  }
  return tail === runner.count ? order : null;
}
