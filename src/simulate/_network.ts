/**
 * The time model's network: every facility and consumer that can carry flow at some point of the horizon
 * (removed nodes come back; pipeline facilities the scenario brings in come online), integer-indexed and sorted
 * by id, with each node's input pools and stocks, each edge's lead time and whether it is a baseline route, and
 * the stockpile nodes with the nodes they can feed. Built once per simulation in O(n + m).
 *
 * Stock rules:
 * - a node's inputs sit in pools, one per recipe material (a node without a recipe has one pool for any input);
 * - a consumer's `stockpileDays` and an intermediate node's `stockDays` fill its pools with that many days of its
 *   production (consumer: its demand; intermediate: its baseline out-volume, else its capacity), times the
 *   recipe amount; the stock is drawn only through the node's own production, so only within its capacity;
 * - a stockpile node (`stock` of its `output`) feeds the nodes of its country that take that material (recipe
 *   material, or an input edge carrying it), without lead time.
 */
import { isConsumer, isPipeline, isSource, isStockpile, type SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";

/** One node of the time model. */
export interface SimNode {
  id: string;
  stage: string;
  country: string;
  consumer: boolean;
  /** A source of the file graph: no inputs, limited only by its capacity. */
  source: boolean;
  /** Demand per year (0 for non-consumers). */
  demand: number;
  /** Capacity per year; undefined = not limited. */
  capacity: number | undefined;
  /** What an unlimited node counts as its capacity when it is partly down: its scale base or baseline out-volume. */
  base: number;
  /** Input pools: `material` null = any input (a node without a recipe). Indices into `SimNetwork.pools`. */
  pools: number[];
  pipeline: boolean;
  valuePerYear: number | undefined;
}

/** An input pool of one node. */
export interface SimPool {
  node: number;
  material: string | null;
  /** Input per unit of the node's output. */
  amount: number;
  /** Initial stock in tonnes of the material (0 when the node holds none). */
  stock: number;
}

/** One edge. */
export interface SimEdge {
  key: string;
  source: number;
  target: number;
  /** The pool of the target the material goes into; -1 when the target's recipe does not use it. */
  pool: number;
  /** Lead time in days (0 when lead times are off). */
  lag: number;
  /** Per year; undefined = not limited. */
  capacity: number | undefined;
  /** The target bought from this source in the baseline (see `isBaselineRoute`). */
  baseline: boolean;
  /** Baseline volume per year. */
  volume: number;
}

/** A stockpile node and the pools it can feed. */
export interface SimPile {
  id: string;
  stock: number;
  /** Pool indices, ascending. */
  feeds: number[];
}

export interface SimNetwork {
  nodes: SimNode[];
  index: Map<string, number>;
  pools: SimPool[];
  edges: SimEdge[];
  outEdges: number[][];
  inEdges: number[][];
  piles: SimPile[];
  /** Consumer node indices, ascending. */
  consumers: number[];
}

/**
 * A baseline route: the edge has a baseline volume > 0, or the target has no input edge with a volume at all
 * (the file does not say whom it buys from, so every supplier counts as qualified), or the source is a pipeline
 * facility (its buyers qualify it while it is built).
 */
function isBaselineRoute(graph: SupplyGraph, key: string): boolean {
  if ((graph.getEdgeAttribute(key, "volume") ?? 0) > 0) return true;
  if (isPipeline(graph.getNodeAttributes(graph.source(key)))) return true;
  return !graph.someInEdge(graph.target(key), (_e, a) => (a.volume ?? 0) > 0);
}

/** Build the time model's network. `stocks` off = every stock is 0; `leadTimes` off = every lag is 0. */
export function buildSimNetwork(
  graph: SupplyGraph,
  applied: AppliedScenario,
  flags: { stocks: boolean; leadTimes: boolean },
): SimNetwork {
  const excluded = new Set(applied.excludedNodes);
  const ids = graph
    .nodes()
    .filter((id) => !excluded.has(id) && !isStockpile(graph.getNodeAttributes(id)))
    .sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const net: SimNetwork = {
    nodes: [],
    index,
    pools: [],
    edges: [],
    outEdges: ids.map(() => []),
    inEdges: ids.map(() => []),
    piles: [],
    consumers: [],
  };
  for (const [i, id] of ids.entries()) {
    const a = graph.getNodeAttributes(id);
    let out = 0;
    graph.forEachOutEdge(id, (_e, ea) => {
      out += ea.volume ?? 0;
    });
    const consumer = isConsumer(a);
    const source = isSource(graph, id);
    const rate = consumer ? a.demand! : out > 0 ? out : (a.capacity ?? 0);
    const days = !flags.stocks ? 0 : consumer ? (a.stockpileDays ?? 0) : (a.stockDays ?? 0);
    const stockOfOutput = (days * rate) / 365;
    const pools: number[] = [];
    if (!source) {
      const recipe = a.recipe && Object.keys(a.recipe).length > 0 ? a.recipe : undefined;
      const materials: Array<[string | null, number]> = recipe
        ? Object.keys(recipe)
            .sort()
            .map((m) => [m, recipe[m]!])
        : [[null, 1]];
      for (const [material, amount] of materials) {
        pools.push(net.pools.length);
        net.pools.push({ node: i, material, amount, stock: stockOfOutput * amount });
      }
    }
    net.nodes.push({
      id,
      stage: a.stage,
      country: a.country,
      consumer,
      source,
      demand: consumer ? a.demand! : 0,
      capacity: a.capacity,
      base: applied.timing.scaled[id]?.base ?? a.capacity ?? out,
      pools,
      pipeline: isPipeline(a),
      valuePerYear: a.valuePerYear,
    });
    if (consumer) net.consumers.push(i);
  }
  const poolOf = (node: number, material: string | undefined): number => {
    for (const p of net.nodes[node]!.pools) {
      const m = net.pools[p]!.material;
      if (m === null || m === material) return p;
    }
    return -1;
  };
  for (const key of graph.edges().sort()) {
    const s = index.get(graph.source(key));
    const t = index.get(graph.target(key));
    if (s === undefined || t === undefined) continue;
    const ea = graph.getEdgeAttributes(key);
    const e = net.edges.length;
    net.edges.push({
      key,
      source: s,
      target: t,
      pool: poolOf(t, graph.getNodeAttribute(ids[s]!, "output")),
      lag: flags.leadTimes ? (ea.leadTimeDays ?? 0) : 0,
      capacity: ea.capacity,
      baseline: isBaselineRoute(graph, key),
      volume: ea.volume ?? 0,
    });
    net.outEdges[s]!.push(e);
    net.inEdges[t]!.push(e);
  }
  if (flags.stocks) {
    const piles = graph
      .filterNodes((id, a) => isStockpile(a) && !applied.nodeOut.has(id) && a.output !== undefined)
      .sort();
    for (const id of piles) {
      const a = graph.getNodeAttributes(id);
      const feeds: number[] = [];
      for (const [i, node] of net.nodes.entries()) {
        if (node.country !== a.country || node.source) continue;
        const takes = net.inEdges[i]!.some(
          (e) => graph.getNodeAttribute(ids[net.edges[e]!.source]!, "output") === a.output,
        );
        const p = poolOf(i, a.output);
        if (p >= 0 && (net.pools[p]!.material === a.output || takes)) feeds.push(p);
      }
      net.piles.push({ id, stock: a.stock ?? 0, feeds });
    }
  }
  return net;
}
