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
  /**
   * Both at once, from ONE allocation (the N-1 sweep needs both per node). Under max-total the total is the
   * allocation's own max-total solve, the same LP from the same basis as `total` (same bits), not a second one.
   */
  both(removed: readonly string[]): { served: Float64Array; total: number };
  /** With `fromBase` under the LP objectives: the base max-total optimum's basis every knockout restarts from. */
  base(): Basis | null;
  dispose(): void;
}

/**
 * The allocation `allocator` holds now (after `Allocator.restart`): served per consumer in `model.consumers`
 * order, and the total (under max-total, the allocation's own max-total solve). The sweep's workers call this
 * too, so a knockout gives the same bits on any thread.
 */
export function allocationNow(
  allocator: Allocator,
  model: FlowModel,
  objective: FlowObjective,
): { served: Float64Array; total: number } {
  const allocation = allocator.leximin(objective === "max-total");
  const s = Float64Array.from(model.consumers, (i) => allocation.served[i]!);
  return {
    served: s,
    total: objective === "max-total" ? Math.max(0, allocation.total) : s.reduce((t, x) => t + x, 0),
  };
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
    const both = (removed: readonly string[]) => {
      const s = served(removed);
      return { served: s, total: sum(s) };
    };
    return { model, served, total: (removed) => sum(served(removed)), both, base: () => null, dispose() {} };
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
  const both = (removed: readonly string[]) => {
    restart(removed);
    return allocationNow(allocator, model, objective);
  };
  const served = (removed: readonly string[]) => both(removed).served;
  return {
    model,
    served,
    both,
    base() {
      if (fromBase && base === null) restart([]);
      return base;
    },
    total(removed) {
      if (objective !== "max-total") return sum(served(removed));
      restart(removed);
      return allocator.maxTotal();
    },
    dispose: () => allocator.dispose(),
  };
}
