/**
 * The `frozen-routing` objective (called `proportional` before version 0.2, which it is not): no rerouting.
 * Every node ships what it can make along its outgoing edges in proportion to its baseline `volume` on each (shares over ALL its file edges, so the share of a cut or removed
 * edge is lost, not rerouted) — the short-term "contracts hold" view. No LP.
 *
 * What a node can make: a source, min(capacity, baseline out-volume); any other node, what its inflow allows
 * (min over recipe materials of inflow_m / recipe[m], or the total inflow without a recipe), capped by its
 * capacity and its baseline out-volume (contracts are not exceeded). An edge ships at most its capacity.
 * Consumers take min(demand, what their inflow allows). Nodes that shipped nothing in the baseline split
 * evenly over their kept edges.
 * Computed as the least fixed point of this monotone map (see `_propagation.ts`).
 */
import type { FlowModel } from "./flow-model.js";
import { type FlowAllocation, flowOrder, MAX_SWEEPS, makeable } from "./_propagation.js";

/** The frozen-routing ("contracts hold") allocation on a flow model. */
export function frozenRoutingFlow(model: FlowModel): FlowAllocation {
  const n = model.nodes.length;
  const served = new Float64Array(n);
  const edgeFlow = new Float64Array(model.edges.length);
  const sequence = flowOrder(model).order;
  const possible = (i: number) => makeable(model, edgeFlow, i);
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
