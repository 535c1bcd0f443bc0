/**
 * Upper bounds on the served demand each node's loss costs, from one max-total optimum's flows: what the
 * bound-and-prune N-1 sweep compares against the losses it has solved exactly (`_n1-prune.ts`).
 *
 * Why they are bounds: take the base flow and delete the node's output, then let every node downstream scale its
 * whole output (shipments and own consumption) down by what it can no longer make: a node short of x t of
 * material m makes x / amount_m t less under a recipe, x t less otherwise (less any slack it had), everyone
 * keeping their routing. That "frozen" flow is feasible without the node (only flows shrank, and every recipe,
 * balance and capacity row still holds), so the optimum without the node serves at least as much, and the loss
 * is at most the demand the frozen flow drops (`frozenLoss`, one pass over the node's downstream cone).
 *
 * `gainBounds` is a cheaper, looser bound for every node at once: a tonne lost at node w costs at most
 * `gain[w]` tonnes of served demand, 1 when w is a consumer, else the largest over its out-edges of the
 * conversion at the buyer (1, or 1 / recipe amount) times the buyer's gain (a longest path in product form);
 * so loss(v) ≤ Σ over v's out-edges of flow × conversion × gain of the buyer. ("A node's loss is at most its
 * throughput" alone is not a bound: with 0.03 t of DyTb per tonne of magnet, a tonne of DyTb serves 33 t.)
 *
 * Both walk the network in topological order (Kahn 1962); on a network with a directed cycle they are +∞.
 */
import type { FlowModel } from "./flow-model.js";
import { Heap } from "./_heap.js";
import { flowOrder } from "./_propagation.js";

/** One max-total optimum: flow per edge index, served per node index. */
export interface BaseFlow {
  edgeFlow: Float64Array;
  served: Float64Array;
}

/** Tonnes of the buyer's output one tonne arriving on edge `e` makes (0 when its recipe does not use it). */
function conversion(model: FlowModel, e: number): number {
  const edge = model.edges[e]!;
  const recipe = model.recipe[edge.target];
  if (!recipe) return 1;
  const amount = edge.material === undefined ? undefined : recipe[edge.material];
  return amount === undefined || amount <= 0 ? 0 : 1 / amount;
}

/** Nodes in an order where every edge goes forward; null when the network has a cycle. */
export function topologicalOrder(model: FlowModel): Int32Array | null {
  const { order, acyclic } = flowOrder(model);
  return acyclic === order.length ? order : null;
}

/**
 * Per node index: tonnes of served demand one tonne less of its output can cost at most (1 for a consumer's
 * own, else the largest conversion × the buyer's gain over its out-edges); +∞ everywhere when `order` is null.
 */
export function gains(model: FlowModel, order: Int32Array | null): Float64Array {
  const n = model.nodes.length;
  const gain = new Float64Array(n);
  if (order === null) return gain.fill(Number.POSITIVE_INFINITY);
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k]!;
    let g = model.demand[i]! > 0 ? 1 : 0;
    for (const e of model.outEdges[i]!) g = Math.max(g, conversion(model, e) * gain[model.edges[e]!.target]!);
    gain[i] = g;
  }
  return gain;
}

/** Per node index: the gain bound on its loss (+∞ everywhere when `order` is null). */
export function gainBounds(model: FlowModel, base: BaseFlow, order: Int32Array | null): Float64Array {
  const n = model.nodes.length;
  const bound = new Float64Array(n);
  if (order === null) return bound.fill(Number.POSITIVE_INFINITY);
  const gain = gains(model, order);
  for (let i = 0; i < n; i++) {
    let b = base.served[i]!;
    for (const e of model.outEdges[i]!)
      b += base.edgeFlow[e]! * (conversion(model, e) * gain[model.edges[e]!.target]!);
    bound[i] = b;
  }
  return bound;
}

/** Reusable buffers and the topological positions for `frozenLoss`. */
export class FrozenLoss {
  private readonly model: FlowModel;
  private readonly base: BaseFlow;
  private readonly order: Int32Array;
  private readonly position: Int32Array;
  private readonly made: Float64Array;
  private readonly inflow: Map<string, number>[];
  private readonly lost: Float64Array;
  private readonly seen: Uint8Array;

  constructor(model: FlowModel, base: BaseFlow, order: Int32Array) {
    const n = model.nodes.length;
    this.model = model;
    this.base = base;
    this.order = order;
    this.position = new Int32Array(n);
    order.forEach((i, k) => {
      this.position[i] = k;
    });
    this.made = new Float64Array(n);
    this.inflow = [];
    for (let i = 0; i < n; i++) {
      let made = base.served[i]!;
      for (const e of model.outEdges[i]!) made += base.edgeFlow[e]!;
      this.made[i] = made;
      const by = new Map<string, number>();
      for (const e of model.inEdges[i]!) {
        const m = model.recipe[i] ? (model.edges[e]!.material ?? "") : "";
        by.set(m, (by.get(m) ?? 0) + base.edgeFlow[e]!);
      }
      this.inflow.push(by);
    }
    this.lost = new Float64Array(n);
    this.seen = new Uint8Array(n);
  }

  /** The served demand the frozen flow without node `v` drops (an upper bound on v's loss). */
  of(v: number): number {
    const { model, base, made, lost, seen } = this;
    // Nodes of v's downstream cone, visited in topological order through a min-heap of positions.
    const heap = new Heap((a, b) => a - b, [this.position[v]!]);
    seen[v] = 1;
    lost[v] = made[v]!;
    const touched: number[] = [v];
    let dropped = 0;
    while (heap.size > 0) {
      const w = this.order[heap.pop()!]!;
      if (w !== v) lost[w] = this.lostAt(w);
      if (lost[w]! <= 0 || made[w]! <= 0) continue;
      const share = Math.min(1, lost[w]! / made[w]!);
      dropped += base.served[w]! * share;
      for (const e of model.outEdges[w]!) {
        const j = model.edges[e]!.target;
        if (base.edgeFlow[e]! > 0 && !seen[j]) {
          seen[j] = 1;
          touched.push(j);
          heap.push(this.position[j]!);
        }
      }
    }
    for (const i of touched) {
      seen[i] = 0;
      lost[i] = 0;
    }
    return dropped;
  }

  /** Output w can no longer make, given what its suppliers lost (all of them already visited). */
  private lostAt(w: number): number {
    const { model, base, made, lost } = this;
    const short = new Map<string, number>();
    for (const e of model.inEdges[w]!) {
      const u = model.edges[e]!.source;
      if (lost[u]! <= 0 || made[u]! <= 0) continue;
      const m = model.recipe[w] ? (model.edges[e]!.material ?? "") : "";
      short.set(m, (short.get(m) ?? 0) + base.edgeFlow[e]! * Math.min(1, lost[u]! / made[u]!));
    }
    const recipe = model.recipe[w];
    let out = 0;
    for (const [m, x] of short) {
      const amount = recipe ? recipe[m] : 1;
      if (amount === undefined || amount <= 0) continue;
      const left = (this.inflow[w]!.get(m)! - x) / amount;
      out = Math.max(out, made[w]! - left);
    }
    return Math.min(made[w]!, Math.max(0, out));
  }
}
