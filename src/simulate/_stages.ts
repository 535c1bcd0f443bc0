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
import { type LpSolution, solveLp } from "../flow/_solver.js";
import { hair, leximinLevels } from "./_leximin.js";
import { num, type LpGoal, type PeriodLp, stageText, sum } from "./_period-lp.js";

function solve(highs: Highs, lp: PeriodLp, goal: LpGoal, what: string): LpSolution {
  const text = stageText(lp, goal);
  const columns = lp.columns.edges.length + lp.columns.consumers.length + lp.columns.keep.length;
  return solveLp(highs, text, `simulate, ${what}`, lp.rows.length + (goal.rows?.length ?? 0), columns);
}

const value = (sol: LpSolution, name: string) => sol.primal.get(name) ?? 0;

/** A bound a hair above x (for "at most what the earlier stage reached"). */
const above = (x: number) => x * (1 + 1e-9) + 1e-9;

/** Per-node lower bounds on served demand: max-total, then leximin among the max-total optima. */
export function fairService(highs: Highs, lp: PeriodLp): Float64Array {
  const { consumers } = lp.columns;
  const demand = lp.input.demand;
  const lower = new Float64Array(demand.length);
  if (consumers.length === 0) return lower;
  const all = consumers.map((i) => `s${i}`);
  const first = solve(highs, lp, { sense: "Maximize", objective: all }, "max-total");
  const totalDemand = consumers.reduce((t, i) => t + demand[i]!, 0);
  if (first.objective >= totalDemand - 1e-9 * Math.max(1, totalDemand)) {
    for (const i of consumers) lower[i] = hair(demand[i]!);
    return lower;
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
  for (const i of consumers) lower[i] = hair(exact[i]!);
  return lower;
}

/** The plan's flow per edge (in the LP's units): fair service, then the least stock use, then the least flow. */
export function planFlows(highs: Highs, lp: PeriodLp): Float64Array {
  const servedLower = fairService(highs, lp);
  const rows: string[] = [];
  const frees = lp.columns.free.map((p) => `u${p}`);
  if (frees.length > 0) {
    const least = solve(highs, lp, { sense: "Minimize", objective: frees, servedLower }, "plan, least stock");
    rows.push(` ustock: ${sum(frees)} <= ${num(above(least.objective))}`);
  }
  const flows = lp.columns.edges.map((e) => `f${e}`);
  const sol = solve(
    highs,
    lp,
    { sense: "Minimize", objective: flows, servedLower, rows },
    "plan, least flow",
  );
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
  const { net, edgeUb } = lp.input;
  const servedLower = fairService(highs, lp);
  const flows = lp.columns.edges.map((e) => `f${e}`);
  const shipLower = new Float64Array(net.edges.length);
  let sol = solve(highs, lp, { sense: "Maximize", objective: flows, servedLower }, "ship");
  const planned = lp.columns.edges.reduce((t, e) => t + edgeUb[e]!, 0);
  if (flows.length > 0 && sol.objective < planned - 1e-9 * Math.max(1, planned)) {
    // Short of material: fill every planned edge to the same share first, so no buyer's plan is favoured.
    const rows = lp.columns.edges.map((e) => ` q${e}: f${e} - ${num(edgeUb[e]!)} t >= 0`);
    const fill = solve(
      highs,
      lp,
      { sense: "Maximize", objective: ["t"], rows, servedLower, level: true },
      "fill",
    );
    const theta = Math.max(0, Math.min(1, value(fill, "t")));
    for (const e of lp.columns.edges) shipLower[e] = hair(theta * edgeUb[e]!);
    sol = solve(highs, lp, { sense: "Maximize", objective: flows, servedLower, shipLower }, "ship");
  }
  const keepTerms = [...lp.columns.keep.map((p) => `x${p}`), ...lp.columns.draws.map((d) => `-${d.name}`)];
  if (keepTerms.length > 0) {
    for (const e of lp.columns.edges) shipLower[e] = hair(Math.max(0, value(sol, `f${e}`)));
    sol = solve(highs, lp, { sense: "Maximize", objective: keepTerms, servedLower, shipLower }, "keep stock");
  }
  const served = new Float64Array(net.nodes.length);
  for (const i of lp.columns.consumers)
    served[i] = Math.max(0, Math.min(lp.input.demand[i]!, value(sol, `s${i}`)));
  const shipped = new Float64Array(net.edges.length);
  for (const e of lp.columns.edges) shipped[e] = Math.max(0, value(sol, `f${e}`));
  const kept = new Float64Array(net.pools.length);
  for (const p of lp.columns.keep) kept[p] = Math.max(0, value(sol, `x${p}`));
  const drawn = new Float64Array(net.piles.length);
  for (const d of lp.columns.draws) drawn[d.pile]! += Math.max(0, value(sol, d.name));
  return { served, shipped, kept, drawn };
}
