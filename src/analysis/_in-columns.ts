/**
 * A view's in-edge lists as columns: for each position i of `csr.inEdges`, that edge's source and recipe slot.
 * A pass over each node's suppliers then reads memory in order instead of jumping to every edge's own entry:
 * at 10^6 nodes those jumps (`edgeSource[inEdges[i]]`) were most of the dominator pass. Built on first use and
 * memoized per view (8 bytes per edge).
 */
import type { Csr } from "./_csr.js";

/** `source[i]` and `slot[i]` belong to the edge `csr.inEdges[i]`. */
export interface InColumns {
  source: Int32Array;
  slot: Int32Array;
}

const cache = new WeakMap<Csr, InColumns>();

/** The in-edge columns of `csr` (treat as read-only). */
export function inColumns(csr: Csr): InColumns {
  const cached = cache.get(csr);
  if (cached) return cached;
  const source = new Int32Array(csr.m);
  const slot = new Int32Array(csr.m);
  for (let i = 0; i < csr.m; i++) {
    const e = csr.inEdges[i]!;
    source[i] = csr.edgeSource[e]!;
    slot[i] = csr.edgeSlot[e]!;
  }
  const columns = { source, slot };
  cache.set(csr, columns);
  return columns;
}
