/**
 * Served demand: how much of each consumer's demand the scenario's network can still serve, under capacities
 * and recipes (the flow model of the README section "Served demand (flow)"), with the bottlenecks that bind.
 */
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { Allocator } from "./_allocator.js";
import { quantize, quantum } from "./_clean.js";
import { allocatorFacts, bottlenecks, describeSplit, withRanges } from "./_describe-flow.js";
import { type FlowObjective, type RoutingMethod, solveFlow } from "./_solve-flow.js";
import { loadHighs } from "./_solver.js";
import { buildFlowModel } from "./flow-model.js";

/** Options of `servedDemand` (defaults in `DEFAULT_SERVED_DEMAND_OPTIONS`). */
export interface ServedDemandOptions {
  /**
   * How served demand is split among consumers (see the flow docs).
   * @defaultValue `"max-total"`
   */
  objective?: FlowObjective;
  /**
   * Compute `edges`, the routing of the flows that deliver the split (under the LP objectives one more LP, as
   * large as the allocation's). `false`: `edges` comes back empty and `routing` is `none`; no other figure
   * changes.
   * @defaultValue `true`
   */
  edges?: boolean;
  /**
   * Compute `bottlenecks` (under the LP objectives one LP per capacity: thousands on a 10^4-node graph). `false`:
   * `bottlenecks` comes back empty; no other figure changes.
   * @defaultValue `true`
   */
  bottlenecks?: boolean;
  /**
   * Called with `maxTotalServed` as soon as it is known (one LP), before the split is computed. The report's
   * `maxTotalServed` is the final figure.
   */
  onMaxTotal?: (maxTotalServed: number) => void;
  /**
   * Called with the report before the countries' ranges (two LPs per country) and the bottlenecks are computed:
   * every other figure is final.
   */
  onSplit?: (split: ServedSplit) => void;
  /**
   * Called after each LP (the split's, the ranges', the gains'); what it throws abandons the computation and
   * propagates (the viewer stops a stale analysis this way). No figure depends on it.
   */
  onProgress?: () => void;
}

/** Defaults of `servedDemand`: the leximin split among the max-total optima, with edges and bottlenecks. */
export const DEFAULT_SERVED_DEMAND_OPTIONS: Required<
  Omit<ServedDemandOptions, "onMaxTotal" | "onSplit" | "onProgress">
> = {
  objective: "max-total",
  edges: true,
  bottlenecks: true,
};

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
   * How `edges` were chosen among the routings that deliver the allocation: `least-flow` (the least total flow,
   * ties broken by weights hashed from the edges' end labels), `rule` (the propagation objectives fix the
   * flows), or `none` (not asked for: option `edges: false`). Each is unique whatever the ids.
   */
  routing: RoutingMethod;
}

/** The report before the countries' ranges and the bottlenecks (`ServedDemandOptions.onSplit`). */
export interface ServedSplit extends Omit<ServedDemand, "countries" | "bottlenecks"> {
  /** Country code → totals, keys sorted; the ranges are not computed yet. */
  countries: Record<string, Omit<CountryService, "servedRange">>;
  /** Not computed yet: empty. */
  bottlenecks: [];
}

/**
 * Served demand of every consumer the scenario keeps, under `objective` (default `max-total`: the leximin split
 * among the max-total optima, unique whatever the node ids or file order), with each country's range over the
 * max-total optima, the routing of the flows and the bottlenecks. `onMaxTotal` and `onSplit` hand over the
 * max-total figure and the split as soon as they are known; `edges: false` and `bottlenecks: false` leave out
 * the two most expensive parts when they are not shown (the viewer does).
 * @example
 * ```ts
 * const graph = loadBundledGraph("rare-earths-2025");
 * const applied = applyScenario(graph, buildScenario({ name: "no-china", remove: ["country=CN"] }));
 * const flow = await servedDemand(graph, applied, {
 *   edges: false,
 *   bottlenecks: false,
 *   onMaxTotal: (total) => console.log(`at most ${total} t/yr served`),
 * });
 * console.log(`Japan: ${flow.countries.JP.served} of ${flow.countries.JP.demand} t/yr`);
 * ```
 * @throws FlowSolveError if the LP solver fails (it should not on a valid graph)
 */
export async function servedDemand(
  graph: SupplyGraph,
  applied: AppliedScenario,
  options: ServedDemandOptions = {},
): Promise<ServedDemand> {
  const { objective, edges, bottlenecks: gains } = { ...DEFAULT_SERVED_DEMAND_OPTIONS, ...options };
  const highs = await loadHighs();
  const model = buildFlowModel(graph, applied);
  const q = quantum(model.consumers.reduce((t, i) => t + model.demand[i]!, 0));
  let told = false;
  const tell = (total: number) => {
    if (!told) options.onMaxTotal?.(quantize(total, q));
    told = true;
  };
  // the first solve starts at the plain max-total LP's optimum (`_plain-start.ts`): the same figures, sooner
  const allocator = new Allocator(highs, model, { plainStart: true, onSolve: options.onProgress });
  try {
    // The LPs run in this order (split, max-total, ranges, gains) whatever is asked: each starts from the basis
    // the one before left, so the order is part of what makes the figures reproducible to the last digit.
    const solution = solveFlow(highs, model, objective, { flows: edges, onMaxTotal: tell }, allocator);
    const facts = allocatorFacts(allocator, objective);
    tell(facts.maxTotal);
    const split = describeSplit(graph, model, objective, solution, facts.maxTotal, edges);
    options.onSplit?.(split);
    const report = withRanges(split, model, (mine) => allocator.servedRange(mine, facts.maxTotal));
    return gains ? { ...report, bottlenecks: bottlenecks(graph, model, solution, facts.gain) } : report;
  } finally {
    allocator.dispose();
  }
}
