/**
 * Flow chokepoints (N-1): for every node the scenario keeps that is not a consumer, the served demand lost when
 * it alone is removed as well. One re-solve per node, warm-started from the previous basis (`_session.ts`).
 */
import type { Highs } from "highs";
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { byId, clean } from "./_clean.js";
import { knockout } from "./_knockout.js";
import type { FlowObjective } from "./_solve-flow.js";
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
    const served = solver.served([]);
    const nodes = model.nodes.filter((_, i) => model.demand[i] === 0);
    const servedWithout: Float64Array[] = [];
    for (const [k, id] of nodes.entries()) {
      servedWithout.push(solver.served([id]));
      onProgress?.(k + 1, nodes.length);
    }
    return {
      objective,
      consumers: model.consumers.map((i) => model.nodes[i]!),
      demand: Float64Array.from(model.consumers, (i) => model.demand[i]!),
      served,
      nodes,
      servedWithout,
    };
  } finally {
    solver.dispose();
  }
}

/** The ranking of a sweep: sorted by demandLost (desc), then id. */
export function rankChokepoints(graph: SupplyGraph, sweep: FlowSweep): FlowChokepoint[] {
  const total = (a: Float64Array) => a.reduce((t, x) => t + x, 0);
  const demand = total(sweep.demand);
  const base = total(sweep.served);
  return sweep.nodes
    .map((id, k) => {
      const a = graph.getNodeAttributes(id);
      const lost = clean(Math.max(0, base - total(sweep.servedWithout[k]!)));
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
