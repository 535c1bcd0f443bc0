/**
 * The supply cone of a node: every alive node with a kept path to it over edges that fill a slot (its possible
 * suppliers, direct or indirect). Country sets and fewest failures search only the cone, so their cost per
 * consumer is the size of its cone, not of the graph.
 */
import type { Csr, Masks } from "./_csr.js";

/**
 * Nodes of the cone of `target` (target first), found by reverse BFS. Marks them in `mark` (set to 1); the
 * caller clears `mark` for the returned nodes after use.
 */
export function supplyCone(csr: Csr, masks: Masks, target: number, mark: Uint8Array): Int32Array {
  const list: number[] = [target];
  mark[target] = 1;
  for (let head = 0; head < list.length; head++) {
    const v = list[head]!;
    for (let i = csr.inOffsets[v]!, end = csr.inOffsets[v + 1]!; i < end; i++) {
      const e = csr.inEdges[i]!;
      const u = csr.edgeSource[e]!;
      if (mark[u] || masks.edgeAlive[e] !== 1 || masks.nodeAlive[u] !== 1 || csr.edgeSlot[e]! < 0) continue;
      mark[u] = 1;
      list.push(u);
    }
  }
  return Int32Array.from(list);
}

/** Clear the marks of a cone. */
export function clearCone(cone: Int32Array, mark: Uint8Array): void {
  for (const v of cone) mark[v] = 0;
}
