/**
 * Served demand for the page in three steps: the max-total figure first (one LP), then the per-consumer split
 * (the library's leximin allocation among the max-total optima), then each country's range over those optima.
 * The figures are the library's `servedDemand` figures, computed by the same pieces (`Allocator`, `solveFlow`,
 * `describeFlow`); what the page leaves out is what it never shows: the routing of the edge flows and the
 * bottleneck gains (one LP per capacity, thousands at 10^4 nodes), so the report's `edges` and `bottlenecks`
 * come back empty.
 *
 * Why the split is handed over before the ranges: the ranges are two LPs per country (40 on a generated 10^4-node
 * graph, 1.5 CPU s, a third of the whole), and the split does not depend on them; the page shows the split as
 * soon as it is known and adds the ranges when they are.
 *
 * Why private `src/flow` modules: the public `servedDemand` always computes the routing and the bottleneck gains
 * and gives no figure before the end. What this file needs from the library's public API is an option to leave
 * those two out, and callbacks with the max-total figure and the split; until then it composes the pieces
 * `servedDemand` is made of (`Allocator`, `solveFlow`, `loadHighs`, `buildFlowModel`, `describeFlow`; none is
 * exported by `src/index.ts`).
 */
import type { SupplyGraph } from "../../src/model/types.js";
import type { AppliedScenario } from "../../src/scenario/types.js";
import { Allocator } from "../../src/flow/_allocator.js";
import { solveFlow } from "../../src/flow/_solve-flow.js";
import { loadHighs } from "../../src/flow/_solver.js";
import { buildFlowModel } from "../../src/flow/flow-model.js";
import { describeFlow, type ServedDemand } from "../../src/flow/served-demand.js";

/** What `servedInSteps` reports before it ends. */
export interface ServedSteps {
  /** The largest total served (unique, whatever the split), before the split is computed. */
  onTotal(maxTotalServed: number): void;
  /**
   * The split, before the countries' ranges are computed: every figure of `served` is final except
   * `countries[*].servedRange`, which is not computed yet (NaN) and must not be shown.
   */
  onSplit(served: ServedDemand): void;
}

/**
 * Max-total served demand, then its leximin split, then the countries' ranges; resolves with the whole report.
 * @throws FlowSolveError if the LP solver fails (it should not on a valid graph)
 */
export async function servedInSteps(
  graph: SupplyGraph,
  applied: AppliedScenario,
  steps: ServedSteps,
): Promise<ServedDemand> {
  const highs = await loadHighs();
  const model = buildFlowModel(graph, applied);
  const allocator = new Allocator(highs, model);
  try {
    const maxTotal = allocator.maxTotal();
    steps.onTotal(maxTotal);
    const solution = solveFlow(highs, model, "max-total", { flows: false }, allocator);
    const notYet = (): [number, number] => [Number.NaN, Number.NaN];
    steps.onSplit(describeFlow(graph, model, "max-total", solution, { maxTotal, range: notYet, gain: null }));
    return describeFlow(graph, model, "max-total", solution, {
      maxTotal,
      range: (consumers) => allocator.servedRange(consumers, maxTotal),
      gain: null,
    });
  } finally {
    allocator.dispose();
  }
}
