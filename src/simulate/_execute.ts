/**
 * The execution of a period: with service fixed (fair service), ship as much of the plan as material on hand
 * allows, every planned edge filled to the same share first; then keep as much stock as possible. The common case
 * (everyone served in full, the whole plan shipped) takes one solve.
 */
import type { Highs } from "highs";
import { FlowSolveError, type LpSolution } from "../flow/_solver.js";
import { hair } from "./_leximin.js";
import { type LpGoal, num, type PeriodLp } from "./_period-lp.js";
import { FULL_TOLERANCE, fairService, solve, value } from "./_stages.js";

/** What one period does. Per node, edge, pool and stockpile (indices of the network). */
export interface PeriodOutcome {
  served: Float64Array;
  shipped: Float64Array;
  kept: Float64Array;
  drawn: Float64Array;
}

/** Execute a period: fair service, then ship the plan as far as material allows, then keep stock. */
export function executePeriod(highs: Highs, lp: PeriodLp): PeriodOutcome {
  return steadyPeriod(highs, lp) ?? stagedPeriod(highs, lp);
}

/** Read a solution into an outcome; `exact` = the served levels the service stages fixed. */
function outcome(lp: PeriodLp, sol: LpSolution, exact: Float64Array): PeriodOutcome {
  const { net } = lp.input;
  const served = new Float64Array(net.nodes.length);
  // The service stages fixed the levels; later stages keep them within a hair, so report the levels themselves.
  for (const i of lp.columns.consumers) {
    const d = lp.input.demand[i]!;
    const x = Math.max(0, Math.min(d, Math.max(exact[i]!, value(sol, `s${i}`))));
    served[i] = x < d * FULL_TOLERANCE ? 0 : x; // solver noise around nothing, as around full service
  }
  const shipped = new Float64Array(net.edges.length);
  for (const e of lp.columns.edges) shipped[e] = Math.max(0, value(sol, `f${e}`));
  const kept = new Float64Array(net.pools.length);
  for (const p of lp.columns.keep) kept[p] = Math.max(0, value(sol, `x${p}`));
  const drawn = new Float64Array(net.piles.length);
  for (const d of lp.columns.draws) drawn[d.pile]! += Math.max(0, value(sol, d.name));
  return { served, shipped, kept, drawn };
}

/**
 * The common case in one solve: every consumer served in full and the whole plan shipped, keeping the most stock.
 * It is what the stages decide whenever it is feasible (each stage then reaches its bound); null when it is not.
 */
function steadyPeriod(highs: Highs, lp: PeriodLp): PeriodOutcome | null {
  const { demand, edgeUb } = lp.input;
  // 1e-7 below the bounds: shipments a hair short in one period make arrivals a hair short later, and a chain of
  // a few tiers must still count as steady (the report's tolerance is 1e-6).
  const loose = (x: number) => Math.max(0, x * (1 - 1e-7) - 1e-9);
  const servedLower = Float64Array.from(demand, loose);
  const shipLower = Float64Array.from(edgeUb, (u) => (Number.isFinite(u) ? loose(u) : 0));
  const keepTerms = [...lp.columns.keep.map((p) => `x${p}`), ...lp.columns.draws.map((d) => `-${d.name}`)];
  try {
    // shipping the plan in full keeps the next periods' arrivals whole; stocks are kept besides
    // within the 1e-7 slack: serve first, then ship, then keep (weights 4, 2, 1 break the ties that way)
    const objective = [
      ...lp.columns.consumers.map((i) => `4 s${i}`),
      ...lp.columns.edges.map((e) => `2 f${e}`),
      ...keepTerms,
    ];
    const goal: LpGoal = { sense: "Maximize", objective, servedLower, shipLower };
    return outcome(lp, solve(highs, lp, goal, "steady", true), Float64Array.from(demand));
  } catch (error) {
    if (error instanceof FlowSolveError) return null;
    throw error;
  }
}

/** The stages one by one (see the header). */
function stagedPeriod(highs: Highs, lp: PeriodLp): PeriodOutcome {
  const { net, edgeUb } = lp.input;
  const service = fairService(highs, lp);
  const servedLower = service.lower;
  const flows = lp.columns.edges.map((e) => `f${e}`);
  const shipLower = new Float64Array(net.edges.length);
  let sol = solve(highs, lp, { sense: "Maximize", objective: flows, servedLower }, "ship");
  const planned = lp.columns.edges.reduce((t, e) => t + edgeUb[e]!, 0);
  if (flows.length > 0 && sol.objective < planned - 1e-9 * Math.max(1, planned)) {
    // Short of material: fill every planned edge to the same share first, so no buyer's plan is favoured.
    const rows = lp.columns.edges.map((e) => ` q${e}: f${e} - ${num(edgeUb[e]!)} t >= 0`);
    const goal: LpGoal = { sense: "Maximize", objective: ["t"], rows, servedLower, level: true };
    const theta = Math.max(0, Math.min(1, value(solve(highs, lp, goal, "fill"), "t")));
    for (const e of lp.columns.edges) shipLower[e] = hair(theta * edgeUb[e]!);
    sol = solve(highs, lp, { sense: "Maximize", objective: flows, servedLower, shipLower }, "ship");
  }
  const keepTerms = [...lp.columns.keep.map((p) => `x${p}`), ...lp.columns.draws.map((d) => `-${d.name}`)];
  if (keepTerms.length > 0) {
    for (const e of lp.columns.edges) shipLower[e] = hair(Math.max(0, value(sol, `f${e}`)));
    sol = solve(highs, lp, { sense: "Maximize", objective: keepTerms, servedLower, shipLower }, "keep stock");
  }
  return outcome(lp, sol, service.exact);
}
