/**
 * Served demand with extra nodes knocked out of a scenario, for the N-1 sweep and attack curves. The LP
 * objectives reuse one persistent model (`Allocator`: a knockout zeroes the node's edges, which is the same LP as
 * deleting it). With `fromBase` (the N-1 sweep: one node out at a time) every knockout restarts from the base
 * max-total optimum's basis (`Allocator.restart`), so each result depends on the knockout alone; without it
 * (attack curves: one more node out per step) each solve warm-starts from the previous one, the closest basis.
 * The rule objectives re-propagate on a rebuilt model.
 */
import type { Basis, Highs } from "highs";
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { Allocator } from "./_allocator.js";
import { type FlowObjective, isLpObjective, solveFlow } from "./_solve-flow.js";
import { buildFlowModel, type FlowModel } from "./flow-model.js";

export interface Knockout {
  /** The scenario's flow model (nothing knocked out). */
  model: FlowModel;
  /** Served per consumer (in `model.consumers` order) with `removed` node ids taken out as well. */
  served(removed: readonly string[]): Float64Array;
  /** Total served with `removed` taken out (cheaper than `served` under max-total: one LP). */
  total(removed: readonly string[]): number;
  dispose(): void;
}

/** Open a knockout solver for one scenario and objective. */
export function knockout(
  highs: Highs,
  graph: SupplyGraph,
  applied: AppliedScenario,
  objective: FlowObjective,
  fromBase = false,
): Knockout {
  const model = buildFlowModel(graph, applied);
  const sum = (a: Float64Array) => a.reduce((t, x) => t + x, 0);
  if (!isLpObjective(objective)) {
    const served = (removed: readonly string[]) => {
      const without = buildFlowModel(graph, applied, new Set(removed));
      const s = solveFlow(highs, without, objective, { flows: false }).served;
      return Float64Array.from(model.consumers, (i) => s[without.index.get(model.nodes[i]!)!]!);
    };
    return { model, served, total: (removed) => sum(served(removed)), dispose() {} };
  }
  const allocator = new Allocator(highs, model);
  let base: Basis | null = null;
  const restart = (removed: readonly string[]) => {
    if (!fromBase) return allocator.knockOut(removed.map((id) => model.index.get(id)!));
    if (base === null) {
      allocator.knockOut([]);
      allocator.maxTotal();
      base = allocator.basis();
    }
    if (base !== null)
      allocator.restart(
        base,
        removed.map((id) => model.index.get(id)!),
      );
  };
  const served = (removed: readonly string[]) => {
    restart(removed);
    const { served: s } = allocator.leximin(objective === "max-total");
    return Float64Array.from(model.consumers, (i) => s[i]!);
  };
  return {
    model,
    served,
    total(removed) {
      if (objective !== "max-total") return sum(served(removed));
      restart(removed);
      return allocator.maxTotal();
    },
    dispose: () => allocator.dispose(),
  };
}
