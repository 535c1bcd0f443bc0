/**
 * Served demand with extra nodes knocked out of a scenario, for the N-1 sweep and attack curves: a warm-started
 * persistent LP for max-total, the rounds of max-min and the propagation of proportional on a rebuilt model.
 */
import type { Highs } from "highs";
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { FlowSession } from "./_session.js";
import { type FlowObjective, solveFlow } from "./_solve-flow.js";
import { buildFlowModel, type FlowModel } from "./flow-model.js";
import { proportionalFlow } from "./proportional.js";

export interface Knockout {
  /** The scenario's flow model (nothing knocked out). */
  model: FlowModel;
  /** Served per consumer (in `model.consumers` order) with `removed` node ids taken out as well. */
  served(removed: readonly string[]): Float64Array;
  dispose(): void;
}

/** Open a knockout solver for one scenario and objective. */
export function knockout(
  highs: Highs,
  graph: SupplyGraph,
  applied: AppliedScenario,
  objective: FlowObjective,
): Knockout {
  const model = buildFlowModel(graph, applied);
  if (objective !== "max-total") {
    // proportional re-propagates; max-min re-runs its rounds of LPs (its frozen set changes with each knockout,
    // so a single warm-started model cannot follow it).
    return {
      model,
      served(removed) {
        const without = buildFlowModel(graph, applied, new Set(removed));
        const served =
          objective === "proportional"
            ? proportionalFlow(without).served
            : solveFlow(highs, without, objective, { flows: false, duals: false }).served;
        return Float64Array.from(model.consumers, (i) => served[without.index.get(model.nodes[i]!)!]!);
      },
      dispose() {},
    };
  }
  const session = new FlowSession(highs, model);
  return {
    model,
    served: (removed) => session.served(removed.map((id) => model.index.get(id)!)),
    dispose: () => session.dispose(),
  };
}
