/**
 * Served demand for the page in three steps: the max-total figure first (one LP), then the per-consumer split
 * (the library's leximin allocation among the max-total optima), then each country's range over those optima.
 * The figures are the library's `servedDemand` figures, from `servedDemand` itself (its public options; the
 * module is imported by path, not through `src/index.ts`, which also exports the file readers a worker cannot
 * bundle). The page never shows the routing of the edge flows or the bottleneck gains (one LP per capacity,
 * thousands at 10^4 nodes), so it asks for neither: the report's `edges` and `bottlenecks` come back empty.
 *
 * Why the split is handed over before the ranges: the ranges are two LPs per country (40 on a generated 10^4-node
 * graph, 1.5 CPU s, a third of the whole), and the split does not depend on them; the page shows the split as
 * soon as it is known and adds the ranges when they are.
 */
import { dict } from "../../src/model/dict.js";
import type { SupplyGraph } from "../../src/model/types.js";
import type { AppliedScenario } from "../../src/scenario/types.js";
import { type ServedDemand, type ServedSplit, servedDemand } from "../../src/flow/served-demand.js";

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

/** The split as a report whose ranges are not known yet (NaN). */
function pending(split: ServedSplit): ServedDemand {
  const countries = dict<ServedDemand["countries"][string]>();
  for (const [code, c] of Object.entries(split.countries))
    countries[code] = { ...c, servedRange: [Number.NaN, Number.NaN] };
  return { ...split, countries };
}

/**
 * Max-total served demand, then its leximin split, then the countries' ranges; resolves with the whole report.
 * @throws FlowSolveError if the LP solver fails (it should not on a valid graph)
 */
export function servedInSteps(
  graph: SupplyGraph,
  applied: AppliedScenario,
  steps: ServedSteps,
): Promise<ServedDemand> {
  return servedDemand(graph, applied, {
    edges: false,
    bottlenecks: false,
    onMaxTotal: (total) => steps.onTotal(total),
    onSplit: (split) => steps.onSplit(pending(split)),
  });
}
