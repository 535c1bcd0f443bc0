/**
 * Flow chokepoints (N-1): for every node the scenario keeps that is not a consumer, the served demand lost when
 * it alone is removed as well. One re-solve per node on a persistent model (`_allocator.ts`), each restarted
 * from the base optimum's basis. Under the LP objectives a node that carries nothing in the scenario's routing
 * is skipped for free: the allocation stays feasible without it, and the leximin optimum of a smaller set that
 * still contains the old optimum is the old optimum. Under max-total, `flowChokepoints` also prunes by bounds
 * when only the `top` k are asked for, and spreads the knockouts over `threads` workers (`_n1-prune.ts`).
 */
import type { Highs } from "highs";
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { byId, clean, quantize, quantum } from "./_clean.js";
import { knockout } from "./_knockout.js";
import { buildFlowModel, type FlowModel } from "./flow-model.js";
import { type FlowObjective, isLpObjective, solveFlow } from "./_solve-flow.js";
import { prunedLosses } from "./_n1-prune.js";
import { loadHighs } from "./_solver.js";

/**
 * Called after each re-solve with (re-solves done, re-solves the run needs); the library never prints. Under
 * max-total the total counts the knockout LPs left after the nodes proven to lose nothing are set aside.
 */
export type ProgressCallback = (done: number, total: number) => void;

/** Options of `flowChokepoints`. */
export interface FlowChokepointsOptions {
  /** How served demand is allocated after a knockout (default `max-total`). */
  objective?: FlowObjective;
  /** Called after each knockout re-solve (see `ProgressCallback`). */
  onProgress?: ProgressCallback;
  /**
   * Report only the `top` largest losses (ties by id), exactly as the full ranking's first `top` entries.
   * Under max-total, knockouts whose bound cannot enter them are not solved. `Infinity`: every node.
   */
  top?: number;
  /** Worker threads for the max-total knockouts (one HiGHS instance each); the result does not depend on it. */
  threads?: number;
}

/** Defaults of `flowChokepoints`: max-total, every node, one thread. */
export const DEFAULT_FLOW_CHOKEPOINTS_OPTIONS: Required<Omit<FlowChokepointsOptions, "onProgress">> = {
  objective: "max-total",
  top: Number.POSITIVE_INFINITY,
  threads: 1,
};

/** One node's N-1 result. */
export interface FlowChokepoint {
  id: string;
  label: string;
  stage: string;
  country: string;
  /** Served demand lost per year when this node alone is removed too. */
  demandLost: number;
  /** demandLost / total demand of the consumers the scenario keeps. */
  shareLost: number;
}

/** The raw sweep: per removed node, the served demand of every consumer (for survival and exposure). */
export interface FlowSweep {
  objective: FlowObjective;
  /** Consumers the scenario keeps, sorted by id. */
  consumers: string[];
  demand: Float64Array;
  /** Served per consumer with nothing more removed. */
  served: Float64Array;
  /** The nodes removed one at a time, sorted by id. */
  nodes: string[];
  /** servedWithout[k][c] = consumer c's served demand without nodes[k]. */
  servedWithout: Float64Array[];
  /** The total served with nothing more removed, and without nodes[k] (the objective's total, e.g. max-total). */
  total: number;
  totalWithout: Float64Array;
}

/** Flow through each node in the scenario's routing; every node counts as carrying under the rule objectives. */
export function throughput(highs: Highs, model: FlowModel, objective: FlowObjective): Float64Array {
  const through = new Float64Array(model.nodes.length);
  if (!isLpObjective(objective)) return through.fill(1);
  const { edgeFlow } = solveFlow(highs, model, objective, { flows: true });
  for (const [e, edge] of model.edges.entries()) {
    through[edge.source]! += edgeFlow[e]!;
    through[edge.target]! += edgeFlow[e]!;
  }
  return through;
}

/**
 * What every N-1 sweep starts from (one thread or many): the allocation with nothing more removed, served
 * tonnes on the reporting grid (see `quantum`, so that survival and exposure do not see solver noise), the
 * nodes knocked out one at a time (all but consumers, in id order) and the flow each carries.
 */
export function sweepBase(highs: Highs, solver: ReturnType<typeof knockout>, objective: FlowObjective) {
  const { model } = solver;
  const q = quantum(model.consumers.reduce((t, i) => t + model.demand[i]!, 0));
  const grid = (a: Float64Array) => a.map((x) => quantize(x, q));
  const start = solver.both([]);
  return {
    model,
    grid,
    start,
    served: grid(start.served),
    nodes: model.nodes.filter((_, i) => model.demand[i] === 0),
    carries: throughput(highs, model, objective),
  };
}

/** Run the N-1 sweep. Synchronous once HiGHS is loaded. */
export function sweepFlow(
  highs: Highs,
  graph: SupplyGraph,
  applied: AppliedScenario,
  objective: FlowObjective,
  onProgress?: ProgressCallback,
): FlowSweep {
  const solver = knockout(highs, graph, applied, objective, true);
  try {
    const { model, grid, start, served, nodes, carries } = sweepBase(highs, solver, objective);
    const total = start.total;
    const servedWithout: Float64Array[] = [];
    const totalWithout = new Float64Array(nodes.length);
    for (const [k, id] of nodes.entries()) {
      const carrying = carries[model.index.get(id)!]! > 1e-9;
      const without = carrying ? solver.both([id]) : null;
      servedWithout.push(without ? grid(without.served) : served);
      totalWithout[k] = without ? without.total : total;
      onProgress?.(k + 1, nodes.length);
    }
    return sweepOf(objective, model, served, nodes, total, servedWithout, totalWithout);
  } finally {
    solver.dispose();
  }
}

/** A sweep's result from its base optimum and the figures without each node (every way of sweeping ends here). */
export function sweepOf(
  objective: FlowObjective,
  model: FlowModel,
  served: Float64Array,
  nodes: string[],
  total: number,
  servedWithout: Float64Array[],
  totalWithout: Float64Array,
): FlowSweep {
  return {
    objective,
    consumers: model.consumers.map((i) => model.nodes[i]!),
    demand: Float64Array.from(model.consumers, (i) => model.demand[i]!),
    served,
    nodes,
    servedWithout,
    total,
    totalWithout,
  };
}

/** The ranking of a sweep: sorted by demandLost (desc), then id. */
export function rankChokepoints(graph: SupplyGraph, sweep: FlowSweep): FlowChokepoint[] {
  const demand = sweep.demand.reduce((t, x) => t + x, 0);
  // Losses within the solver's tolerance of the total are no loss.
  const noise = 1e-8 * Math.max(1, demand);
  return sweep.nodes
    .map((id, k) => {
      const a = graph.getNodeAttributes(id);
      const drop = sweep.total - sweep.totalWithout[k]!;
      const lost = drop > noise ? clean(drop) : 0;
      return {
        id,
        label: a.label,
        stage: a.stage,
        country: a.country,
        demandLost: lost,
        shareLost: demand > 0 ? clean(lost / demand) : 0,
      };
    })
    .sort((a, b) => b.demandLost - a.demandLost || byId(a.id, b.id));
}

/** A ranking entry from a node index of `model` and its loss. */
function entry(graph: SupplyGraph, id: string, lost: number, demand: number): FlowChokepoint {
  const a = graph.getNodeAttributes(id);
  return {
    id,
    label: a.label,
    stage: a.stage,
    country: a.country,
    demandLost: lost,
    shareLost: demand > 0 ? clean(lost / demand) : 0,
  };
}

/**
 * Flow chokepoints of a scenario (N-1): every kept non-consumer node with the served demand its loss costs (the
 * first `top` of them when asked), sorted by demandLost (desc), then id. The same figures as `flowAnalysis`'s
 * `chokepoints`, whatever `top` and `threads`. Under max-total, the fast path: nodes proven to lose nothing
 * are set aside without a knockout LP, with `top` the knockouts that cannot enter the first `top` are not
 * solved, and the rest are spread over `threads` worker threads.
 * @example
 * ```ts
 * const graph = loadBundledGraph("rare-earths-2025");
 * const applied = applyScenario(graph, buildScenario({ name: "no-china", remove: ["country=CN"] }));
 * const top3 = await flowChokepoints(graph, applied, { top: 3, threads: 2 });
 * console.log(top3.map((c) => `${c.label}: ${c.demandLost}`).join("\n"));
 * ```
 * @throws FlowSolveError if the LP solver fails
 */
export async function flowChokepoints(
  graph: SupplyGraph,
  applied: AppliedScenario,
  options: FlowChokepointsOptions = {},
): Promise<FlowChokepoint[]> {
  const { objective, onProgress, top, threads } = { ...DEFAULT_FLOW_CHOKEPOINTS_OPTIONS, ...options };
  const highs = await loadHighs();
  if (objective !== "max-total") {
    return rankChokepoints(graph, sweepFlow(highs, graph, applied, objective, onProgress)).slice(0, top);
  }
  const model = buildFlowModel(graph, applied);
  const demand = model.consumers.reduce((t, i) => t + model.demand[i]!, 0);
  const { exact, ranked } = await prunedLosses(highs, model, {
    top: Math.min(top, model.nodes.length),
    threads: Math.max(1, Math.floor(threads)),
    onProgress,
  });
  return ranked.map((i) => entry(graph, model.nodes[i]!, exact.get(i)!, demand));
}
