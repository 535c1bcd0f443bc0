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
  /** How the edge flows were chosen (`rule` for the propagation objectives, which fix them). */
  routing: RoutingMethod;
}

export interface SolveFlowOptions {
  /** Compute the edge flows (the unique least-flow routing of the allocation under the LP objectives). */
  flows: boolean;
  /** Under the LP objectives, called with the max-total value as soon as it is solved, before the split. */
  onMaxTotal?: (total: number) => void;
}

/**
 * How the edge flows of a solution were chosen (`none`: not computed). `least-squares` is no longer produced
 * (HiGHS's QP solver failed on some flow problems depending on column order) and stays for reports written
 * before.
 */
export type RoutingMethod = "least-squares" | "least-flow" | "rule" | "none";

/**
 * A weight in [1, 1 + 10^-4) per edge from the labels of its two ends (FNV-1a hash): data, not ids, so renaming
 * nodes or reordering the file does not change it. Generic weights make the least-flow routing a single vertex.
 */
function labelWeight(model: FlowModel, e: number): number {
  const edge = model.edges[e]!;
  const text = `${model.label[edge.source]}\u0000${model.label[edge.target]}\u0000${edge.material ?? ""}`;
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return 1 + (h / 2 ** 32) * 1e-4;
}

/**
 * The routing of a given allocation: the least total flow (no circulation, no detours), each edge weighted in
 * [1, 1 + 10^-4) by a hash of its ends' labels (`labelWeight`): generic weights leave one optimal vertex, and
 * labels are data, not ids. (The least ½Σf² would be unique too, but HiGHS's QP solver fails on some flow
 * problems, and whether it fails depends on the column order.) Each consumer's served demand is held within 10^-7 (relative) of its
 * level, since LP levels are feasible only within the solver's tolerance; flows are reported on the grid of
 * `quantum`.
 */
function routing(
  highs: Highs,
  model: FlowModel,
  served: Float64Array,
): { flows: Float64Array; method: RoutingMethod } {
  const low = new Float64Array(model.nodes.length);
  const high = new Float64Array(model.nodes.length);
  for (const i of model.consumers) {
    low[i] = Math.max(0, served[i]! * (1 - 1e-7) - 1e-7);
    high[i] = served[i]!;
  }
  const flows = new Float64Array(model.edges.length);
  if (model.edges.length === 0) return { flows, method: "least-squares" };
  const attempt = (squares: boolean) => {
    try {
      const weight = squares ? undefined : (e: number) => labelWeight(model, e);
      const result = highs.solve(buildRoutingLp(model, low, high, squares, weight), {});
      return result.Status === "Optimal" ? result : null;
    } catch {
      return null;
    }
  };
  // HiGHS's QP solver succeeds or fails on the same problem depending on column order, so the least-squares
  // routing would change the method (and the flows) with the node ids: the least-flow routing is used always.
  const method: RoutingMethod = "least-flow";
  const result = attempt(false);
  if (!result) throw new FlowSolveError("no optimum", "routing");
  for (let e = 0; e < model.edges.length; e++) {
    const column = result.Columns[`f${e}`] as { Primal?: number } | undefined;
    flows[e] = Math.max(0, column?.Primal ?? 0);
  }
  return { flows, method };
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
    return { served, edgeFlow, minFraction: minFractionOf(model, served), routing: "rule" };
  }
  // an allocator of its own is fresh: its first solve starts at the plain max-total LP's optimum, as
  // `servedDemand`'s does (`_plain-start.ts`)
  const own = allocator ?? new Allocator(highs, model, { plainStart: true });
  try {
    const { served, minFraction } = own.leximin(objective === "max-total", options.onMaxTotal);
    const routed = options.flows ? routing(highs, model, served) : null;
    const edgeFlow = routed?.flows ?? new Float64Array(model.edges.length);
    return { served, edgeFlow, minFraction, routing: routed?.method ?? "none" };
  } finally {
    if (!allocator) own.dispose();
  }
}
