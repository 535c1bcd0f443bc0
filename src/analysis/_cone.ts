/**
 * The supply cone of a node: every alive node with a kept path to it over edges that fill a slot (its possible
 * suppliers, direct or indirect). Country sets and fewest failures search only the cone, so their cost per
 * consumer is the size of its cone, not of the graph.
 */
import type { Csr, Masks } from "./_csr.js";
import type { SupplyView } from "./_propagate.js";

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

/**
 * A self-contained supply view of a cone (local indices 0..k-1 in the order of `cone`), holding only the kept
 * edges between cone nodes. Repeated supply runs on it cost the cone's size, not the out-degree of its hubs
 * into the rest of the graph. `local` is scratch of size `csr.n` (left dirty only at cone positions).
 */
export function coneView(
  csr: Csr,
  masks: Masks,
  cone: Int32Array,
  mark: Uint8Array,
  local: Int32Array,
): SupplyView {
  const k = cone.length;
  cone.forEach((v, i) => {
    local[v] = i;
  });
  const slotOffsets = new Int32Array(k + 1);
  for (let i = 0; i < k; i++) {
    const v = cone[i]!;
    slotOffsets[i + 1] = slotOffsets[i]! + csr.slotOffsets[v + 1]! - csr.slotOffsets[v]!;
  }
  const slotMaterial = new Int32Array(slotOffsets[k]!);
  const outOffsets = new Int32Array(k + 1);
  const targets: number[] = [];
  const slots: number[] = [];
  for (let i = 0; i < k; i++) {
    const v = cone[i]!;
    slotMaterial.set(
      csr.slotMaterial.subarray(csr.slotOffsets[v]!, csr.slotOffsets[v + 1]!),
      slotOffsets[i]!,
    );
    for (let j = csr.outOffsets[v]!, end = csr.outOffsets[v + 1]!; j < end; j++) {
      const e = csr.outEdges[j]!;
      const w = csr.edgeTarget[e]!;
      const slot = csr.edgeSlot[e]!;
      if (mark[w] !== 1 || masks.edgeAlive[e] !== 1 || slot < 0) continue;
      targets.push(local[w]!);
      slots.push(slotOffsets[local[w]!]! + slot - csr.slotOffsets[w]!);
    }
    outOffsets[i + 1] = targets.length;
  }
  return {
    n: k,
    slotOffsets,
    slotMaterial,
    outOffsets,
    outEdges: Int32Array.from(targets, (_, i) => i),
    edgeSlot: Int32Array.from(slots),
    edgeTarget: Int32Array.from(targets),
    source: Uint8Array.from(cone, (v) => csr.source[v]!),
    country: Int32Array.from(cone, (v) => csr.country[v]!),
  };
}
