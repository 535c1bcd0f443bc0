/**
 * One solve of the flow model under an objective: the LP allocations (HiGHS) or a propagation rule.
 * Synchronous once HiGHS is loaded, so sweeps call it in a tight loop.
 */
import type { Highs } from "highs";
import { Allocator } from "./_allocator.js";
import { buildRoutingLp } from "./_lp.js";
import { FlowSolveError } from "./_solver.js";
import type { FlowModel } from "./flow-model.js";
import { frozenRoutingFlow } from "./frozen-routing.js";
import { proportionalFlow } from "./proportional.js";

/** How served demand is decided: see docs "Served demand (flow)". */
export type FlowObjective = "max-total" | "max-min" | "proportional" | "frozen-routing";

/** The objectives, in the order `--objective` lists them. */
export const FLOW_OBJECTIVES: readonly FlowObjective[] = [
  "max-total",
  "max-min",
  "proportional",
  "frozen-routing",
];

/** Objectives solved by LP (the others propagate flows by a rule). */
export function isLpObjective(objective: FlowObjective): boolean {
  return objective === "max-total" || objective === "max-min";
}

/** A solved flow, indexed like the model. */
export interface FlowSolution {
  served: Float64Array;
  /** Per edge; only filled when `flows` was asked for (zeros otherwise). */
  edgeFlow: Float64Array;
  /** The smallest served fraction (null without consumers). */
  minFraction: number | null;
}

export interface SolveFlowOptions {
  /** Compute the edge flows (the unique least-squares routing of the allocation under the LP objectives). */
  flows: boolean;
}

/**
 * The routing of a given allocation: the least total flow (no circulation, no detours), and among the many
 * routings with that total, the analytic centre of their face, which is unique: an interior-point solve without
 * crossover converges to it (Güler & Ye, "Convergence behavior of interior-point algorithms", Math. Prog. 60,
 * 1993), whereas a simplex vertex would depend on column order, i.e. on node ids. (A least-squares routing would
 * be unique too, but HiGHS's QP solver fails on some small flow problems.) Each consumer's served demand is held
 * within 10^-7 (relative) of its level, since LP levels are feasible only within the solver's tolerance; routed
 * flows are therefore reported to 6 significant digits (`cleanFlow`).
 */
function routing(highs: Highs, model: FlowModel, served: Float64Array): Float64Array {
  const low = new Float64Array(model.nodes.length);
  const high = new Float64Array(model.nodes.length);
  for (const i of model.consumers) {
    low[i] = Math.max(0, served[i]! * (1 - 1e-7) - 1e-7);
    high[i] = served[i]!;
  }
  const flows = new Float64Array(model.edges.length);
  if (model.edges.length === 0) return flows;
  let result: ReturnType<Highs["solve"]>;
  try {
    result = highs.solve(buildRoutingLp(model, low, high), { solver: "ipm", run_crossover: "off" });
  } catch (error) {
    throw new FlowSolveError(error instanceof Error ? error.message : String(error), "routing");
  }
  if (result.Status !== "Optimal") throw new FlowSolveError(result.Status, "routing");
  for (let e = 0; e < model.edges.length; e++) {
    const column = result.Columns[`f${e}`] as { Primal?: number } | undefined;
    flows[e] = Math.max(0, column?.Primal ?? 0);
  }
  return flows;
}

function minFractionOf(model: FlowModel, served: Float64Array): number | null {
  let least: number | null = null;
  for (const i of model.consumers) least = Math.min(least ?? 1, served[i]! / model.demand[i]!);
  return least;
}

/**
 * Solve `model` under `objective`. `allocator`, when given, is reused (it must be this model's).
 * @throws FlowSolveError when HiGHS cannot reach an optimum
 */
export function solveFlow(
  highs: Highs,
  model: FlowModel,
  objective: FlowObjective,
  options: SolveFlowOptions,
  allocator?: Allocator,
): FlowSolution {
  if (!isLpObjective(objective)) {
    const { served, edgeFlow } =
      objective === "proportional" ? proportionalFlow(model) : frozenRoutingFlow(model);
    return { served, edgeFlow, minFraction: minFractionOf(model, served) };
  }
  const own = allocator ?? new Allocator(highs, model);
  try {
    const { served, minFraction } = own.leximin(objective === "max-total");
    const edgeFlow = options.flows ? routing(highs, model, served) : new Float64Array(model.edges.length);
    return { served, edgeFlow, minFraction };
  } finally {
    if (!allocator) own.dispose();
  }
}
