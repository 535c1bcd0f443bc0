/**
 * Served demand with extra nodes knocked out of a scenario, for the N-1 sweep and attack curves: a warm-started
 * persistent LP for max-total and max-min, the propagation again for proportional.
 */
import type { Highs } from "highs";
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { FlowSession } from "./_session.js";
import type { FlowObjective } from "./_solve-flow.js";
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
  if (objective === "proportional") {
    return {
      model,
      served(removed) {
        const without = buildFlowModel(graph, applied, new Set(removed));
        const { served } = proportionalFlow(without);
        return Float64Array.from(model.consumers, (i) => served[without.index.get(model.nodes[i]!)!]!);
      },
      dispose() {},
    };
  }
  const session = new FlowSession(highs, model, objective);
  return {
    model,
    served: (removed) => session.served(removed.map((id) => model.index.get(id)!)),
    dispose: () => session.dispose(),
  };
}
