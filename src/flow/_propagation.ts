/**
 * What the two propagation rules (`frozen-routing`, `proportional`) share: a topological order of the flow
 * model and what a node can make from its inflows. Both compute the least fixed point of a monotone map by
 * Kleene iteration from zero flows: every quantity only grows and is bounded, so it converges; on a DAG one sweep
 * in topological order is exact, on cycles it converges geometrically and stops at a relative change of 1e-12.
 * The least fixed point is unique, so the order of the sweep (nodes on cycles go in index order) does not matter.
 */
import { type KahnOrder, kahnOrder } from "../model/_kahn.js";
import type { FlowModel } from "./flow-model.js";

/** Flows of a propagation rule, indexed like the model. */
export interface FlowAllocation {
  /** Served demand per node index (0 for non-consumers). */
  served: Float64Array;
  /** Flow per edge index. */
  edgeFlow: Float64Array;
}

/** Sweeps before giving up on convergence (a cycle that converges this slowly has gains near 1). */
export const MAX_SWEEPS = 10_000;

/**
 * Kahn's order of the model's nodes over its edges, each node's out-edges in the model's order; nodes on or
 * behind a cycle come last, in index order (`_kahn.ts`).
 */
export function flowOrder(model: FlowModel): KahnOrder {
  return kahnOrder(model.nodes.length, (i, visit) => {
    for (const e of model.outEdges[i]!) visit(model.edges[e]!.target);
  });
}

/** Inflow of `material` into node i (all materials when undefined). */
export function inflowOf(
  model: FlowModel,
  edgeFlow: Float64Array,
  i: number,
  material: string | undefined,
): number {
  let total = 0;
  for (const e of model.inEdges[i]!) {
    if (material === undefined || model.edges[e]!.material === material) total += edgeFlow[e]!;
  }
  return total;
}

/** What node i can make from its inflows: the scarcest recipe material, or the whole inflow without a recipe. */
export function makeable(model: FlowModel, edgeFlow: Float64Array, i: number): number {
  const recipe = model.recipe[i];
  if (!recipe) return inflowOf(model, edgeFlow, i, undefined);
  let most = Number.POSITIVE_INFINITY;
  for (const [m, amount] of Object.entries(recipe))
    most = Math.min(most, inflowOf(model, edgeFlow, i, m) / amount);
  return most;
}
