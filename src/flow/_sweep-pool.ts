/**
 * The N-1 sweep on worker threads (`flowAnalysis`'s `threads`): each node that carries flow is knocked out on
 * some thread's own `Allocator`, restarted from the base optimum's basis on a cleared solver, and its whole
 * allocation comes back by position. Same figures as `sweepFlow` on one thread (the same LP, basis and
 * options on every thread; tests/flow/sweep-pool.test.ts checks 1, 2 and 3 threads).
 */
import type { Basis, Highs } from "highs";
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import type { Allocator } from "./_allocator.js";
import { allocationNow, knockout } from "./_knockout.js";
import { type KnockoutResults, KnockoutPool } from "./_knockout-totals.js";
import { type FlowObjective, isLpObjective } from "./_solve-flow.js";
import { type FlowSweep, type ProgressCallback, sweepBase, sweepFlow, sweepOf } from "./flow-chokepoints.js";
import type { FlowModel } from "./flow-model.js";

/** Each of `nodes` knocked out alone on `allocator` (a worker's): totals and served per consumer, flat. */
export function sweepInline(
  allocator: Allocator,
  setup: { model: FlowModel; basis: Basis; objective?: FlowObjective },
  nodes: ArrayLike<number>,
): KnockoutResults {
  const width = setup.model.consumers.length;
  const totals = new Float64Array(nodes.length);
  const served = new Float64Array(nodes.length * width);
  for (let k = 0; k < nodes.length; k++) {
    allocator.restart(setup.basis, [nodes[k]!]);
    const r = allocationNow(allocator, setup.model, setup.objective!);
    totals[k] = r.total;
    served.set(r.served, k * width);
  }
  return { totals, served };
}

/**
 * `sweepFlow` with the knockouts spread over `threads` worker threads (LP objectives; the rule objectives, and
 * one thread, run `sweepFlow` itself).
 * @throws FlowSolveError if an LP cannot be solved
 */
export async function sweepFlowThreads(
  highs: Highs,
  graph: SupplyGraph,
  applied: AppliedScenario,
  objective: FlowObjective,
  threads: number,
  onProgress?: ProgressCallback,
): Promise<FlowSweep> {
  if (threads <= 1 || !isLpObjective(objective))
    return sweepFlow(highs, graph, applied, objective, onProgress);
  const solver = knockout(highs, graph, applied, objective, true);
  try {
    const { model, grid, start, served, nodes, carries } = sweepBase(highs, solver, objective);
    const open = nodes.map((id) => model.index.get(id)!).filter((i) => carries[i]! > 1e-9);
    const width = model.consumers.length;
    const inline = (batch: readonly number[], onEach?: () => void): KnockoutResults => {
      const totals = new Float64Array(batch.length);
      const flat = new Float64Array(batch.length * width);
      batch.forEach((i, k) => {
        const r = solver.both([model.nodes[i]!]);
        totals[k] = r.total;
        flat.set(r.served, k * width);
        onEach?.();
      });
      return { totals, served: flat };
    };
    const pool = new KnockoutPool(inline, { model, basis: solver.base()!, objective }, threads);
    let done = nodes.length - open.length;
    let results: KnockoutResults;
    try {
      results = await pool.results(open, () => onProgress?.(++done, nodes.length));
    } finally {
      await pool.close();
    }
    const at = new Map(open.map((i, k) => [i, k]));
    const servedWithout: Float64Array[] = [];
    const totalWithout = new Float64Array(nodes.length);
    for (const [k, id] of nodes.entries()) {
      const j = at.get(model.index.get(id)!);
      servedWithout.push(j === undefined ? served : grid(results.served.slice(j * width, (j + 1) * width)));
      totalWithout[k] = j === undefined ? start.total : results.totals[j]!;
    }
    return sweepOf(objective, model, served, nodes, start.total, servedWithout, totalWithout);
  } finally {
    solver.dispose();
  }
}
