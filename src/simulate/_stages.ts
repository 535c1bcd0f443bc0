/**
 * The staged solves of one period, each holding what the stages before it decided (lexicographic optimisation):
 * - service: the largest total served demand, then leximin among those optima (`fairService`), the rule of the
 *   yearly model;
 * - the plan (`planFlows`): with service fixed, the least use of stocks, then the least total flow (the cleanest
 *   routing: no circulation, no detour);
 * - the execution (`executePeriod`): with service fixed, ship as much of the plan as material on hand allows,
 *   every planned edge filled to the same share first; then keep as much stock as possible.
 */
import type { Highs } from "highs";
import { FlowSolveError, type LpSolution, solveLp } from "../flow/_solver.js";
import { hair, leximinLevels } from "./_leximin.js";
import { num, type LpGoal, type PeriodLp, stageText, sum } from "./_period-lp.js";

/** Lower bounds `factor` lower (relative), the same again absolute. */
function loosen(bounds: Float64Array | undefined, factor: number): Float64Array | undefined {
  return bounds && Float64Array.from(bounds, (x) => Math.max(0, x * (1 - factor) - factor));
}

/**
 * Solve one stage. The bounds that earlier stages fixed are kept a hair low; when solver tolerance still makes
 * them infeasible, they are loosened (1e-7, then 1e-5 relative) before giving up: noise, not a model error.
 */
function solve(highs: Highs, lp: PeriodLp, goal: LpGoal, what: string, strict = false): LpSolution {
  const columns = lp.columns.edges.length + lp.columns.consumers.length + lp.columns.keep.length;
  const rows = lp.rows.length + (goal.rows?.length ?? 0);
  let last: unknown;
  for (const factor of strict ? [0] : [0, 1e-7, 1e-5]) {
    const g =
      factor === 0
        ? goal
        : {
            ...goal,
            servedLower: loosen(goal.servedLower, factor),
            shipLower: loosen(goal.shipLower, factor),
          };
    const text = stageText(lp, g);
    try {
      return solveLp(highs, text, `simulate, ${what}`, rows, columns);
    } catch (error) {
      if (!(error instanceof FlowSolveError)) throw error;
      last = error;
    }
  }
  throw last;
}

const value = (sol: LpSolution, name: string) => sol.primal.get(name) ?? 0;

/** Relative shortfall below which a period counts as fully served (solver noise, not a shortage). */
export const FULL_TOLERANCE = 1e-6;

/** A bound a hair above x (for "at most what the earlier stage reached"). */
const above = (x: number) => x * (1 + 1e-9) + 1e-9;

/** Served demand decided by the service stages: `exact` levels (reported), `lower` = a hair below (for later LPs). */
export interface Service {
  exact: Float64Array;
  lower: Float64Array;
}

/** Served demand per node: max-total, then leximin among the max-total optima. */
export function fairService(highs: Highs, lp: PeriodLp): Service {
  const { consumers } = lp.columns;
  const demand = lp.input.demand;
  const lower = new Float64Array(demand.length);
  if (consumers.length === 0) return { exact: lower, lower };
  const all = consumers.map((i) => `s${i}`);
  const first = solve(highs, lp, { sense: "Maximize", objective: all }, "max-total");
  const totalDemand = consumers.reduce((t, i) => t + demand[i]!, 0);
  // Within FULL_TOLERANCE everyone is served in full: the hair-lower bounds of earlier stages and periods leave
  // relative noise of ~1e-9 per solve, which must not read as a shortfall.
  if (first.objective >= totalDemand * (1 - FULL_TOLERANCE)) {
    // later stages keep what this solve reached (feasible), the report says "served in full"
    for (const i of consumers) lower[i] = hair(Math.min(demand[i]!, value(first, `s${i}`)));
    return { exact: Float64Array.from(demand), lower };
  }
  const totalRow = ` tot: ${sum(all)} >= ${num(hair(first.objective))}`;
  const exact = leximinLevels(consumers, demand, {
    level(low, active) {
      const rows = [totalRow, ...[...active].map((i) => ` m${i}: s${i} - ${num(demand[i]!)} t >= 0`)];
      const sol = solve(
        highs,
        lp,
        { sense: "Maximize", objective: ["t"], rows, servedLower: low, level: true },
        "leximin",
      );
      return value(sol, "t");
    },
    total(low, over) {
      const goal: LpGoal = {
        sense: "Maximize",
        objective: over.map((i) => `s${i}`),
        rows: [totalRow],
        servedLower: low,
      };
      const sol = solve(highs, lp, goal, "leximin probe");
      return (i) => value(sol, `s${i}`);
    },
  });
  for (const i of consumers) {
    lower[i] = hair(exact[i]!);
    if (exact[i]! >= demand[i]! * (1 - FULL_TOLERANCE)) exact[i] = demand[i]!; // noise, not a shortage
  }
  return { exact, lower };
}

/**
 * The plan's flow per edge (in the LP's units): fair service, then the least stock use, then the routing closest to
 * `previous` (least total change, Σ|g − previous|: buyers keep their suppliers where they can, and a plan never
 * flips between equally good routings from one period to the next), or without a previous plan the least total
 * flow (no circulation, no detour).
 */
export function planFlows(highs: Highs, lp: PeriodLp, previous?: Float64Array): Float64Array {
  const servedLower = fairService(highs, lp).lower;
  const rows: string[] = [];
  const frees = lp.columns.free.map((p) => `u${p}`);
  if (frees.length > 0) {
    const least = solve(highs, lp, { sense: "Minimize", objective: frees, servedLower }, "plan, least stock");
    rows.push(` ustock: ${sum(frees)} <= ${num(above(least.objective))}`);
  }
  let objective = lp.columns.edges.map((e) => `f${e}`);
  const bounds: string[] = [];
  if (previous) {
    // w_e >= |f_e - previous_e|, minimised: the L1 distance to the previous plan.
    objective = lp.columns.edges.map((e) => `w${e}`);
    for (const e of lp.columns.edges) {
      rows.push(
        ` wa${e}: w${e} - f${e} >= ${num(-previous[e]!)}`,
        ` wb${e}: w${e} + f${e} >= ${num(previous[e]!)}`,
      );
      bounds.push(` w${e} >= 0`);
    }
  }
  const goal: LpGoal = { sense: "Minimize", objective, servedLower, rows, bounds };
  const sol = solve(highs, lp, goal, "plan, routing");
  const out = new Float64Array(lp.input.net.edges.length);
  for (const e of lp.columns.edges) out[e] = Math.max(0, value(sol, `f${e}`));
  return out;
}

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
