/**
 * Served demand: how much of each consumer's demand the scenario's network can still serve, under capacities
 * and recipes (the flow model of the README section "Served demand (flow)"), with the bottlenecks that bind.
 */
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { byId, clean } from "./_clean.js";
import { type FlowObjective, type FlowSolution, solveFlow } from "./_solve-flow.js";
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
}

/**
 * A capacity that binds at the optimum. `shadowPrice` = served demand gained per extra unit of this capacity
 * (the LP dual; degenerate optima can have several valid duals, HiGHS returns one); null under `proportional`.
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
}

function bottlenecks(graph: SupplyGraph, model: FlowModel, solution: FlowSolution, proportional: boolean) {
  const out: Bottleneck[] = [];
  const edge = (e: number, flow: number, shadowPrice: number | null): Bottleneck => {
    const ed = model.edges[e]!;
    return {
      kind: "edge",
      id: ed.key,
      source: graph.source(ed.key),
      target: graph.target(ed.key),
      capacity: clean(ed.capacity!),
      flow: clean(flow),
      shadowPrice,
    };
  };
  if (proportional) {
    // No duals without an LP: list the capacities the allocation runs into.
    const tight = (used: number, cap: number) => used >= cap - 1e-9 * Math.max(1, cap) && cap > 0;
    for (const [i, cap] of model.capacity.entries()) {
      if (cap === undefined || model.outEdges[i]!.length === 0) continue;
      let used = 0;
      for (const e of model.outEdges[i]!) used += solution.edgeFlow[e]!;
      if (tight(used, cap))
        out.push({
          kind: "node",
          id: model.nodes[i]!,
          capacity: clean(cap),
          flow: clean(used),
          shadowPrice: null,
        });
    }
    for (const [e, ed] of model.edges.entries())
      if (ed.capacity !== undefined && tight(solution.edgeFlow[e]!, ed.capacity))
        out.push(edge(e, solution.edgeFlow[e]!, null));
  } else {
    for (const { row, dual, activity } of solution.duals) {
      if (dual <= 1e-9) continue;
      if (row.kind === "node-capacity")
        out.push({
          kind: "node",
          id: model.nodes[row.node]!,
          capacity: clean(row.bound),
          flow: clean(activity),
          shadowPrice: clean(dual),
        });
      else if (row.kind === "edge-capacity") out.push(edge(row.edge, activity, clean(dual)));
    }
  }
  return out.sort(
    (a, b) =>
      (b.shadowPrice ?? 0) - (a.shadowPrice ?? 0) ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
      byId(a.id, b.id),
  );
}

/** Assemble the report of a solved model. */
export function describeFlow(
  graph: SupplyGraph,
  model: FlowModel,
  objective: FlowObjective,
  solution: FlowSolution,
): ServedDemand {
  const consumers: ConsumerService[] = model.consumers.map((i) => {
    const demand = model.demand[i]!;
    const served = clean(solution.served[i]!);
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
    const mine = consumers.filter((c) => c.country === code);
    const demand = mine.reduce((t, c) => t + c.demand, 0);
    const served = mine.reduce((t, c) => t + c.served, 0);
    countries[code] = { demand: clean(demand), served: clean(served), fraction: clean(served / demand) };
  }
  const totalDemand = consumers.reduce((t, c) => t + c.demand, 0);
  const totalServed = consumers.reduce((t, c) => t + c.served, 0);
  const edges: EdgeFlow[] = [];
  for (const [e, ed] of model.edges.entries()) {
    const flow = clean(solution.edgeFlow[e]!);
    if (flow > 0)
      edges.push({ id: ed.key, source: graph.source(ed.key), target: graph.target(ed.key), flow });
  }
  return {
    objective,
    totalDemand: clean(totalDemand),
    totalServed: clean(totalServed),
    minFraction: consumers.length ? Math.min(...consumers.map((c) => c.fraction)) : null,
    consumers,
    countries,
    bottlenecks: bottlenecks(graph, model, solution, objective === "proportional"),
    edges,
  };
}

/**
 * Served demand of every consumer the scenario keeps, under `objective` (default `max-total`).
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
  const solution = solveFlow(highs, model, objective, { flows: true, duals: true });
  return describeFlow(graph, model, objective, solution);
}
