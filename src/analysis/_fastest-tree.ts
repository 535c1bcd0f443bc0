/**
 * The fastest-route tree of one state for `routes`: lead-time distances from the supplied sources to every
 * supplied node over kept edges that fill a slot, and each node's predecessor edge. Ties go to the smaller
 * predecessor index (= id), then to the first edge in out-list order.
 *
 * Two algorithms, one result. When the supplied subgraph is acyclic and every edge on it takes a positive lead
 * time (supply chains almost always), shortest paths on a DAG in topological order (Cormen et al., "DAG shortest
 * paths"): one pass over the in-edges, linear, where at 10^6 nodes the heap's random reads were most of the cost.
 * Otherwise a multi-source Dijkstra (1959) with an indexed binary heap. With positive weights every tight
 * predecessor is settled before its target in Dijkstra, so both pick the same edge; with a zero-day edge the
 * pop order decides ties, so that case always takes Dijkstra.
 */
import type { Csr, Masks } from "./_csr.js";
import type { SupplyRunner } from "./_propagate.js";
import { suppliedTopologicalOrder } from "./_supplied-order.js";

/** Distances (Infinity = not supplied) and predecessor edges (-1 = a source or not supplied), by node. */
export interface FastestTree {
  dist: Float64Array;
  pred: Int32Array;
}

/** The fastest-route tree of a supply run (`runner` must be the run of `masks`). */
export function fastestTreeOf(
  csr: Csr,
  masks: Masks,
  runner: SupplyRunner,
  defaultLeadTime: number,
): FastestTree {
  const order = suppliedTopologicalOrder(csr, masks, runner);
  return (
    (order && dagTree(csr, masks, runner.supplied, order, defaultLeadTime)) ??
    dijkstraTree(csr, masks, runner.supplied, defaultLeadTime)
  );
}

/** DAG shortest paths in `order` (topological); null when an edge on the subgraph takes 0 days (see the header). */
export function dagTree(
  csr: Csr,
  masks: Masks,
  supplied: Uint8Array,
  order: Int32Array,
  defaultLeadTime: number,
): FastestTree | null {
  const dist = new Float64Array(csr.n).fill(Number.POSITIVE_INFINITY);
  const pred = new Int32Array(csr.n).fill(-1);
  const { outOffsets, edgeTarget, edgeSource, edgeSlot, source, leadTime } = csr;
  const edgeAlive = masks.edgeAlive;
  for (let k = 0; k < order.length; k++) {
    const u = order[k]!;
    if (source[u] === 1) dist[u] = 0;
    const d0 = dist[u]!;
    // a supplied node no route reaches (a stock-fed one) relaxes nothing, as Dijkstra never settles it
    if (d0 === Number.POSITIVE_INFINITY) continue;
    // Relax u's out-edges once u is final (its suppliers came earlier in the order). Edges are numbered in
    // out-list order, so these reads are sequential; on a tie the smaller source index keeps the target, and of
    // parallel edges the first, as in Dijkstra.
    for (let e = outOffsets[u]!, end = outOffsets[u + 1]!; e < end; e++) {
      if (edgeAlive[e] !== 1 || edgeSlot[e]! < 0) continue;
      const v = edgeTarget[e]!;
      if (supplied[v] !== 1 || source[v] === 1) continue;
      const lt = leadTime[e]!;
      const w = Number.isNaN(lt) ? defaultLeadTime : lt;
      if (w === 0) return null;
      const d = d0 + w;
      if (d < dist[v]! || (d === dist[v] && u < edgeSource[pred[v]!]!)) {
        dist[v] = d;
        pred[v] = e;
      }
    }
  }
  return { dist, pred };
}

/** Multi-source Dijkstra over supplied nodes (any graph, zero-day edges included). */
export function dijkstraTree(
  csr: Csr,
  masks: Masks,
  supplied: Uint8Array,
  defaultLeadTime: number,
): FastestTree {
  const dist = new Float64Array(csr.n).fill(Number.POSITIVE_INFINITY);
  const pred = new Int32Array(csr.n).fill(-1);
  // One byte per node says whether an edge may still improve it: supplied, not a source, not finished. One
  // random read per edge instead of three (done, supplied, source): at 10^6 nodes those cache misses were the
  // cost of the search, not the heap.
  const open = new Uint8Array(csr.n);
  for (let v = 0; v < csr.n; v++) open[v] = supplied[v] === 1 && csr.source[v] !== 1 ? 1 : 0;
  // Indexed binary heap of nodes keyed by (dist, index), with decrease-key: each node sits in it at most once,
  // so it holds at most n entries (a lazy heap pushed once per improvement: up to m, and twice the time).
  const heap = new Int32Array(csr.n);
  const at = new Int32Array(csr.n).fill(-1);
  let size = 0;
  const less = (a: number, b: number) => dist[a]! < dist[b]! || (dist[a] === dist[b] && a < b);
  const place = (i: number, v: number) => {
    heap[i] = v;
    at[v] = i;
  };
  const up = (i: number) => {
    const v = heap[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const w = heap[p]!;
      if (!less(v, w)) break;
      place(i, w);
      i = p;
    }
    place(i, v);
  };
  const down = (i: number) => {
    const v = heap[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && less(heap[r]!, heap[l]!) ? r : l;
      if (!less(heap[c]!, v)) break;
      place(i, heap[c]!);
      i = c;
    }
    place(i, v);
  };
  const { outOffsets, outEdges, edgeTarget, edgeSlot, source, leadTime } = csr;
  const edgeAlive = masks.edgeAlive;
  for (let v = 0; v < csr.n; v++) {
    if (source[v] === 1 && supplied[v] === 1) {
      dist[v] = 0;
      heap[size] = v;
      at[v] = size++;
    }
  }
  // sources all have distance 0 and were added in index order: already a heap
  while (size > 0) {
    const u = heap[0]!;
    at[u] = -1;
    size--;
    if (size > 0) {
      heap[0] = heap[size]!;
      at[heap[0]!] = 0;
      down(0);
    }
    open[u] = 0;
    const d0 = dist[u]!;
    for (let i = outOffsets[u]!, end = outOffsets[u + 1]!; i < end; i++) {
      const e = outEdges[i]!;
      if (edgeAlive[e] !== 1 || edgeSlot[e]! < 0) continue;
      const v = edgeTarget[e]!;
      if (open[v] !== 1) continue;
      const lt = leadTime[e]!;
      const d = d0 + (Number.isNaN(lt) ? defaultLeadTime : lt);
      // on a tie, the smaller predecessor id wins; a finished node keeps its path (zero-day cycles cannot loop)
      if (d < dist[v]!) {
        dist[v] = d;
        pred[v] = e;
        if (at[v] === -1) {
          heap[size] = v;
          at[v] = size++;
        }
        up(at[v]!);
      } else if (d === dist[v] && pred[v] !== -1 && u < csr.edgeSource[pred[v]!]!) pred[v] = e;
    }
  }
  return { dist, pred };
}
