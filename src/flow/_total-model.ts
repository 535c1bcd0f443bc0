/**
 * The plain max-total LP of a flow model, for the N-1 knockouts (`_n1-prune.ts`, `_knockout-totals.ts`).
 *
 * The same LP as the allocator's max-total (`_allocator.ts`, rows of `networkRows`), built leaner because the
 * knockouts solve it thousands of times and never need a split among consumers:
 * - handed to HiGHS as a sparse matrix (`passModel`), not as LP text: parsing the text of a 10^4-node graph
 *   took 0.5-1 s of the 3.6 s a cold max-total took;
 * - none of the allocator's 5,000 leximin rows, no `t` column and no total row; edge capacities are column
 *   bounds, not rows.
 * The optimum VALUE is the allocator's (one LP, two writings); a knockout's total is a function of (model,
 * base basis, knockout) alone, as in `Allocator.restart`.
 */
import type { Basis, Highs, Model } from "highs";
import { COLD_OPTIONS, FALLBACK_OPTIONS, flowPrimal, restartFromBasis, runWithFallbacks } from "./_solver.js";
import { matrixOf } from "./_total-matrix.js";
import type { FlowModel } from "./flow-model.js";

/** HiGHS `simplex_strategy`: the dual simplex (its default). */
const DUAL = 1;
/** Flow on an edge at or below this counts as none (as the N-1 sweep's "carries flow"). */
export const NO_FLOW = 1e-9;

/** The max-total LP of one flow model, kept in one HiGHS model across knockouts. */
export class TotalModel {
  private readonly flow: FlowModel;
  private readonly lp: Model | undefined;
  /** Node index → column of its served demand (-1 for non-consumers). */
  private readonly servedCol: Int32Array;
  private readonly colUpper: Float64Array;
  private zeroed = new Set<number>();

  constructor(highs: Highs, flow: FlowModel) {
    this.flow = flow;
    const built = matrixOf(flow, highs.infinity);
    this.servedCol = built.served;
    this.colUpper = built.colUpper;
    if (flow.consumers.length === 0) return;
    const lp = highs.createModel({ ...built.data, sense: highs.constants.objectiveSense.maximize });
    // The allocator's tolerances, so that both writings of the LP agree to the reporting grid. Presolve off:
    // on this LP it costs more than it saves (2.0 s instead of 3.9 s cold at 10^4 nodes). `COLD_OPTIONS`:
    // Dantzig pricing, no scaling (0.8 s instead of 2.0 s).
    lp.options.set({
      output_flag: false,
      primal_feasibility_tolerance: 1e-9,
      dual_feasibility_tolerance: 1e-9,
      solver: "simplex",
      presolve: "off",
      ...COLD_OPTIONS,
    });
    this.lp = lp;
  }

  private run(what: string, strategy: number): number {
    const lp = this.lp!;
    lp.options.set({ simplex_strategy: strategy });
    // As `Allocator.run`: a warm start can fail on a degenerate basis; retry from the slack basis, then cold
    // with presolve. The optimum VALUE does not depend on where the solve started.
    const attempts = [
      () => {},
      () => lp.setLogicalBasis(),
      () => {
        lp.clearSolver();
        lp.options.set({ presolve: "on", ...FALLBACK_OPTIONS });
      },
    ];
    return runWithFallbacks(lp, attempts, what);
  }

  /** The largest total served demand with the current knockout. */
  maxTotal(): number {
    if (!this.lp) return 0;
    return Math.max(0, this.run("max-total", DUAL));
  }

  /** The basis of the last solve; `restart` starts from it. Null without consumers. */
  basis(): Basis | null {
    return this.lp ? this.lp.getBasis() : null;
  }

  /** Take `removed` (node indices) out: their edges carry nothing. Replaces the previous knockout. */
  knockOut(removed: Iterable<number>): void {
    if (!this.lp) return;
    const target = new Set<number>();
    for (const i of removed) {
      for (const e of this.flow.outEdges[i]!) target.add(e);
      for (const e of this.flow.inEdges[i]!) target.add(e);
    }
    for (const e of this.zeroed) if (!target.has(e)) this.lp.changeColBounds(e, 0, this.colUpper[e]!);
    for (const e of target) if (!this.zeroed.has(e)) this.lp.changeColBounds(e, 0, 0);
    this.zeroed = target;
  }

  /**
   * Knock `removed` out and restart the next solve from `basis` on a cleared solver, as `Allocator.restart`
   * (a knockout only tightens bounds, so the base optimum stays dual feasible; Devex pricing, no presolve).
   */
  restart(basis: Basis, removed: Iterable<number>): void {
    if (!this.lp) return;
    this.knockOut(removed);
    restartFromBasis(this.lp, basis);
  }

  /** Primal values of the last solve: flow per edge index, served per node index (0 for non-consumers). */
  primal(): { edgeFlow: Float64Array; served: Float64Array } {
    return flowPrimal(this.lp, this.flow, null, this.servedCol);
  }

  dispose(): void {
    this.lp?.dispose();
  }
}
