/**
 * The `proportional` objective: no rerouting. Every node ships what it can make along its outgoing edges in
 * proportion to its baseline `volume` on each (shares over ALL its file edges, so the share of a cut or removed
 * edge is lost, not rerouted) — the short-term "contracts hold" view. No LP.
 *
 * What a node can make: a source, min(capacity, baseline out-volume); any other node, what its inflow allows
 * (min over recipe materials of inflow_m / recipe[m], or the total inflow without a recipe), capped by its
 * capacity and its baseline out-volume (contracts are not exceeded). An edge ships at most its capacity.
 * Consumers take min(demand, what their inflow allows). Nodes that shipped nothing in the baseline split
 * evenly over their kept edges.
 *
 * Computed as the least fixed point of this monotone map (Kleene iteration from zero flows: every quantity
 * only grows and is bounded, so it converges; on a DAG it is exact after one sweep in topological order, on
 * cycles it converges geometrically and stops when no flow changes by more than 1e-12 relative).
 */
import type { FlowModel } from "./flow-model.js";

/** Flows of the proportional allocation, indexed like the model. */
export interface FlowAllocation {
  /** Served demand per node index (0 for non-consumers). */
  served: Float64Array;
  /** Flow per edge index. */
  edgeFlow: Float64Array;
}

const MAX_SWEEPS = 10_000;

function order(model: FlowModel): number[] {
  // Kahn's topological order; nodes on cycles are appended in id order (the iteration takes care of them).
  const n = model.nodes.length;
  const indegree = model.inEdges.map((ins) => ins.length);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  const seen = new Uint8Array(n);
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!;
    seen[i] = 1;
    for (const e of model.outEdges[i]!) {
      const t = model.edges[e]!.target;
      if (--indegree[t]! === 0) queue.push(t);
    }
  }
  for (let i = 0; i < n; i++) if (!seen[i]) queue.push(i);
  return queue;
}

/** The proportional ("contracts hold") allocation on a flow model. */
export function proportionalFlow(model: FlowModel): FlowAllocation {
  const n = model.nodes.length;
  const served = new Float64Array(n);
  const edgeFlow = new Float64Array(model.edges.length);
  const sequence = order(model);
  const inflowOf = (i: number, material: string | undefined) => {
    let total = 0;
    for (const e of model.inEdges[i]!) {
      if (material === undefined || model.edges[e]!.material === material) total += edgeFlow[e]!;
    }
    return total;
  };
  const possible = (i: number) => {
    const recipe = model.recipe[i];
    if (!recipe) return inflowOf(i, undefined);
    let most = Number.POSITIVE_INFINITY;
    for (const [m, amount] of Object.entries(recipe)) most = Math.min(most, inflowOf(i, m) / amount);
    return most;
  };
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let change = 0;
    let scale = 0;
    for (const i of sequence) {
      if (model.demand[i]! > 0) {
        const s = Math.min(model.demand[i]!, possible(i));
        change = Math.max(change, Math.abs(s - served[i]!));
        served[i] = s;
      }
      const outs = model.outEdges[i]!;
      if (outs.length === 0) continue;
      const contract = model.baselineOut[i]!;
      let make = Math.min(model.capacity[i] ?? Number.POSITIVE_INFINITY, contract > 0 ? contract : Infinity);
      if (!model.source[i]) make = Math.min(make, possible(i) - served[i]!);
      if (!Number.isFinite(make)) make = 0; // an unlimited source with no contracts ships nothing
      make = Math.max(0, make);
      for (const e of outs) {
        const edge = model.edges[e]!;
        const share = contract > 0 ? edge.volume / contract : 1 / outs.length;
        const f = Math.min(make * share, edge.capacity ?? Number.POSITIVE_INFINITY);
        change = Math.max(change, Math.abs(f - edgeFlow[e]!));
        scale = Math.max(scale, f);
        edgeFlow[e] = f;
      }
    }
    if (change <= 1e-12 * Math.max(1, scale)) break;
  }
  return { served, edgeFlow };
}
