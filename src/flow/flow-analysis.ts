/**
 * Everything the flow model reports for one scenario, in one call: served demand with bottlenecks, the N-1
 * flow chokepoints, attack curves, time-to-survive with node exposure, and losses. The CLI (`flow`, and
 * `analyze --flow`) calls this; each part is also a function of its own.
 */
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import type { FlowObjective } from "./_solve-flow.js";
import { loadHighs } from "./_solver.js";
import { type FlowAttack, flowAttackCurves } from "./flow-attack.js";
import { sweepFlowThreads } from "./_sweep-pool.js";
import { type FlowChokepoint, rankChokepoints } from "./flow-chokepoints.js";
import { type Losses, losses } from "./losses.js";
import { type ServedDemand, servedDemand } from "./served-demand.js";
import { type Survival, survival } from "./survival.js";

/** Which step is running, for progress reports. */
export type FlowPhase = "chokepoints" | "attack";

export interface FlowAnalysisOptions {
  objective?: FlowObjective;
  /** Extra loss durations in days (90 and 365 are always there). */
  days?: number[];
  /** Compute attack curves (one re-solve per node and order). */
  attack?: boolean;
  /** Random removal orders averaged in the attack curves. */
  randomOrders?: number;
  /** Stage → recovery days over the defaults. */
  recoveryDays?: Record<string, number>;
  /**
   * Worker threads for the N-1 sweep (one HiGHS model each; LP objectives). Saves wall time on several cores,
   * not CPU time; the figures are the same on any number of threads.
   */
  threads?: number;
  onProgress?: (phase: FlowPhase, done: number, total: number) => void;
}

export const DEFAULT_FLOW_ANALYSIS_OPTIONS = {
  objective: "max-total" as FlowObjective,
  days: [] as number[],
  attack: true,
  randomOrders: 3,
  recoveryDays: {} as Record<string, number>,
  threads: 1,
};

export interface FlowAnalysis {
  flow: ServedDemand;
  /** Sorted by demandLost (desc), then id. */
  chokepoints: FlowChokepoint[];
  /** null when `attack` is off. */
  attack: FlowAttack | null;
  survival: Survival;
  losses: Losses;
}

/**
 * Run the whole flow analysis of `graph` under `applied`.
 * @throws FlowSolveError if the LP solver fails
 */
export async function flowAnalysis(
  graph: SupplyGraph,
  applied: AppliedScenario,
  options: FlowAnalysisOptions = {},
): Promise<FlowAnalysis> {
  const o = { ...DEFAULT_FLOW_ANALYSIS_OPTIONS, ...options };
  const highs = await loadHighs();
  const flow = await servedDemand(graph, applied, { objective: o.objective });
  const sweep = await sweepFlowThreads(highs, graph, applied, o.objective, o.threads, (d, t) =>
    o.onProgress?.("chokepoints", d, t),
  );
  const chokepoints = rankChokepoints(graph, sweep);
  const attack = o.attack
    ? flowAttackCurves(highs, graph, applied, chokepoints, {
        objective: o.objective,
        randomOrders: o.randomOrders,
        onProgress: (d, t) => o.onProgress?.("attack", d, t),
      })
    : null;
  const surv = survival(highs, graph, applied, sweep, { recoveryDays: o.recoveryDays });
  return { flow, chokepoints, attack, survival: surv, losses: losses(graph, surv, { days: o.days }) };
}
