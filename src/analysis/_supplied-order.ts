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
 * The supplied nodes in a topological order of the supplied subgraph. Null when that subgraph has a cycle (some
 * supplied node never reaches in-degree 0). `runner` must be the run of `masks`. Treat the array as read-only.
 *
 * The supplied subgraph is a subgraph of the view's slot-filling graph, so when that graph is acyclic its
 * topological order, computed once per view, restricted to the supplied nodes is one: a fresh scenario then pays
 * a filter instead of a sort (the view's order is level by level, see `viewOrder`). Otherwise Kahn's algorithm
 * (1962) runs on the supplied subgraph itself, from the nodes of in-degree 0 in index order with a FIFO queue.
 * Either way the order depends on the graph alone.
 */
export function suppliedTopologicalOrder(csr: Csr, masks: Masks, runner: SupplyRunner): Int32Array | null {
  if (cache.has(runner)) return cache.get(runner)!;
  const whole = viewOrder(csr);
  let order: Int32Array | null;
  if (whole === null) order = kahnOrder(csr, masks, runner);
  else {
    order = new Int32Array(runner.count);
    let k = 0;
    for (let i = 0; i < whole.length; i++) if (runner.supplied[whole[i]!] === 1) order[k++] = whole[i]!;
  }
  cache.set(runner, order);
  return order;
}

const viewCache = new WeakMap<Csr, Int32Array | null>();

/**
 * A topological order of every node over the edges that fill a slot, level by level (a node's level is the
 * longest slot-filling path into it) and by index within a level; null when those edges form a cycle. Memoized.
 * Any topological order would do; this one makes the passes that follow it (dominators, routes) visit each
 * level's nodes in increasing index, so their per-node arrays are read forward rather than at random: at 10^6
 * nodes that took a fifth off the dominator pass.
 */
function viewOrder(csr: Csr): Int32Array | null {
  if (viewCache.has(csr)) return viewCache.get(csr)!;
  const { edgeSlot, edgeTarget, outOffsets } = csr;
  const indegree = new Int32Array(csr.n);
  for (let e = 0; e < csr.m; e++) if (edgeSlot[e]! >= 0) indegree[edgeTarget[e]!]!++;
  // Kahn (1962), recording each node's level as its in-edges are used up
  const kahn = new Int32Array(csr.n);
  const level = new Int32Array(csr.n);
  let tail = 0;
  for (let v = 0; v < csr.n; v++) if (indegree[v] === 0) kahn[tail++] = v;
  let levels = csr.n > 0 ? 1 : 0;
  for (let head = 0; head < tail; head++) {
    const u = kahn[head]!;
    const next = level[u]! + 1;
    for (let e = outOffsets[u]!, end = outOffsets[u + 1]!; e < end; e++) {
      if (edgeSlot[e]! < 0) continue;
      const t = edgeTarget[e]!;
      if (level[t]! < next) level[t] = next;
      if (--indegree[t]! === 0) {
        kahn[tail++] = t;
        if (next >= levels) levels = next + 1;
      }
    }
  }
  if (tail !== csr.n) {
    viewCache.set(csr, null);
    return null;
  }
  // counting sort by level, stable in index order
  const first = new Int32Array(levels + 1);
  for (let v = 0; v < csr.n; v++) first[level[v]! + 1]!++;
  for (let l = 0; l < levels; l++) first[l + 1]! += first[l]!;
  const order = kahn;
  for (let v = 0; v < csr.n; v++) order[first[level[v]!]!++] = v;
  viewCache.set(csr, order);
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
