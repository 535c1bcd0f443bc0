/**
 * The figures a sample records (total and per-country demand and served), exactly as `servedDemand` reports them:
 * the same flow model, the same allocation (`solveFlow`: leximin among the max-total optima by default), the
 * same rounding to the demand's grid. What `servedDemand` adds and a sample does not use (the routing of edge
 * flows, each country's range over the optima, the bottleneck gains) is skipped: on the bundled 2025 graph a
 * sample takes about a third of the CPU time. tests/uncertainty/served-figures.test.ts holds this equal to
 * `servedDemand` on random graphs, so a change of the flow model shows up there.
 *
 * `solveFlow` and `loadHighs` are public (the package root exports them); the rounding comes from flow's private
 * `_clean.ts`: a public "served totals only" entry point in src/flow would make this file unnecessary.
 */
import type { Highs } from "highs";
import { Allocator } from "../flow/_allocator.js";
import { quantize, quantum } from "../flow/_clean.js";
import { type FlowObjective, solveFlow } from "../flow/_solve-flow.js";
import { loadHighs } from "../flow/_solver.js";
import { buildFlowModel } from "../flow/flow-model.js";
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";

/** Total and per-country demand and served, per year. */
export interface ServedFigures {
  totalDemand: number;
  totalServed: number;
  /** Country code → demand and served (countries with consumers only). */
  countries: Map<string, { demand: number; served: number }>;
}

/**
 * `servedDemand`'s totals of `graph` under `applied` (see the module comment). `highs`, when given, stands in for
 * the solver: the Monte Carlo passes `ReusedModel.highs` (`_reused-model.ts`), whose one model every sample reuses.
 */
export async function servedFigures(
  graph: SupplyGraph,
  applied: AppliedScenario,
  objective: FlowObjective,
  highs?: Highs,
): Promise<ServedFigures> {
  const model = buildFlowModel(graph, applied);
  // The reused model outlives the sample: solveFlow must not dispose it, so the allocator is made here.
  const solution = highs
    ? solveFlow(highs, model, objective, { flows: false }, new Allocator(highs, model))
    : solveFlow(await loadHighs(), model, objective, { flows: false });
  let totalDemand = 0;
  let served = 0;
  const sums = new Map<string, { demand: number; served: number }>();
  for (const i of model.consumers) {
    totalDemand += model.demand[i]!;
    served += solution.served[i]!;
    const code = model.country[i]!;
    const c = sums.get(code) ?? { demand: 0, served: 0 };
    c.demand += model.demand[i]!;
    c.served += solution.served[i]!;
    sums.set(code, c);
  }
  const q = quantum(totalDemand);
  const countries = new Map<string, { demand: number; served: number }>();
  for (const [code, c] of sums) countries.set(code, { demand: c.demand, served: quantize(c.served, q) });
  return { totalDemand, totalServed: quantize(served, q), countries };
}
