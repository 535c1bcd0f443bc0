/**
 * Scenario masks on the integer view (`model/csr.ts`): which nodes and edges a scenario leaves, memoized per
 * (view, scenario).
 */
import type { Csr } from "../model/csr.js";
import { nodeIndicesOf } from "../scenario/_node-indices.js";
import type { AppliedScenario } from "../scenario/types.js";

export {
  buildCsr,
  type Csr,
  csrOf,
  edgeKeyOf,
  type GraphInput,
  isCsr,
  nodeAttributesOf,
} from "../model/csr.js";

/** Node and edge masks of one scenario on a `Csr`: 1 = still there. */
export interface Masks {
  nodeAlive: Uint8Array;
  edgeAlive: Uint8Array;
  /** 1 = removed by the scenario's selectors (not merely excluded pipeline or idle). */
  removed: Uint8Array;
  /**
   * Whether the scenario cuts an edge whose two ends are still there. When it does not, an edge is alive exactly
   * when both its ends are, so a pass that already checks its ends can skip `edgeAlive` (a scattered read per
   * edge: most of the dominator pass at 10^6 nodes).
   */
  cutsLiveEdges: boolean;
}

// Several analyses of one `analyze` run ask for the same masks: computed once per (view, scenario).
const masksCache = new WeakMap<Csr, WeakMap<AppliedScenario, Masks>>();

/**
 * The masks of an applied scenario: removed and excluded nodes, cut edges and edges of dead nodes are 0.
 * Memoized per (view, scenario): treat the arrays as read-only.
 */
export function scenarioMasks(csr: Csr, applied: AppliedScenario): Masks {
  let byScenario = masksCache.get(csr);
  if (!byScenario) {
    byScenario = new WeakMap();
    masksCache.set(csr, byScenario);
  }
  const cached = byScenario.get(applied);
  if (cached) return cached;
  const masks = computeMasks(csr, applied);
  byScenario.set(applied, masks);
  return masks;
}

function computeMasks(csr: Csr, applied: AppliedScenario): Masks {
  const nodeAlive = new Uint8Array(csr.n).fill(1);
  const edgeAlive = new Uint8Array(csr.m).fill(1);
  const removed = new Uint8Array(csr.n);
  const indices = nodeIndicesOf(applied, csr);
  if (indices) {
    // resolved over this view: its nodes by index (nodeOut = removed ∪ excluded)
    for (const v of indices.removed) {
      nodeAlive[v] = 0;
      removed[v] = 1;
    }
    for (const v of indices.excluded) nodeAlive[v] = 0;
  } else {
    for (const id of applied.nodeOut) {
      const v = csr.index.get(id);
      if (v !== undefined) nodeAlive[v] = 0;
    }
    for (const id of applied.removedNodes) {
      const v = csr.index.get(id);
      if (v !== undefined) removed[v] = 1;
    }
  }
  // the edges of the nodes that are out, from their own lists: O(their degrees), where a pass over every edge
  // reads a random target per edge (a scenario usually takes out a small part of the graph)
  const { outOffsets, outEdges, inOffsets, inEdges } = csr;
  for (let v = 0; v < csr.n; v++) {
    if (nodeAlive[v] === 1) continue;
    for (let i = outOffsets[v]!, end = outOffsets[v + 1]!; i < end; i++) edgeAlive[outEdges[i]!] = 0;
    for (let i = inOffsets[v]!, end = inOffsets[v + 1]!; i < end; i++) edgeAlive[inEdges[i]!] = 0;
  }
  // Cut edges are found from their ends (edges of nodes that are out are implied): no key lookups at all.
  let cutsLiveEdges = false;
  for (const [sourceId, targetId] of applied.cutEdgeEnds) {
    const s = csr.index.get(sourceId);
    const t = csr.index.get(targetId);
    if (s === undefined || t === undefined) continue;
    for (let i = csr.outOffsets[s]!; i < csr.outOffsets[s + 1]!; i++) {
      const e = csr.outEdges[i]!;
      if (csr.edgeTarget[e] !== t) continue;
      if (edgeAlive[e] === 1) cutsLiveEdges = true;
      edgeAlive[e] = 0;
    }
  }
  return { nodeAlive, edgeAlive, removed, cutsLiveEdges };
}

const consumersCache = new WeakMap<Csr, Int32Array>();

/** The node indices that are consumers of the file, in index (= id) order. Memoized: treat as read-only. */
export function consumerIndices(csr: Csr): Int32Array {
  const cached = consumersCache.get(csr);
  if (cached) return cached;
  let count = 0;
  for (let v = 0; v < csr.n; v++) if (csr.demand[v]! > 0) count++;
  const out = new Int32Array(count);
  for (let v = 0, k = 0; v < csr.n; v++) if (csr.demand[v]! > 0) out[k++] = v;
  consumersCache.set(csr, out);
  return out;
}
