/**
 * The served-demand report of a solved flow model (`servedDemand`): figures on the demand's grid, sorted, the
 * bottlenecks, the edges. Built in two steps so a caller can show the split before the countries' ranges (two
 * LPs per country): `describeSplit`, then `withRanges`.
 */
import type { SupplyGraph } from "../model/types.js";
import { dict } from "../model/dict.js";
import type { Allocator } from "./_allocator.js";
import { byId, clean, cleanFlow, quantize, quantum } from "./_clean.js";
import { type FlowObjective, type FlowSolution, isLpObjective } from "./_solve-flow.js";
import type { FlowModel } from "./flow-model.js";
import type {
  Bottleneck,
  ConsumerService,
  CountryService,
  EdgeFlow,
  ServedDemand,
  ServedSplit,
} from "./served-demand.js";

/** Max-total gained per unit of a capacity (node `index`'s output or edge `index`). */
export type CapacityGain = (kind: "node" | "edge", index: number, bound: number) => number;

/** What the report needs besides the solution: the max-total value, and the capacities' gains. */
export interface FlowFacts {
  maxTotal: number;
  /** Null under the rule objectives (they list the capacities their flows run into). */
  gain: CapacityGain | null;
}

/** The facts of a model from its allocator (one max-total solve). */
export function allocatorFacts(allocator: Allocator, objective: FlowObjective): FlowFacts {
  const maxTotal = allocator.maxTotal();
  return {
    maxTotal,
    gain: isLpObjective(objective)
      ? (kind, index, bound) => allocator.gainPerUnit(kind, index, bound, maxTotal)
      : null,
  };
}

// Tight within the routing's band (10^-7 relative on served demand, a little more on a capacity).
const tight = (used: number, cap: number) => cap > 0 && used >= cap * (1 - 1e-6) - 1e-6;

/** The capacities that bind (see `Bottleneck`), sorted by gain (desc), then kind, then id. */
export function bottlenecks(
  graph: SupplyGraph,
  model: FlowModel,
  solution: FlowSolution,
  gain: CapacityGain | null,
): Bottleneck[] {
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

/** The grid the figures of `model` are reported on (`quantum` of its total demand). */
function gridOf(model: FlowModel): number {
  return quantum(model.consumers.reduce((t, i) => t + model.demand[i]!, 0));
}

/** Each country's consumers (node indices), countries sorted. */
export function countryConsumers(model: FlowModel): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const code of [...new Set(model.consumers.map((i) => model.country[i]!))].sort(byId))
    out.set(
      code,
      model.consumers.filter((i) => model.country[i] === code),
    );
  return out;
}

/**
 * The report of a solved model but the countries' ranges and the bottlenecks (left empty); `edges: false`
 * leaves the edge flows out too (routing `none`).
 */
export function describeSplit(
  graph: SupplyGraph,
  model: FlowModel,
  objective: FlowObjective,
  solution: FlowSolution,
  maxTotal: number,
  withEdges: boolean,
): ServedSplit {
  const totalDemand = model.consumers.reduce((t, i) => t + model.demand[i]!, 0);
  const q = gridOf(model);
  const consumers: ConsumerService[] = model.consumers.map((i) => {
    const demand = model.demand[i]!;
    const served = quantize(solution.served[i]!, q);
    return {
      id: model.nodes[i]!,
      label: graph.getNodeAttribute(model.nodes[i]!, "label"),
      country: model.country[i]!,
      demand,
      served,
      fraction: clean(served / demand),
    };
  });
  const countries = dict<Omit<CountryService, "servedRange">>();
  for (const [code, mine] of countryConsumers(model)) {
    const demand = mine.reduce((t, i) => t + model.demand[i]!, 0);
    const served = quantize(
      mine.reduce((t, i) => t + solution.served[i]!, 0),
      q,
    );
    countries[code] = { demand: clean(demand), served, fraction: clean(served / demand) };
  }
  const totalServed = quantize(
    model.consumers.reduce((t, i) => t + solution.served[i]!, 0),
    q,
  );
  const edges: EdgeFlow[] = [];
  for (const [e, ed] of withEdges ? model.edges.entries() : []) {
    const flow = quantize(solution.edgeFlow[e]!, q);
    if (flow > 0)
      edges.push({ id: ed.key, source: graph.source(ed.key), target: graph.target(ed.key), flow });
  }
  return {
    objective,
    totalDemand: clean(totalDemand),
    totalServed,
    maxTotalServed: quantize(maxTotal, q),
    minFraction: consumers.length ? Math.min(...consumers.map((c) => c.fraction)) : null,
    consumers,
    countries,
    bottlenecks: [],
    edges: edges.sort((a, b) => byId(a.id, b.id)),
    routing: withEdges ? solution.routing : "none",
  };
}

/**
 * The split with each country's range over the max-total optima (`range`: [least, most] served to these
 * consumers together); the bottlenecks stay empty.
 */
export function withRanges(
  split: ServedSplit,
  model: FlowModel,
  range: (consumers: readonly number[]) => [number, number],
): ServedDemand {
  const q = gridOf(model);
  const countries = dict<CountryService>();
  for (const [code, mine] of countryConsumers(model)) {
    const [least, most] = range(mine);
    countries[code] = { ...split.countries[code]!, servedRange: [quantize(least, q), quantize(most, q)] };
  }
  return { ...split, countries, bottlenecks: [] };
}
