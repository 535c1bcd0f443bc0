/**
 * One solve of the flow model under an objective: the LP stages (HiGHS) or the proportional propagation.
 * Synchronous once HiGHS is loaded, so the N-1 sweep and attack curves call it in a tight loop.
 */
import type { Highs } from "highs";
import type { FlowModel } from "./flow-model.js";
import { buildLp, type LpRow } from "./_lp.js";
import { proportionalFlow } from "./proportional.js";
import { FlowSolveError, type LpSolution, lpOptions, solveLp } from "./_solver.js";

/** How served demand is decided: see the README section "Served demand (flow)". */
export type FlowObjective = "max-total" | "max-min" | "proportional";

/** The objectives, in the order `--objective` lists them. */
export const FLOW_OBJECTIVES: readonly FlowObjective[] = ["max-total", "max-min", "proportional"];

/** A solved flow, indexed like the model. */
export interface FlowSolution {
  served: Float64Array;
  /** Per edge; only filled when `flows` was asked for. */
  edgeFlow: Float64Array;
  /** The smallest served fraction max-min guarantees (null for the other objectives). */
  guaranteedFraction: number | null;
  /** The capacity rows of the LP whose duals are positive (LP objectives with `duals`). */
  duals: Array<{ row: LpRow; dual: number; activity: number }>;
}

export interface SolveFlowOptions {
  /** Compute clean edge flows (a min-flow stage after the objective; off in sweeps, where only totals count). */
  flows: boolean;
  /** Collect the duals of capacity rows (bottlenecks). */
  duals: boolean;
}

function served(model: FlowModel, primal: Map<string, number>): Float64Array {
  const s = new Float64Array(model.nodes.length);
  for (const i of model.consumers) s[i] = Math.max(0, Math.min(model.demand[i]!, primal.get(`s${i}`) ?? 0));
  return s;
}

/** Served amount of consumer i in an LP solution. */
function servedOf(sol: LpSolution, i: number): number {
  return sol.primal.get(`s${i}`) ?? 0;
}

/**
 * Lexicographic max-min (progressive filling, as in max-min fair allocation; Bertsekas & Gallager, "Data
 * Networks", 1992, §6.5.2): raise every consumer's served fraction together as far as the network allows, freeze
 * the consumers that cannot go higher, and raise the rest again, until every consumer is frozen. One consumer that
 * is wholly cut off no longer pins everybody else at 0, as a single max-t LP would. A consumer is frozen when it
 * cannot exceed the round's level while everyone else keeps theirs: one LP tells which consumers can rise (those
 * above the level at the optimum of the active sum), and the others are tested one at a time.
 * Returns per-node lower bounds on served demand (fraction × demand, a hair below for solver tolerance) and the
 * first round's level (the smallest served fraction).
 */
function leximinLevels(highs: Highs, model: FlowModel, columns: number) {
  // `exact` = the frozen levels; the LPs of later rounds get them a hair lower, so that solver tolerance never
  // makes a frozen level infeasible. The final total stage tries the exact levels first (see solveFlow).
  const exact = new Float64Array(model.nodes.length);
  const lower = new Float64Array(model.nodes.length);
  const active = new Set(model.consumers);
  const hair = (x: number) => Math.max(0, x * (1 - 1e-9) - 1e-9);
  let guaranteed: number | null = null;
  while (active.size > 0) {
    const lp = buildLp(model, { kind: "min-fraction", lower, active });
    const sol = solveLp(highs, lp.text, "max-min, level", lp.rows.length, columns);
    const t = Math.max(0, Math.min(1, sol.primal.get("t") ?? 0));
    guaranteed ??= t;
    const level = Float64Array.from(lower);
    for (const i of active) level[i] = hair(t * model.demand[i]!);
    const frozen: number[] = [];
    if (t < 1 - 1e-9) {
      const tol = (i: number) => 1e-7 * Math.max(1, model.demand[i]!);
      const at = (i: number) => t * model.demand[i]!;
      const probe = buildLp(model, { kind: "total", lower: level, over: [...active] });
      const all = solveLp(highs, probe.text, "max-min, probe", probe.rows.length, columns);
      for (const i of active) {
        if (servedOf(all, i) > at(i) + tol(i)) continue;
        const one = buildLp(model, { kind: "total", lower: level, over: [i] });
        const alone = solveLp(highs, one.text, "max-min, probe", one.rows.length, columns);
        if (servedOf(alone, i) <= at(i) + tol(i)) frozen.push(i);
      }
    }
    // At full service, or if tolerance hides every bottleneck, the remaining consumers end at this level.
    for (const i of frozen.length > 0 ? frozen : [...active]) {
      lower[i] = level[i]!;
      exact[i] = t * model.demand[i]!;
      active.delete(i);
    }
  }
  return { lower: exact, guaranteed: guaranteed ?? 0 };
}

/** Solve `model` under `objective`. @throws FlowSolveError when HiGHS cannot reach an optimum. */
export function solveFlow(
  highs: Highs,
  model: FlowModel,
  objective: FlowObjective,
  options: SolveFlowOptions,
): FlowSolution {
  if (objective === "proportional") {
    const { served, edgeFlow } = proportionalFlow(model);
    return { served, edgeFlow, guaranteedFraction: null, duals: [] };
  }
  const empty = new Float64Array(model.nodes.length);
  if (model.consumers.length === 0) {
    return {
      served: empty,
      edgeFlow: new Float64Array(model.edges.length),
      guaranteedFraction: null,
      duals: [],
    };
  }
  const columns = model.edges.length + model.consumers.length;
  let lower: Float64Array | undefined;
  let guaranteedFraction: number | null = null;
  if (objective === "max-min") {
    const levels = leximinLevels(highs, model, columns);
    guaranteedFraction = levels.guaranteed;
    lower = levels.lower;
  }
  let lp = buildLp(model, lower ? { kind: "total", lower } : { kind: "total" });
  let sol: LpSolution;
  try {
    sol = solveLp(highs, lp.text, objective, lp.rows.length, columns);
  } catch (error) {
    if (!lower || !(error instanceof FlowSolveError)) throw error;
    // t·demand exactly was out of reach within the solver's tolerance: retry a hair below it.
    for (const i of model.consumers) lower[i] = Math.max(0, lower[i]! * (1 - 1e-9) - 1e-9);
    lp = buildLp(model, { kind: "total", lower });
    sol = solveLp(highs, lp.text, objective, lp.rows.length, columns);
  }
  const s = served(model, sol.primal);
  const duals: FlowSolution["duals"] = [];
  if (options.duals) {
    for (const [r, row] of lp.rows.entries()) {
      if (row.kind === "other") continue;
      const dual = sol.rowDual[r]!;
      if (Math.abs(dual) > 1e-9) duals.push({ row, dual, activity: sol.rowPrimal[r]! });
    }
  }
  let edgeFlow = new Float64Array(model.edges.length);
  for (let e = 0; e < model.edges.length; e++) edgeFlow[e] = Math.max(0, sol.primal.get(`f${e}`) ?? 0);
  if (options.flows) {
    // The objective fixes how much each consumer gets, not the routing: pick the routing with the least
    // total flow, which removes circulation on cycles and detours. Falls back to the first solution.
    const clean = buildLp(model, { kind: "min-flow", served: s });
    let result: ReturnType<typeof highs.solve> | null = null;
    try {
      result = highs.solve(clean.text, lpOptions(columns));
    } catch {
      // HiGHS could not read this second model (numerically extreme input): keep the first routing
    }
    if (result?.Status === "Optimal") {
      edgeFlow = new Float64Array(model.edges.length);
      for (let e = 0; e < model.edges.length; e++) {
        const column = result.Columns[`f${e}`] as { Primal?: number } | undefined;
        edgeFlow[e] = Math.max(0, column?.Primal ?? 0);
      }
    }
  }
  return { served: s, edgeFlow, guaranteedFraction, duals };
}
