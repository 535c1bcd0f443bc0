/**
 * Fewest failures: for each consumer, the minimum number of facilities whose joint loss cuts it off. By Menger's
 * theorem this is the number of node-disjoint supply paths from the sources, computed as a max-flow on the
 * consumer's supply cone with every node split in two (in → out, capacity 1) (`_max-flow.ts`, Dinic). For a
 * consumer with a recipe, the minimum over its recipe materials (cutting any one ingredient suffices).
 *
 * Exact on OR graphs and when only the consumer has a recipe. Upstream recipe nodes are treated as OR here (the
 * exact AND/OR cut problem is NP-hard in general), so the flow is an upper bound; it is tightened to 1 whenever the
 * consumer has a single point of failure (exact dominator sets), which covers the common case.
 */
import type { AppliedScenario } from "../scenario/types.js";
import { clearCone, supplyCone } from "./_cone.js";
import { type Csr, csrOf, type GraphInput, consumerIndices, scenarioMasks } from "./_csr.js";
import { dominators } from "./_dominators.js";
import { FlowNetwork } from "./_max-flow.js";
import { supplyMask } from "./supply.js";

/** Options of `minFailures`. */
export interface MinFailuresOptions {
  /** Only these consumer ids (default: every consumer the scenario keeps). */
  consumers?: string[];
  csr?: Csr;
}

export const DEFAULT_MIN_FAILURES_OPTIONS: MinFailuresOptions = {};

/** One consumer's fewest failures. */
export interface ConsumerMinFailures {
  id: string;
  /** Facilities that must fail together to cut it off; 0 when it is already unsupplied. */
  minFailures: number;
  /** True when the figure is exact (see the file header); false = an upper bound. */
  exact: boolean;
}

/** The result of `minFailures`, sorted by consumer id. */
export interface MinFailures {
  consumers: ConsumerMinFailures[];
}

/**
 * The fewest facilities whose loss cuts off each consumer.
 * @param graph - the file graph
 * @param applied - the scenario resolved on it
 */
export function minFailures(
  graph: GraphInput,
  applied: AppliedScenario,
  options: MinFailuresOptions = {},
): MinFailures {
  const opts = { ...DEFAULT_MIN_FAILURES_OPTIONS, ...options };
  const csr = csrOf(graph, opts.csr);
  const masks = scenarioMasks(csr, applied);
  const runner = supplyMask(csr, masks);
  const { supplied } = runner;
  const dom = dominators(csr, masks, runner);
  const wanted = opts.consumers ? new Set(opts.consumers) : undefined;
  const mark = new Uint8Array(csr.n);
  const local = new Int32Array(csr.n);
  const out: ConsumerMinFailures[] = [];

  for (const c of consumerIndices(csr)) {
    const id = csr.ids[c]!;
    if (masks.removed[c] === 1 || (wanted && !wanted.has(id))) continue;
    if (supplied[c] !== 1) {
      out.push({ id, minFailures: 0, exact: true });
      continue;
    }
    if (dom.count[c]! > 0) {
      out.push({ id, minFailures: 1, exact: true });
      continue;
    }
    const fullCone = supplyCone(csr, masks, c, mark);
    const cone = fullCone.filter((v) => supplied[v] === 1);
    let hasUpstreamRecipe = false;
    cone.forEach((v, i) => {
      local[v] = i;
      if (v !== c && csr.slotMaterial[csr.slotOffsets[v]!] !== -1) hasUpstreamRecipe = true;
    });
    const k = cone.length;
    let best = Number.POSITIVE_INFINITY;
    for (let slot = csr.slotOffsets[c]!; slot < csr.slotOffsets[c + 1]!; slot++) {
      // vertices: 2i = in, 2i+1 = out of cone node i; 2k = super-source, 2k+1 = sink
      const net = new FlowNetwork(2 * k + 2);
      const big = k + 1;
      for (const v of cone) {
        if (v === c) continue;
        const i = local[v]!;
        net.addArc(2 * i, 2 * i + 1, 1);
        if (csr.source[v] === 1) net.addArc(2 * k, 2 * i, big);
        for (let j = csr.outOffsets[v]!, end = csr.outOffsets[v + 1]!; j < end; j++) {
          const e = csr.outEdges[j]!;
          const w = csr.edgeTarget[e]!;
          if (masks.edgeAlive[e] !== 1 || mark[w] !== 1 || supplied[w] !== 1 || csr.edgeSlot[e]! < 0)
            continue;
          if (w === c) {
            if (csr.edgeSlot[e] === slot) net.addArc(2 * i + 1, 2 * k + 1, big);
          } else net.addArc(2 * i + 1, 2 * local[w]!, big);
        }
      }
      best = Math.min(best, net.maxFlow(2 * k, 2 * k + 1, best));
    }
    clearCone(fullCone, mark);
    out.push({ id, minFailures: best, exact: !hasUpstreamRecipe });
  }
  return { consumers: out };
}
