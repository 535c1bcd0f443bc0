/**
 * The flow network a scenario leaves: an integer-indexed view of the kept nodes and edges with everything the
 * flow model needs (capacities under the scenario, recipes, sources decided on the FILE graph, demand).
 * Built once per solve in O(n + m); the LP builder and the proportional propagation both read it.
 */
import { isConsumer, isSource, isStockpile, type SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { scenarioCapacity } from "../scenario/apply-scenario.js";

/** One kept edge. `material` is the source node's `output`. */
export interface FlowEdge {
  key: string;
  source: number;
  target: number;
  capacity: number | undefined;
  material: string | undefined;
  /** Baseline volume (0 when absent). */
  volume: number;
}

/** The scenario's flow network; node and edge arrays are sorted by id / key so everything downstream is deterministic. */
export interface FlowModel {
  /** Kept node ids, sorted. Stockpiles carry no flow and are never in it. */
  nodes: string[];
  index: Map<string, number>;
  /** Source of the file graph (no other limit than its capacity). */
  source: boolean[];
  /** Output capacity under the scenario; undefined = not limited. */
  capacity: Array<number | undefined>;
  recipe: Array<Record<string, number> | undefined>;
  /** Demand per year; 0 for non-consumers. */
  demand: number[];
  country: string[];
  /** Display labels (data, not ids: what id-independent tie-breaks may use). */
  label: string[];
  edges: FlowEdge[];
  outEdges: number[][];
  inEdges: number[][];
  /** Baseline out-volume of each node over ALL its file edges (kept or not): the base of proportional shares. */
  baselineOut: number[];
  /** Consumer node indices, sorted by id. */
  consumers: number[];
}

/**
 * Build the flow network of `graph` under `applied`, with `without` removed as well (the N-1 sweep).
 * Nodes the scenario removes or excludes, stockpiles and nodes in `without` carry no flow; cut edges are gone.
 */
export function buildFlowModel(
  graph: SupplyGraph,
  applied: AppliedScenario,
  without: ReadonlySet<string> = new Set(),
): FlowModel {
  const nodes = graph
    .nodes()
    .filter((id) => !applied.nodeOut.has(id) && !without.has(id) && !isStockpile(graph.getNodeAttributes(id)))
    .sort();
  const index = new Map(nodes.map((id, i) => [id, i]));
  const model: FlowModel = {
    nodes,
    index,
    source: [],
    capacity: [],
    recipe: [],
    demand: [],
    country: [],
    label: [],
    edges: [],
    outEdges: nodes.map(() => []),
    inEdges: nodes.map(() => []),
    baselineOut: [],
    consumers: [],
  };
  const outputs: Array<string | undefined> = [];
  for (const [i, id] of nodes.entries()) {
    const a = graph.getNodeAttributes(id);
    outputs.push(a.output);
    model.source.push(isSource(graph, id));
    model.capacity.push(scenarioCapacity(graph, applied, id));
    model.recipe.push(a.recipe && Object.keys(a.recipe).length > 0 ? a.recipe : undefined);
    model.demand.push(isConsumer(a) ? a.demand! : 0);
    model.country.push(a.country);
    model.label.push(a.label);
    let out = 0;
    graph.forEachOutEdge(id, (_e, ea) => {
      out += ea.volume ?? 0;
    });
    model.baselineOut.push(out);
    if (isConsumer(a)) model.consumers.push(i);
  }
  // One pass over the edges with their ends and attributes (a lookup per key took a third of the build at 10^4
  // nodes), then sorted by key as `graph.edges().sort()` would.
  const kept: Array<{ key: string; s: number; t: number; capacity: number | undefined; volume: number }> = [];
  graph.forEachEdge((key, ea, source, target) => {
    if (applied.edgeOut.has(key)) return;
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined) return;
    kept.push({ key, s, t, capacity: ea.capacity, volume: ea.volume ?? 0 });
  });
  kept.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { key, s, t, capacity, volume } of kept) {
    const e = model.edges.length;
    model.edges.push({ key, source: s, target: t, capacity, material: outputs[s], volume });
    model.outEdges[s]!.push(e);
    model.inEdges[t]!.push(e);
  }
  return model;
}
