/**
 * The `proportional` objective: proportional rationing with no new routes. Every surviving supplier makes what
 * it can and rations it among its SURVIVING buyers in proportion to their baseline volumes; a buyer that needs
 * less than its share takes only what it needs, and the rest is re-rationed among the others (water-filling),
 * so nothing is thrown away while a surviving buyer can still use it. The share of a removed buyer or a cut edge
 * goes to the others, not into a void (the `frozen-routing` rule keeps contracts instead).
 *
 * - What a supplier rations: a source, its capacity (its baseline out-volume when unlimited); any other node,
 *   what its inflows allow (the scarcest recipe material, or the whole inflow), capped by its capacity. Sources
 *   may ship above their baseline: rationing shares a shortage, it does not cap the survivors.
 * - What a buyer can take from one supplier: its need of that material (a consumer: demand × recipe amount;
 *   a facility: capacity × recipe amount, unlimited without capacity) split among its surviving suppliers of
 *   that material in proportion to their baseline volumes, and at most the edge's capacity. So buyers spread
 *   their orders as they did, and a buyer that lost a supplier asks the survivors for the whole need.
 * - Edges with no baseline volume carry nothing unless no edge of that supplier (or buyer) had a volume; then the
 *   shares are equal, as when nothing is known.
 * Both sides depend only on baseline volumes and the scenario, never on ids or order: the allocation is unique
 * (the least fixed point of a monotone map, `_propagation.ts`).
 */
import { type FlowAllocation, flowOrder, MAX_SWEEPS, makeable } from "./_propagation.js";
import type { FlowModel } from "./flow-model.js";

/**
 * Water-filling: split `amount` among claims in proportion to `weight`, none above its `cap`; what a capped claim
 * cannot take goes to the others. Unique; returns the shares in the claims' order.
 */
export function waterFill(amount: number, weight: readonly number[], cap: readonly number[]): number[] {
  const share = weight.map(() => 0);
  const open = weight.map((_, k) => k).filter((k) => weight[k]! > 0 && cap[k]! > 0);
  // Claims in the order in which they fill up (cap per unit weight); ties fill together, so order is moot.
  const ratio = (k: number) => cap[k]! / weight[k]!;
  open.sort((a, b) => (ratio(a) < ratio(b) ? -1 : ratio(a) > ratio(b) ? 1 : 0));
  let left = Math.max(0, amount);
  let w = open.reduce((t, k) => t + weight[k]!, 0);
  for (const k of open) {
    const fair = (left * weight[k]!) / w;
    share[k] = Math.min(cap[k]!, fair);
    left -= share[k]!;
    w -= weight[k]!;
  }
  return share;
}

/** Baseline weights of a list of edges: their volumes, or all 1 when none had a volume. */
function weightsOf(model: FlowModel, edges: readonly number[]): number[] {
  const volume = edges.map((e) => model.edges[e]!.volume);
  return volume.some((v) => v > 0) ? volume : edges.map(() => 1);
}

/** What each kept edge's buyer can take from it: the buyer's need of the material, split over its suppliers. */
function claims(model: FlowModel): Float64Array {
  const claim = new Float64Array(model.edges.length).fill(Number.POSITIVE_INFINITY);
  for (let j = 0; j < model.nodes.length; j++) {
    const byMaterial = new Map<string | undefined, number[]>();
    for (const e of model.inEdges[j]!) {
      const m = model.edges[e]!.material;
      byMaterial.set(m, [...(byMaterial.get(m) ?? []), e]);
    }
    const recipe = model.recipe[j];
    const scale = model.demand[j]! > 0 ? model.demand[j]! : model.capacity[j];
    for (const [material, edges] of byMaterial) {
      // Without a recipe any supplier will do, and its whole need is of "whatever arrives".
      const per = recipe ? (material === undefined ? 0 : (recipe[material] ?? 0)) : 1;
      const need = scale === undefined ? Number.POSITIVE_INFINITY : scale * per;
      const needAll = recipe ? need : scale === undefined ? Number.POSITIVE_INFINITY : scale;
      const group = recipe ? edges : model.inEdges[j]!;
      const w = weightsOf(model, group);
      const total = w.reduce((t, x) => t + x, 0);
      for (const [k, e] of group.entries()) {
        const mine = Number.isFinite(needAll) ? (needAll * w[k]!) / total : needAll;
        claim[e] = Math.min(mine, model.edges[e]!.capacity ?? Number.POSITIVE_INFINITY);
      }
      if (!recipe) break; // one group: every supplier of a recipe-less buyer
    }
  }
  return claim;
}

/** The proportional-rationing allocation on a flow model. */
export function proportionalFlow(model: FlowModel): FlowAllocation {
  const served = new Float64Array(model.nodes.length);
  const edgeFlow = new Float64Array(model.edges.length);
  const claim = claims(model);
  const weights = model.outEdges.map((outs) => weightsOf(model, outs));
  const sequence = flowOrder(model).order;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let change = 0;
    let scale = 0;
    for (const i of sequence) {
      if (model.demand[i]! > 0) {
        const s = Math.min(model.demand[i]!, makeable(model, edgeFlow, i));
        change = Math.max(change, Math.abs(s - served[i]!));
        served[i] = s;
      }
      const outs = model.outEdges[i]!;
      if (outs.length === 0) continue;
      const cap = model.capacity[i] ?? (model.source[i] ? model.baselineOut[i]! : Number.POSITIVE_INFINITY);
      const make = Math.max(0, model.source[i] ? cap : Math.min(cap, makeable(model, edgeFlow, i)));
      const shares = waterFill(
        make,
        weights[i]!,
        outs.map((e) => claim[e]!),
      );
      for (const [k, e] of outs.entries()) {
        const f = shares[k]!;
        change = Math.max(change, Math.abs(f - edgeFlow[e]!));
        scale = Math.max(scale, f);
        edgeFlow[e] = f;
      }
    }
    if (change <= 1e-12 * Math.max(1, scale)) break;
  }
  return { served, edgeFlow };
}
