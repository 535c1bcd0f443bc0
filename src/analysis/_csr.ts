/**
 * A compact, integer-indexed view of a supply graph (CSR: compressed sparse rows, in typed arrays), built once
 * from the graphology graph so the hot loops of every analysis run on arrays, not on string-keyed objects
 * (perf-anchors.md: graphology traversal is 20-50x slower at 10^6 nodes). Node indices follow the sorted ids,
 * so "ties broken by index" means "ties broken by id".
 *
 * Supply semantics live here too, as "slots": a node without a recipe has one slot that any supplier fills; a
 * node with a recipe has one slot per recipe material, filled only by suppliers whose `output` is that material.
 * A node is supplied when all its slots are filled (or it is a source of the FILE graph).
 */
import { isConsumer, isSource, type SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";

/** The integer view of a graph; scenario masks are separate (`scenarioMasks`), so one view serves many scenarios. */
export interface Csr {
  n: number;
  m: number;
  /** Index → node id (sorted). */
  ids: string[];
  index: Map<string, number>;
  /** Out-adjacency: out-edges of v are `outEdges[outOffsets[v] .. outOffsets[v+1])` (edge indices). */
  outOffsets: Int32Array;
  outEdges: Int32Array;
  /** In-adjacency, same layout. */
  inOffsets: Int32Array;
  inEdges: Int32Array;
  /** Edge index → endpoints, key, lead time (days; NaN when missing), baseline volume (0 when missing). */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeKeys: string[];
  leadTime: Float64Array;
  volume: Float64Array;
  /** Interned materials; `material[v]` = index of v's output, -1 when none. */
  materials: string[];
  material: Int32Array;
  /** Interned countries (sorted); `country[v]` = index. */
  countries: string[];
  country: Int32Array;
  /** 1 when v is a source of the file graph (no in-edge, not a consumer, not a stockpile). */
  source: Uint8Array;
  /** Demand (t/yr); > 0 marks a consumer. */
  demand: Float64Array;
  /** Slots of v: `slotOffsets[v] .. slotOffsets[v+1]`; `slotMaterial[s]` = recipe material or -1 (any). */
  slotOffsets: Int32Array;
  slotMaterial: Int32Array;
  /** The slot an edge fills at its target, -1 when its material is not in the target's recipe. */
  edgeSlot: Int32Array;
}

/** Node and edge masks of one scenario on a `Csr`: 1 = still there. */
export interface Masks {
  nodeAlive: Uint8Array;
  edgeAlive: Uint8Array;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function intern(table: Map<string, number>, list: string[], key: string): number {
  let i = table.get(key);
  if (i === undefined) {
    i = list.length;
    list.push(key);
    table.set(key, i);
  }
  return i;
}

/** Build the CSR view of a graph: one pass over nodes and one over edges. */
export function buildCsr(graph: SupplyGraph): Csr {
  const ids = graph.nodes().sort(compareIds);
  const n = ids.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(ids[i]!, i);

  const materialIndex = new Map<string, number>();
  const materials: string[] = [];
  const countryList = [...new Set(ids.map((id) => graph.getNodeAttribute(id, "country")))].sort(compareIds);
  const countryIndex = new Map(countryList.map((c, i) => [c, i]));
  const material = new Int32Array(n).fill(-1);
  const country = new Int32Array(n);
  const source = new Uint8Array(n);
  const demand = new Float64Array(n);
  const slotOffsets = new Int32Array(n + 1);
  const slotLists: number[][] = [];
  for (let v = 0; v < n; v++) {
    const id = ids[v]!;
    const a = graph.getNodeAttributes(id);
    if (a.output !== undefined) material[v] = intern(materialIndex, materials, a.output);
    country[v] = countryIndex.get(a.country)!;
    source[v] = isSource(graph, id) ? 1 : 0;
    demand[v] = isConsumer(a) ? a.demand! : 0;
    const recipe = a.recipe ? Object.keys(a.recipe).sort(compareIds) : [];
    const slots = recipe.length > 0 ? recipe.map((r) => intern(materialIndex, materials, r)) : [-1];
    slotLists.push(slots);
    slotOffsets[v + 1] = slotOffsets[v]! + slots.length;
  }
  const slotMaterial = new Int32Array(slotOffsets[n]!);
  for (let v = 0; v < n; v++) slotMaterial.set(slotLists[v]!, slotOffsets[v]!);

  const m = graph.size;
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const edgeKeys: string[] = new Array(m);
  const leadTime = new Float64Array(m);
  const volume = new Float64Array(m);
  const outCount = new Int32Array(n + 1);
  const inCount = new Int32Array(n + 1);
  let e = 0;
  graph.forEachEdge((key, attributes, s, t) => {
    const si = index.get(s)!;
    const ti = index.get(t)!;
    edgeSource[e] = si;
    edgeTarget[e] = ti;
    edgeKeys[e] = key;
    leadTime[e] = attributes.leadTimeDays ?? Number.NaN;
    volume[e] = attributes.volume ?? 0;
    outCount[si + 1]!++;
    inCount[ti + 1]!++;
    e++;
  });
  for (let v = 0; v < n; v++) {
    outCount[v + 1]! += outCount[v]!;
    inCount[v + 1]! += inCount[v]!;
  }
  const outOffsets = outCount.slice();
  const inOffsets = inCount.slice();
  const outEdges = new Int32Array(m);
  const inEdges = new Int32Array(m);
  // Edges in a node's list are ordered by the other endpoint's index, so every traversal is deterministic.
  // Two stable counting-sort passes (radix sort on (source, target)), linear and allocation-free: filling the
  // in-lists in edge order groups edges by target; walking those lists target by target and appending to the
  // out-lists leaves each out-list sorted by target. The same walk over the out-lists sorts the in-lists.
  const inByEdge = new Int32Array(m);
  const fillIn = inCount.slice();
  for (let i = 0; i < m; i++) inByEdge[fillIn[edgeTarget[i]!]!++] = i;
  for (let i = 0; i < m; i++) {
    const e = inByEdge[i]!;
    outEdges[outCount[edgeSource[e]!]!++] = e;
  }
  for (let i = 0; i < m; i++) {
    const e = outEdges[i]!;
    inEdges[inCount[edgeTarget[e]!]!++] = e;
  }

  const edgeSlot = new Int32Array(m).fill(-1);
  for (let i = 0; i < m; i++) {
    const t = edgeTarget[i]!;
    const from = slotOffsets[t]!;
    const to = slotOffsets[t + 1]!;
    if (slotMaterial[from] === -1) edgeSlot[i] = from;
    else {
      const mat = material[edgeSource[i]!]!;
      for (let s = from; s < to; s++) if (slotMaterial[s] === mat) edgeSlot[i] = s;
    }
  }
  return {
    n,
    m,
    ids,
    index,
    outOffsets,
    outEdges,
    inOffsets,
    inEdges,
    edgeSource,
    edgeTarget,
    edgeKeys,
    leadTime,
    volume,
    materials,
    material,
    countries: countryList,
    country,
    source,
    demand,
    slotOffsets,
    slotMaterial,
    edgeSlot,
  };
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
  for (const id of applied.nodeOut) {
    const v = csr.index.get(id);
    if (v !== undefined) nodeAlive[v] = 0;
  }
  for (let e = 0; e < csr.m; e++) {
    if (
      !nodeAlive[csr.edgeSource[e]!] ||
      !nodeAlive[csr.edgeTarget[e]!] ||
      applied.edgeOut.has(csr.edgeKeys[e]!)
    )
      edgeAlive[e] = 0;
  }
  return { nodeAlive, edgeAlive };
}

/** The node indices that are consumers of the file, in index (= id) order. */
export function consumerIndices(csr: Csr): Int32Array {
  const out: number[] = [];
  for (let v = 0; v < csr.n; v++) if (csr.demand[v]! > 0) out.push(v);
  return Int32Array.from(out);
}
