/**
 * The node indices of a scenario resolved over an integer view: which positions it removes and which it leaves
 * out (pipeline, idle). The resolver visits every node by index anyway, so keeping them costs nothing, and
 * `scenarioMasks` then needs no id lookup (at 10^6 nodes `no-china` names 350,000 nodes, and their lookups were
 * a fifth of supply plus single points of failure). Kept beside the plain result, per (scenario, view), so the
 * result stays ids only; a scenario object made any other way simply has none.
 */
import type { Csr } from "../model/csr.js";
import type { AppliedScenario } from "./types.js";

/** Indices in one view: `removed` = of `removedNodes`, `excluded` = of `excludedNodes` (any order). */
export interface NodeIndices {
  view: Csr;
  removed: Int32Array;
  excluded: Int32Array;
}

const known = new WeakMap<AppliedScenario, NodeIndices>();

/** Record the indices `applyScenario` found for `applied` over `view`. */
export function rememberNodeIndices(
  applied: AppliedScenario,
  view: Csr,
  removed: number[],
  excluded: number[],
): void {
  known.set(applied, { view, removed: Int32Array.from(removed), excluded: Int32Array.from(excluded) });
}

/** The indices of `applied`'s removed and excluded nodes in `view`, when it was resolved over that view. */
export function nodeIndicesOf(applied: AppliedScenario, view: Csr): NodeIndices | undefined {
  const found = known.get(applied);
  return found?.view === view ? found : undefined;
}
