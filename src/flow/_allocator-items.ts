/**
 * The allocator's per-consumer changes (`_allocator.ts`: objective costs, served-demand bounds, the rows
 * `s_i − d_i·t`) as HiGHS bulk calls, one per kind of change instead of one per consumer: 5,000 single calls at
 * 10^4 nodes, each through the typed-error proxy of `_solver.ts`. On the generated 10^4-node graph the countries'
 * 40 ranges spent 1.3 of their 2 s in such calls, and the split 0.14 s after the max-total; the model ends in the
 * same state, so every figure is the same to the bit.
 */
import type { Model } from "highs";
import { FlowSolveError } from "./_solver.js";
import type { FlowModel } from "./flow-model.js";

export class ConsumerItems {
  /**
   * @param servedCol node index → its served column; `fractionRow` → its row `s_i − d_i·t`. `allocatorMatrix`
   *   numbers both in consumer order, and every list of consumers the allocator passes keeps that order, so the
   *   indices increase, as HiGHS requires (checked).
   */
  constructor(
    private readonly lp: Model,
    private readonly flow: FlowModel,
    private readonly servedCol: Int32Array,
    private readonly fractionRow: Int32Array,
  ) {}

  /** `indices` (by node index) of `consumers`, as a HiGHS selection. */
  private selection(consumers: readonly number[], indices: Int32Array) {
    const picked = Int32Array.from(consumers, (i) => indices[i]!);
    for (let k = 1; k < picked.length; k++)
      if (picked[k]! <= picked[k - 1]!)
        throw new FlowSolveError("consumers out of order", "allocator bounds");
    return { kind: "set", indices: picked } as const;
  }

  /** Every consumer's served demand costs `weight(i)` in the objective. */
  costs(weight: (i: number) => number): void {
    const consumers = this.flow.consumers;
    this.lp.changeColsCost(this.selection(consumers, this.servedCol), Float64Array.from(consumers, weight));
  }

  /** `consumers`' served demand in [lower(i), demand]. */
  served(consumers: readonly number[], lower: (i: number) => number): void {
    if (consumers.length === 0) return;
    this.lp.changeColsBounds(
      this.selection(consumers, this.servedCol),
      Float64Array.from(consumers, lower),
      Float64Array.from(consumers, (i) => this.flow.demand[i]!),
    );
  }

  /** `consumers`' rows `s_i − d_i·t` in [lower, upper]. */
  rows(consumers: readonly number[], lower: number, upper: number): void {
    if (consumers.length === 0) return;
    this.lp.changeRowsBounds(
      this.selection(consumers, this.fractionRow),
      new Float64Array(consumers.length).fill(lower),
      new Float64Array(consumers.length).fill(upper),
    );
  }
}
