/**
 * Served demand: how much of each consumer's demand the scenario's network can still serve, under capacities
 * and recipes (the flow model of the README section "Served demand (flow)"), with the bottlenecks that bind.
 */
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { Allocator } from "./_allocator.js";
import { byId, clean, cleanFlow, quantize, quantum } from "./_clean.js";
import {
  type FlowObjective,
  type FlowSolution,
  isLpObjective,
  type RoutingMethod,
  solveFlow,
} from "./_solve-flow.js";
import { loadHighs } from "./_solver.js";
import { buildFlowModel, type FlowModel } from "./flow-model.js";
import { dict } from "../model/dict.js";

export interface ServedDemandOptions {
  objective?: FlowObjective;
}

export const DEFAULT_SERVED_DEMAND_OPTIONS: Required<ServedDemandOptions> = { objective: "max-total" };

/** One consumer's service. Quantities per year in the graph's units. */
export interface ConsumerService {
  id: string;
  label: string;
  country: string;
  demand: number;
  served: number;
  /** served / demand. */
  fraction: number;
}

/** A country's consumers together. */
export interface CountryService {
  demand: number;
  served: number;
  fraction: number;
  /**
   * [least, most] the country's consumers can be served together over ALL max-total optima (whatever the
   * objective): how much of the country's figure is a choice of split rather than a property of the network.
   */
  servedRange: [number, number];
}

/**
 * A capacity that binds. `shadowPrice` = max-total served demand gained per extra unit of this capacity (the
 * right derivative of the LP's value in that bound, a property of the network, not of the solver's vertex;
 * listed when positive); null under the rule objectives, which list the capacities their flows run into.
 */
export interface Bottleneck {
  kind: "node" | "edge";
  /** Node id, or edge key. */
  id: string;
  source?: string;
  target?: string;
  capacity: number;
  flow: number;
  shadowPrice: number | null;
}

/** A flow on one edge (only edges that carry flow are listed). */
export interface EdgeFlow {
  id: string;
  source: string;
  target: string;
  flow: number;
}

/** The served-demand result. */
export interface ServedDemand {
  objective: FlowObjective;
  totalDemand: number;
  totalServed: number;
  /** The largest total the network can serve (max-total), whatever the objective. */
  maxTotalServed: number;
  /** The smallest served fraction over consumers; null when no consumer is left. */
  minFraction: number | null;
  /** Sorted by id. */
  consumers: ConsumerService[];
  /** Country code → totals, keys sorted. */
  countries: Record<string, CountryService>;
  /** Sorted by shadow price (desc), then kind, then id. */
  bottlenecks: Bottleneck[];
  /** Sorted by edge key. */
  edges: EdgeFlow[];
  /**
   * How `edges` were chosen among the routings that deliver the allocation: `least-squares` (the least ½Σf²),
   * `least-flow` (when HiGHS's QP solver fails: the least total flow, ties broken by weights hashed from the
   * edges' end labels) or `rule` (the propagation objectives fix the flows). Each is unique whatever the ids.
   */
  routing: RoutingMethod;
}

// Tight within the routing's band (10^-7 relative on served demand, a little more on a capacity).
const tight = (used: number, cap: number) => cap > 0 && used >= cap * (1 - 1e-6) - 1e-6;

function bottlenecks(graph: SupplyGraph, model: FlowModel, solution: FlowSolution, gain: FlowFacts["gain"]) {
  const out: Bottleneck[] = [];
  // Under the LP objectives every capacity is tried, not only those tight in the reported routing: a positive
  // gain means the capacity is tight in EVERY max-total optimum, so the list and its flows (= the capacity) do
  // not depend on which routing is reported. The rule objectives list what their flows run into.
  for (const [i, cap] of model.capacity.entries()) {
    if (cap === undefined || model.outEdges[i]!.length === 0) continue;
    let used = 0;
    for (const e of model.outEdges[i]!) used += solution.edgeFlow[e]!;
    if (!gain && !tight(used, cap)) continue;
    const price = gain ? cleanFlow(gain("node", i, cap)) : null;
    if (price === 0) continue;
    const flow = gain ? clean(cap) : cleanFlow(used);
    out.push({ kind: "node", id: model.nodes[i]!, capacity: clean(cap), flow, shadowPrice: price });
  }
  for (const [e, ed] of model.edges.entries()) {
    const used = solution.edgeFlow[e]!;
    if (ed.capacity === undefined || (!gain && !tight(used, ed.capacity))) continue;
    const price = gain ? cleanFlow(gain("edge", e, ed.capacity)) : null;
    if (price === 0) continue;
    out.push({
      kind: "edge",
      id: ed.key,
      source: graph.source(ed.key),
      target: graph.target(ed.key),
      capacity: clean(ed.capacity),
      flow: gain ? clean(ed.capacity) : cleanFlow(used),
      shadowPrice: price,
    });
  }
  return out.sort(
    (a, b) =>
      (b.shadowPrice ?? 0) - (a.shadowPrice ?? 0) ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
      byId(a.id, b.id),
  );
}

/** What `describeFlow` needs besides the solution: the max-total value, and its ranges and gains. */
export interface FlowFacts {
  maxTotal: number;
  /** [least, most] served to these consumers (node indices) over the max-total optima. */
  range(consumers: readonly number[]): [number, number];
  /** Max-total gained per unit of a capacity (node `index`'s output or edge `index`); null: not computed. */
  gain: ((kind: "node" | "edge", index: number, bound: number) => number) | null;
}

/** The facts of a model from its allocator. */
export function allocatorFacts(allocator: Allocator, objective: FlowObjective): FlowFacts {
  const maxTotal = allocator.maxTotal();
  return {
    maxTotal,
    range: (consumers) => allocator.servedRange(consumers, maxTotal),
    gain: isLpObjective(objective)
      ? (kind, index, bound) => allocator.gainPerUnit(kind, index, bound, maxTotal)
      : null,
  };
}

/** Assemble the report of a solved model. */
export function describeFlow(
  graph: SupplyGraph,
  model: FlowModel,
  objective: FlowObjective,
  solution: FlowSolution,
  facts: FlowFacts,
): ServedDemand {
  const totalDemand = model.consumers.reduce((t, i) => t + model.demand[i]!, 0);
  const q = quantum(totalDemand);
  const tonnes = Float64Array.from(solution.served, (x) => quantize(x, q));
  const consumers: ConsumerService[] = model.consumers.map((i) => {
    const demand = model.demand[i]!;
    const served = tonnes[i]!;
    return {
      id: model.nodes[i]!,
      label: graph.getNodeAttribute(model.nodes[i]!, "label"),
      country: model.country[i]!,
      demand,
      served,
      fraction: clean(served / demand),
    };
  });
  const countries = dict<CountryService>();
  for (const code of [...new Set(consumers.map((c) => c.country))].sort(byId)) {
    const mine = model.consumers.filter((i) => model.country[i] === code);
    const demand = mine.reduce((t, i) => t + model.demand[i]!, 0);
    const served = quantize(
      mine.reduce((t, i) => t + solution.served[i]!, 0),
      q,
    );
    const [least, most] = facts.range(mine);
    countries[code] = {
      demand: clean(demand),
      served,
      fraction: clean(served / demand),
      servedRange: [quantize(least, q), quantize(most, q)],
    };
  }
  const totalServed = quantize(
    model.consumers.reduce((t, i) => t + solution.served[i]!, 0),
    q,
  );
  const edges: EdgeFlow[] = [];
  for (const [e, ed] of model.edges.entries()) {
    const flow = quantize(solution.edgeFlow[e]!, q);
    if (flow > 0)
      edges.push({ id: ed.key, source: graph.source(ed.key), target: graph.target(ed.key), flow });
  }
  return {
    objective,
    totalDemand: clean(totalDemand),
    totalServed,
    maxTotalServed: quantize(facts.maxTotal, q),
    minFraction: consumers.length ? Math.min(...consumers.map((c) => c.fraction)) : null,
    consumers,
    countries,
    bottlenecks: bottlenecks(graph, model, solution, facts.gain),
    edges: edges.sort((a, b) => byId(a.id, b.id)),
    routing: solution.routing,
  };
}

/**
 * Served demand of every consumer the scenario keeps, under `objective` (default `max-total`: the leximin split
 * among the max-total optima, unique whatever the node ids or file order).
 * @throws FlowSolveError if the LP solver fails (it should not on a valid graph)
 */
export async function servedDemand(
  graph: SupplyGraph,
  applied: AppliedScenario,
  options: ServedDemandOptions = {},
): Promise<ServedDemand> {
  const { objective } = { ...DEFAULT_SERVED_DEMAND_OPTIONS, ...options };
  const highs = await loadHighs();
  const model = buildFlowModel(graph, applied);
  const allocator = new Allocator(highs, model);
  try {
    const solution = solveFlow(highs, model, objective, { flows: true }, allocator);
    return describeFlow(graph, model, objective, solution, allocatorFacts(allocator, objective));
  } finally {
    allocator.dispose();
  }
}
