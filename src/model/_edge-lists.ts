/**
 * The edges of the integer view (`Csr`) in its order: renumbered in out-list order (by source, then target, in
 * the nodes' sorted numbering), with the in-lists and the columns that ride along. A module of its own, importing
 * only the out-list sort, because it runs in two places: in the view's build (`_csr-build.ts`), and on the worker
 * thread that reads a large Parquet edges table (`io/formats/_parquet-edges-worker.ts`), which builds them while
 * the calling thread checks the edges: the same function on the same columns, so the same arrays.
 */
import { type OutLists, sortByTarget } from "./_out-list-sort.js";

/** The view's edge arrays (see `Csr`), and where each edge came from. */
export interface EdgeLists {
  outOffsets: Int32Array;
  inOffsets: Int32Array;
  /** In-lists: edge numbers grouped by target, each group sorted by source. */
  inEdges: Int32Array;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** View edge i → the caller's index of that edge (its keys move with it). */
  fileEdge: Int32Array;
  leadTime: Float64Array;
  /** Volumes, 0 where none was given (`volumeGiven` says which). */
  volume: Float64Array;
  volumeGiven: Uint8Array;
}

/**
 * The edges in the view's order. `source`/`target` hold each edge's ends as positions in the caller's node list
 * (every one in `0..n-1`), `rank` each such position's sorted node number; `leadIn`/`volumeIn` are by the
 * caller's edge index (NaN: not given). The inputs are only read (the edges' worker thread reads them while the
 * thread it shares them with checks them).
 */
export function edgeListsOf(
  n: number,
  source: Int32Array,
  target: Int32Array,
  rank: Int32Array,
  leadIn: Float64Array,
  volumeIn: Float64Array,
): EdgeLists {
  const m = source.length;
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const outCount = new Int32Array(n + 1);
  const inCount = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const si = rank[source[e]!]!;
    const ti = rank[target[e]!]!;
    edgeSource[e] = si;
    edgeTarget[e] = ti;
    outCount[si + 1]!++;
    inCount[ti + 1]!++;
  }
  for (let v = 0; v < n; v++) {
    outCount[v + 1]! += outCount[v]!;
    inCount[v + 1]! += inCount[v]!;
  }
  const outOffsets = outCount.slice();
  const inOffsets = inCount.slice();
  // Edges in a node's list are ordered by the other endpoint's index, so every traversal is deterministic.
  // Renumber the edges in out-list order (edge e = position e of the out-lists): a walk over a node's out-edges
  // then reads every edge array sequentially instead of at random, which at 10^6 nodes is most of the cost of a
  // traversal. File order is not kept anywhere else: keys move with their edges.
  // Out-lists: the edges grouped by source (a counting sort) with their target, file position, lead time and
  // volume written straight to their place, in one pass over the caller's edges: gathering them afterwards by
  // file position (a random read per edge and array) was most of the view's build at 10^6 nodes. Then each list
  // is sorted by target in place; lists are short (3.7 edges on average at 10^6 nodes).
  const targetOut = new Int32Array(m);
  const fileEdge = new Int32Array(m);
  const leadTime = new Float64Array(m);
  const volume = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const i = outCount[edgeSource[e]!]!++;
    targetOut[i] = edgeTarget[e]!;
    fileEdge[i] = e;
    leadTime[i] = leadIn[e]!;
    volume[i] = volumeIn[e]!;
  }
  const out: OutLists = { target: targetOut, edge: fileEdge, leadTime, volume };
  for (let v = 0; v < n; v++) sortByTarget(out, outOffsets[v]!, outOffsets[v + 1]!);
  const volumeGiven = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    if (Number.isNaN(volume[i]!)) volume[i] = 0;
    else volumeGiven[i] = 1;
  }
  // Sources need no lookup: the out-lists are grouped by source.
  for (let v = 0; v < n; v++) edgeSource.fill(v, outOffsets[v]!, outOffsets[v + 1]!);
  edgeTarget.set(targetOut);
  // In-lists: the renumbered edges, in order (by source, then target), appended to their target's list, which
  // leaves each sorted by source with no renumbering pass. `targetOut` is free again: it holds them.
  const inEdges = targetOut;
  for (let i = 0; i < m; i++) inEdges[inCount[edgeTarget[i]!]!++] = i;
  return { outOffsets, inOffsets, inEdges, edgeSource, edgeTarget, fileEdge, leadTime, volume, volumeGiven };
}

/** The view's sorted node number of each list position (`rank[order[v]] = v`), from the sorted order. */
export function rankOf(order: Int32Array): Int32Array {
  const rank = new Int32Array(order.length);
  for (let v = 0; v < order.length; v++) rank[order[v]!] = v;
  return rank;
}
