/**
 * The staged solves of one period, each holding what the stages before it decided (lexicographic optimisation),
 * and the first stage of both the plan (`_plan.ts`) and the execution (`_execute.ts`): service, the largest total
 * served demand, then leximin among those optima (`fairService`), the rule of the yearly model.
 */
import type { Highs } from "highs";
import { FlowSolveError, type LpSolution, lpOptions, solutionOf, solveLp } from "../flow/_solver.js";
import { hair, leximinLevels } from "./_leximin.js";
import { type LpGoal, num, type PeriodLp, stageText, sum } from "./_period-lp.js";

/** Lower bounds `factor` lower (relative), the same again absolute. */
function loosen(bounds: Float64Array | undefined, factor: number): Float64Array | undefined {
  return bounds && Float64Array.from(bounds, (x) => Math.max(0, x * (1 - factor) - factor));
}

/**
 * Solve one stage. The bounds that earlier stages fixed are kept a hair low; when solver tolerance still makes
 * them infeasible, they are loosened (1e-7, then 1e-5 relative) before giving up: noise, not a model error.
 */
export function solve(highs: Highs, lp: PeriodLp, goal: LpGoal, what: string, strict = false): LpSolution {
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
    // HiGHS's presolve has been seen to declare a feasible period LP (all zeros satisfy it) infeasible: retry
    // without presolve before loosening anything.
    const plain = withoutPresolve(highs, text, rows, columns);
    if (plain) return plain;
  }
  throw last;
}

/** Solve with presolve off; null unless optimal. */
function withoutPresolve(highs: Highs, text: string, rows: number, columns: number): LpSolution | null {
  const result = highs.solve(text, { ...lpOptions(columns), presolve: "off" });
  if (result.Status !== "Optimal") return null;
  return solutionOf(result, rows);
}

export const value = (sol: LpSolution, name: string) => sol.primal.get(name) ?? 0;

/** Relative shortfall below which a period counts as fully served (solver noise, not a shortage). */
export const FULL_TOLERANCE = 1e-6;

/** A bound a hair above x (for "at most what the earlier stage reached"). */
export const above = (x: number) => x * (1 + 1e-9) + 1e-9;

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
