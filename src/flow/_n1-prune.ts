/**
 * The max-total N-1 ranking by bound and prune: solve a knockout exactly only while its bound can still enter
 * the reported top k.
 *
 * 1. One max-total solve (`_total-model.ts`) gives the base total, its basis and an optimal flow. A node that
 *    carries nothing in that flow loses nothing (the flow stays feasible without it): loss 0, no LP.
 * 2. Every other node gets a cheap upper bound on its loss (`_loss-bound.ts`). Ranked by (key desc, id asc),
 *    where the key is the exact loss once known and the best bound until then, the open nodes among the first
 *    k (taken from a heap) get, one step a round and in this order: the frozen-flow bound; a reroute of their
 *    flow around them with short searches, then with long ones (`_reroute.ts`: loss 0 when it reroutes it
 *    all, else a bound from what it could not); their knockout LP (in parallel, `_knockout-totals.ts`). Rounds
 *    go on until the first k are all exact. On a generated 10^4-node graph the reroutes clear nearly 90% of the
 *    nodes that carry flow, and the top 20 need 34 knockout LPs.
 *    Then every node left out has a true loss at most its bound, which ranks after the k-th: the first k are
 *    exactly the first k of the full ranking, whatever the thread count (the set solved in each round does
 *    not depend on it, and each total does not depend on the thread that solved it).
 * With k ≥ the number of nodes left open every one of them is solved in one round.
 */
import type { Highs } from "highs";
import { byId, clean } from "./_clean.js";
import { Heap } from "./_heap.js";
import { KnockoutPool } from "./_knockout-totals.js";
import { FrozenLoss, gainBounds, gains, topologicalOrder } from "./_loss-bound.js";
import { REACH, Reroute } from "./_reroute.js";
import { NO_FLOW, TotalModel } from "./_total-model.js";
import type { FlowModel } from "./flow-model.js";

/** Sides a first reroute search may visit (`_reroute.ts`); `REACH` the second. */
const NEAR = 2000;

/** Options of `prunedLosses`. */
export interface PrunedLossesOptions {
  /** How many of the largest losses must be exact. */
  top: number;
  threads: number;
  /** Called after each knockout LP with (done so far, nodes that carry flow and are not proven loss-free yet). */
  onProgress?: (done: number, total: number) => void;
}

/** Exact losses of the first `top` nodes of the N-1 ranking, and what it cost. */
export interface PrunedLosses {
  /** Base max-total served demand. */
  total: number;
  /** Node index → exact loss (cleaned; 0 below the noise floor), for the nodes in the top k and those solved. */
  exact: Map<number, number>;
  /** The first `top` node indices of the ranking (loss desc, id asc), all exact. */
  ranked: number[];
  /** Knockout LPs solved; nodes that carried flow in the base optimum; of those, the ones cleared without a knockout. */
  solved: number;
  carrying: number;
  cleared: number;
}

/**
 * Run the pruned N-1 sweep of `model`'s non-consumer nodes under max-total.
 * @throws FlowSolveError if an LP cannot be solved
 */
export async function prunedLosses(
  highs: Highs,
  model: FlowModel,
  options: PrunedLossesOptions,
): Promise<PrunedLosses> {
  const lp = new TotalModel(highs, model);
  try {
    const total = lp.maxTotal();
    const basis = lp.basis();
    const base = lp.primal();
    const flow = base.edgeFlow;
    const demand = model.consumers.reduce((t, i) => t + model.demand[i]!, 0);
    // Losses within the solver's tolerance of the total are no loss (as in `rankChokepoints`).
    const noise = 1e-8 * Math.max(1, demand);
    const order = topologicalOrder(model);
    const bound = gainBounds(model, base, order);
    const frozen = order ? new FrozenLoss(model, base, order) : null;
    const refined = new Uint8Array(model.nodes.length);
    const candidates = model.nodes.map((_, i) => i).filter((i) => model.demand[i] === 0);
    const exact = new Map<number, number>();
    const carries = (i: number) =>
      model.outEdges[i]!.some((e) => flow[e]! > NO_FLOW) || model.inEdges[i]!.some((e) => flow[e]! > NO_FLOW);
    for (const i of candidates) if (!carries(i)) exact.set(i, 0);
    const carrying = candidates.length - exact.size;
    // Nodes whose flow can be rerouted around them lose nothing (`_reroute.ts`), asked of each node when it
    // enters the first k (every node, for the full ranking): nearly 90% of those that carry flow on a generated
    // 10^4-node graph, in 3 CPU s. The held-total LPs that did this before cost 45 s there.
    const reroute = new Reroute(model, base);
    const gain = gains(model, order);
    /** Per node: reroute searches tried so far (0: none, 1: short, 2: long too). */
    const tried = new Uint8Array(model.nodes.length);
    let cleared = 0;
    // A bound a hair above its value, so that solver noise in an exact loss never ranks it above its own bound.
    const key = (i: number) => exact.get(i) ?? bound[i]! * (1 + 1e-6) + noise;
    const rank = (a: number, b: number) => {
      const d = key(b) - key(a); // NaN between two unbounded nodes: a tie
      return (d > 0 ? 1 : d < 0 ? -1 : 0) || byId(model.nodes[a]!, model.nodes[b]!);
    };
    const top = Math.min(options.top, candidates.length);
    const pool = KnockoutPool.ofTotals(lp, model, basis!, options.threads);
    // Keys only change for the first k, taken out of the heap each round and put back after.
    const heap = new Heap(rank, candidates);
    let solved = 0;
    try {
      for (;;) {
        const ranked: number[] = [];
        while (ranked.length < top) ranked.push(heap.pop()!);
        const open = ranked.filter((i) => !exact.has(i));
        if (open.length === 0) return { total, exact, ranked, solved, carrying, cleared };
        await refine(open);
        for (const i of ranked) heap.push(i);
      }
    } finally {
      await pool.close();
    }

    /** One step on the open nodes among the first k: the cheapest that is left for them. */
    async function refine(open: number[]): Promise<void> {
      // Tighten cheap bounds first when a tighter one may let the node drop out of the first k.
      const loose = top < carrying - cleared && frozen ? open.filter((i) => !refined[i]) : [];
      if (loose.length > 0) {
        for (const i of loose) {
          refined[i] = 1;
          bound[i] = Math.min(bound[i]!, frozen!.of(i));
        }
        return;
      }
      // Then look for a reroute, before any knockout LP: it clears the node, or bounds its loss by what it
      // could not reroute. First with searches of a few thousand sides (on the 10^4-node graph they clear
      // half the nodes for a tenth of the time), then as far as `REACH`.
      const tier = open.reduce((t, i) => Math.min(t, tried[i]!), 2);
      if (tier < 2) {
        for (const i of open.filter((j) => tried[j] === tier)) {
          tried[i] = tier + 1;
          const rest = reroute.lossBound(i, gain, tier === 0 ? NEAR : REACH);
          if (rest === 0) {
            exact.set(i, 0);
            cleared++;
          } else bound[i] = Math.min(bound[i]!, rest);
        }
        return;
      }
      const needed = carrying - cleared;
      const totals = await pool.totals(open, () => options.onProgress?.(++solved, needed));
      open.forEach((i, k) => {
        const drop = total - totals[k]!;
        exact.set(i, drop > noise ? clean(drop) : 0);
      });
    }
  } finally {
    lp.dispose();
  }
}
