/**
 * The plan of a period: the yearly flow model on the period's network, solved in stages: fair service, then the
 * least use of stocks, then the routing closest to the previous plan.
 */
import type { Highs } from "highs";
import { type LpGoal, num, type PeriodLp, sum } from "./_period-lp.js";
import { above, fairService, solve, value } from "./_stages.js";

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
