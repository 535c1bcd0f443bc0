/**
 * The plain max-total LP of a flow model, for the N-1 knockouts (`_n1-prune.ts`, `_knockout-totals.ts`).
 *
 * The same LP as the allocator's max-total (`_allocator.ts`, rows of `networkRows`), built leaner because the
 * knockouts solve it thousands of times and never need a split among consumers:
 * - handed to HiGHS as a sparse matrix (`passModel`), not as LP text: parsing the text of a 10^4-node graph
 *   took 0.5-1 s of the 3.6 s a cold max-total took;
 * - none of the allocator's 5,000 leximin rows and no `t` column; edge capacities are column bounds, not rows;
 * - one extra row, the total served (free except while `zeroLoss` holds it), so that every basis has the same
 *   shape whatever was asked before.
 * The optimum VALUE is the allocator's (one LP, two writings); a knockout's total is a function of (model,
 * base basis, knockout) alone, as in `Allocator.restart`.
 */
import type { Basis, Highs, Model } from "highs";
import { COLD_OPTIONS, FALLBACK_OPTIONS, restartFromBasis, runWithFallbacks } from "./_solver.js";
import { matrixOf } from "./_total-matrix.js";
import type { FlowModel } from "./flow-model.js";

/** HiGHS `simplex_strategy`: dual (its default) and primal. */
const DUAL = 1;
const PRIMAL = 4;
/** Flow on an edge at or below this counts as none (as the N-1 sweep's "carries flow"). */
export const NO_FLOW = 1e-9;

/** The max-total LP of one flow model, kept in one HiGHS model across knockouts. */
export class TotalModel {
  private readonly flow: FlowModel;
  private readonly infinity: number;
  private readonly lp: Model | undefined;
  /** Node index → column of its served demand (-1 for non-consumers). */
  private readonly servedCol: Int32Array;
  private readonly colUpper: Float64Array;
  private readonly colCost: Float64Array;
  private readonly totalRow: number;
  private zeroed = new Set<number>();

  constructor(highs: Highs, flow: FlowModel) {
    this.flow = flow;
    this.infinity = highs.infinity;
    const built = matrixOf(flow, highs.infinity);
    this.servedCol = built.served;
    this.colUpper = built.colUpper;
    this.colCost = built.colCost;
    this.totalRow = built.totalRow;
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
    const edgeFlow = new Float64Array(this.flow.edges.length);
    const served = new Float64Array(this.flow.nodes.length);
    if (!this.lp) return { edgeFlow, served };
    const { colValue } = this.lp.getSolution();
    for (let e = 0; e < edgeFlow.length; e++) edgeFlow[e] = Math.max(0, colValue[e]!);
    for (const i of this.flow.consumers) served[i] = Math.max(0, colValue[this.servedCol[i]!]!);
    return { edgeFlow, served };
  }

  /**
   * Nodes among `open` (indices) that some max-total optimum leaves without flow: their knockout loses nothing
   * (that optimum stays feasible without them), so they need no knockout LP. Holding the total at `total` (a
   * hair lower, 10^-10 relative: far below the N-1 noise floor of 10^-8 of demand), each round minimises the
   * flow on the edges of the nodes not yet cleared (primal simplex from the current optimum, which stays
   * primal feasible), and clears every open node the optimum leaves empty; rounds stop when one clears under
   * 1% of the nodes still open. WHICH nodes a round clears depends on the solver's vertex, but a cleared node's
   * loss is 0 either way (tests/flow/total-model.test.ts checks it against the knockout LPs), so the figures do
   * not. Call right after the base `maxTotal`; leaves the model as it was (objective, free total row).
   */
  zeroLoss(total: number, open: readonly number[], rounds = 4): Set<number> {
    const cleared = new Set<number>();
    const lp = this.lp;
    if (!lp || open.length === 0) return cleared;
    const cost = new Float64Array(this.colCost.length);
    const all = { kind: "range" as const, from: 0, to: cost.length - 1 };
    lp.changeRowBounds(this.totalRow, total - 1e-10 * Math.max(1, total), this.infinity);
    try {
      let left = [...open];
      for (let round = 0; round < rounds && left.length > 0; round++) {
        cost.fill(0);
        for (const i of left) {
          for (const e of this.flow.outEdges[i]!) cost[e] = -1;
          for (const e of this.flow.inEdges[i]!) cost[e] = -1;
        }
        lp.changeColsCost(all, cost);
        this.run("N-1 zero-loss certificate", PRIMAL);
        const { colValue } = lp.getSolution();
        const empty = (i: number) =>
          this.flow.outEdges[i]!.every((e) => colValue[e]! <= NO_FLOW) &&
          this.flow.inEdges[i]!.every((e) => colValue[e]! <= NO_FLOW);
        const still = left.filter((i) => !empty(i));
        for (const i of left) if (empty(i)) cleared.add(i);
        const gained = left.length - still.length;
        left = still;
        if (gained < Math.max(1, 0.01 * (left.length + gained))) break;
      }
    } finally {
      lp.changeRowBounds(this.totalRow, -this.infinity, this.infinity);
      lp.changeColsCost(all, this.colCost);
    }
    return cleared;
  }

  dispose(): void {
    this.lp?.dispose();
  }
}
