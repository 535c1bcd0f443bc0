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
import { FlowSolveError } from "./_solver.js";
import type { FlowModel } from "./flow-model.js";

const OPTIMAL = 7;
/** HiGHS `simplex_strategy`: dual (its default) and primal. */
const DUAL = 1;
const PRIMAL = 4;
/** Flow on an edge at or below this counts as none (as the N-1 sweep's "carries flow"). */
export const NO_FLOW = 1e-9;

/** The sparse rows of the max-total LP: columns f_0..f_{m-1} (edges), then s for each consumer in order. */
function matrixOf(flow: FlowModel, infinity: number) {
  const m = flow.edges.length;
  const served = new Int32Array(flow.nodes.length).fill(-1);
  flow.consumers.forEach((i, k) => {
    served[i] = m + k;
  });
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const row = (cols: readonly number[], coef: number, more: Array<[number, number]>, hi: number) => {
    for (const c of cols) {
      indices.push(c);
      values.push(coef);
    }
    for (const [c, v] of more) {
      indices.push(c);
      values.push(v);
    }
    starts.push(indices.length);
    lower.push(-infinity);
    upper.push(hi);
  };
  // Row for row as `networkRows` writes them (node capacity, then recipe or balance), edge capacities aside.
  for (let i = 0; i < flow.nodes.length; i++) {
    const out = flow.outEdges[i]!;
    const cap = flow.capacity[i];
    if (cap !== undefined && out.length > 0) row(out, 1, [], cap);
    if (flow.source[i]) continue;
    const made = flow.demand[i]! > 0 ? [...out, served[i]!] : out;
    if (made.length === 0) continue;
    const ins = flow.inEdges[i]!;
    const recipe = flow.recipe[i];
    if (recipe) {
      for (const material of Object.keys(recipe).sort()) {
        const inputs = ins.filter((e) => flow.edges[e]!.material === material);
        row(
          made,
          recipe[material]!,
          inputs.map((e) => [e, -1]),
          0,
        );
      }
    } else {
      row(
        made,
        1,
        ins.map((e) => [e, -1]),
        0,
      );
    }
  }
  const totalRow = lower.length;
  row(
    flow.consumers.map((i) => served[i]!),
    1,
    [],
    infinity,
  );
  const columns = m + flow.consumers.length;
  const colUpper = new Float64Array(columns);
  flow.edges.forEach((edge, e) => {
    colUpper[e] = edge.capacity ?? infinity;
  });
  const colCost = new Float64Array(columns);
  flow.consumers.forEach((i, k) => {
    colCost[m + k] = 1;
    colUpper[m + k] = flow.demand[i]!;
  });
  const numRows = lower.length;
  return {
    served,
    totalRow,
    colUpper,
    colCost,
    data: {
      numCols: columns,
      numRows,
      colCost,
      colLower: new Float64Array(columns),
      colUpper,
      rowLower: Float64Array.from(lower),
      rowUpper: Float64Array.from(upper),
      matrix: {
        format: "csr" as const,
        numRows,
        numCols: columns,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    },
  };
}

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
    // on this LP it costs more than it saves (2.0 s instead of 3.9 s cold at 10^4 nodes).
    lp.options.set({
      output_flag: false,
      primal_feasibility_tolerance: 1e-9,
      dual_feasibility_tolerance: 1e-9,
      solver: "simplex",
      presolve: "off",
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
        lp.options.set({ presolve: "on" });
      },
    ];
    let status: number | string = "not run";
    for (const prepare of attempts) {
      try {
        prepare();
        lp.run();
        status = lp.getModelStatus();
        if (status === OPTIMAL) return lp.getObjectiveValue();
      } catch (error) {
        status = error instanceof Error ? error.message : String(error);
      }
    }
    throw new FlowSolveError(`model status ${status}`, what);
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
    this.lp.clearSolver();
    this.lp.options.set({ presolve: "off", simplex_dual_edge_weight_strategy: 1 });
    this.lp.setBasis(basis);
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
