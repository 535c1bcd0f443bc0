/**
 * Flow chokepoints (N-1): for every node the scenario keeps that is not a consumer, the served demand lost when
 * it alone is removed as well. One re-solve per node on a persistent, warm-started model (`_allocator.ts`).
 * Under the LP objectives a node that carries nothing in the scenario's routing is skipped for free: the
 * allocation stays feasible without it, and the leximin optimum of a smaller set that still contains the old
 * optimum is the old optimum.
 */
import type { Highs } from "highs";
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { byId, clean, quantize, quantum } from "./_clean.js";
import { knockout } from "./_knockout.js";
import type { FlowModel } from "./flow-model.js";
import { type FlowObjective, isLpObjective, solveFlow } from "./_solve-flow.js";
import { loadHighs } from "./_solver.js";

/** Called after each re-solve; the library never prints. */
export type ProgressCallback = (done: number, total: number) => void;

export interface FlowChokepointsOptions {
  objective?: FlowObjective;
  onProgress?: ProgressCallback;
}

export const DEFAULT_FLOW_CHOKEPOINTS_OPTIONS: Required<Omit<FlowChokepointsOptions, "onProgress">> = {
  objective: "max-total",
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
function throughput(highs: Highs, model: FlowModel, objective: FlowObjective): Float64Array {
  const through = new Float64Array(model.nodes.length);
  if (!isLpObjective(objective)) return through.fill(1);
  const { edgeFlow } = solveFlow(highs, model, objective, { flows: true });
  for (const [e, edge] of model.edges.entries()) {
    through[edge.source]! += edgeFlow[e]!;
    through[edge.target]! += edgeFlow[e]!;
  }
  return through;
}

/** Run the N-1 sweep. Synchronous once HiGHS is loaded. */
export function sweepFlow(
  highs: Highs,
  graph: SupplyGraph,
  applied: AppliedScenario,
  objective: FlowObjective,
  onProgress?: ProgressCallback,
): FlowSweep {
  const solver = knockout(highs, graph, applied, objective);
  try {
    const { model } = solver;
    // Served tonnes on the reporting grid (see `quantum`), so that survival and exposure do not see solver noise.
    const q = quantum(model.consumers.reduce((t, i) => t + model.demand[i]!, 0));
    const grid = (a: Float64Array) => a.map((x) => quantize(x, q));
    const served = grid(solver.served([]));
    const nodes = model.nodes.filter((_, i) => model.demand[i] === 0);
    const carries = throughput(highs, model, objective);
    const total = solver.total([]);
    const servedWithout: Float64Array[] = [];
    const totalWithout = new Float64Array(nodes.length);
    for (const [k, id] of nodes.entries()) {
      const carrying = carries[model.index.get(id)!]! > 1e-9;
      servedWithout.push(carrying ? grid(solver.served([id])) : served);
      totalWithout[k] = carrying ? solver.total([id]) : total;
      onProgress?.(k + 1, nodes.length);
    }
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
  } finally {
    solver.dispose();
  }
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

/**
 * Flow chokepoints of a scenario: every kept non-consumer node with the served demand its loss costs.
 * @throws FlowSolveError if the LP solver fails
 */
export async function flowChokepoints(
  graph: SupplyGraph,
  applied: AppliedScenario,
  options: FlowChokepointsOptions = {},
): Promise<FlowChokepoint[]> {
  const { objective, onProgress } = { ...DEFAULT_FLOW_CHOKEPOINTS_OPTIONS, ...options };
  const sweep = sweepFlow(await loadHighs(), graph, applied, objective, onProgress);
  return rankChokepoints(graph, sweep);
}
