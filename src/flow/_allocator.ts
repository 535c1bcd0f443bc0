/**
 * The allocation of served demand among consumers, on one persistent HiGHS model (built once from a sparse
 * matrix, `_allocator-matrix.ts`; every later solve changes bounds or costs and warm-starts the simplex from the
 * previous basis).
 *
 * Max-total alone fixes only the TOTAL served: many splits among consumers reach it, and which vertex a solver
 * returns depends on column order, i.e. on node ids. chokepoint therefore reports one split that is unique by
 * definition: the **leximin allocation among the max-total optima** (first the largest total; then, holding it,
 * the lexicographically largest vector of served fractions sorted ascending). Computed by progressive filling
 * (Bertsekas & Gallager, "Data Networks", 1992, §6.5.2; Radunović & Le Boudec, "A unified framework for max-min
 * and min-max fairness", IEEE/ACM ToN 15(5), 2007): raise every active consumer's fraction together
 * (max t s.t. s_i ≥ t·d_i), then freeze the consumers that cannot rise further and repeat with the rest.
 *
 * Which consumers to freeze comes from the round's duals: with y* an optimal dual of the round's rows
 * s_i − d_i·t ≥ 0 (normalised Σ y_i d_i = 1), every feasible s has Σ y*_i (s_i − t*·d_i) ≤ 0, so a consumer with
 * y*_i > 0 cannot exceed t*·d_i while the others keep t*: it is frozen. At least one dual is positive, so each
 * round freezes someone. When tolerance hides every positive dual, the consumers are tested one at a time.
 * The levels are the exact t*·d_i of each round; LP bounds get them a hair lower so that solver tolerance never
 * makes a frozen level infeasible.
 *
 * Speed (generated 10^4-node graph, 5,000 consumers): the level rounds run the PRIMAL simplex. The previous
 * round's optimum stays primal feasible when a round starts (t = 0 is always feasible, and freezing keeps every
 * level already reached), while the new objective makes it dual infeasible, so the dual simplex spent 13 s per
 * round repairing dual feasibility where the primal simplex takes 20-50 ms from the same basis.
 */
import type { Basis, Highs, Model } from "highs";
import { ConsumerItems } from "./_allocator-items.js";
import { type AllocatorMatrix, allocatorMatrix } from "./_allocator-matrix.js";
import { plainStartBasis, type StartBasis } from "./_plain-start.js";
import { FlowSolveError, flowPrimal, restartFromBasis, runWithFallbacks } from "./_solver.js";
import type { FlowModel } from "./flow-model.js";

/** HiGHS `simplex_strategy` values: dual (its default) and primal. */
const DUAL = 1;
const PRIMAL = 4;

/** A level a hair lower, so a frozen level stays feasible under solver tolerance. */
export function hair(x: number): number {
  return Math.max(0, x * (1 - 1e-9) - 1e-9);
}

/** One allocation: served demand per node index (0 for non-consumers). */
export interface Allocation {
  served: Float64Array;
  /** The largest total served (max-total), whatever the split. */
  total: number;
  /** The smallest served fraction; null without consumers. */
  minFraction: number | null;
}

/** Options of the `Allocator` (defaults in `DEFAULT_ALLOCATOR_OPTIONS`). */
export interface AllocatorOptions {
  /**
   * Start the first solve at an optimal basis of the plain max-total LP, solved cold on a throwaway model
   * (`_plain-start.ts`: 3-4 times faster at 10^4 nodes than the allocator's own cold solve). Off for a model a
   * stand-in for HiGHS hands out again (the Monte Carlo's `ReusedModel`), whose previous basis is the better
   * start, and where a second model would replace the one it holds.
   * @defaultValue false
   */
  plainStart?: boolean;
  /** Called after each LP it solves; what it throws abandons the work (`servedDemand`'s `onProgress`). */
  onSolve?: () => void;
}

/** Defaults of the `Allocator`: its first solve starts from HiGHS's own (slack) basis. */
export const DEFAULT_ALLOCATOR_OPTIONS: Required<Omit<AllocatorOptions, "onSolve">> = { plainStart: false };

export class Allocator {
  private readonly flow: FlowModel;
  private readonly infinity: number;
  private readonly lp: Model | undefined;
  /** Bulk changes of the consumers' items (undefined without a model). */
  private readonly items: ConsumerItems | undefined;
  private readonly edgeCol: Int32Array;
  private readonly servedCol: Int32Array;
  private readonly fractionRow: Int32Array;
  private readonly nodeCapRow: Int32Array;
  private readonly edgeCapRow: Int32Array;
  private readonly tCol: number = -1;
  private readonly totalRow: number = -1;
  private zeroed = new Set<number>();
  /** True while the model is the plain max-total problem (`reset` would change nothing). */
  private plain = false;
  private readonly onSolve: (() => void) | undefined;

  constructor(highs: Highs, flow: FlowModel, options: AllocatorOptions = {}) {
    const { plainStart } = { ...DEFAULT_ALLOCATOR_OPTIONS, ...options };
    this.onSolve = options.onSolve;
    this.flow = flow;
    this.infinity = highs.infinity;
    if (flow.consumers.length === 0) {
      this.edgeCol = new Int32Array(flow.edges.length);
      this.servedCol = new Int32Array(flow.nodes.length).fill(-1);
      this.fractionRow = this.servedCol;
      this.nodeCapRow = this.servedCol;
      this.edgeCapRow = new Int32Array(flow.edges.length).fill(-1);
      return;
    }
    const built = allocatorMatrix(flow, highs.infinity);
    this.edgeCol = built.edgeCol;
    this.servedCol = built.servedCol;
    this.fractionRow = built.fractionRow;
    this.nodeCapRow = built.nodeCapRow;
    this.edgeCapRow = built.edgeCapRow;
    this.tCol = built.tCol;
    this.totalRow = built.totalRow;
    // solved (and disposed) before this model is made: one HiGHS model at a time
    const start = plainStart ? this.plainStart(highs, built) : null;
    const lp = highs.createModel({ ...built.data, sense: highs.constants.objectiveSense.maximize });
    // Tighter than HiGHS's 1e-7 defaults: levels and ranges are reported, and their noise must stay below the
    // reporting grid (`quantum`). HiGHS's scaling and pricing stay on here: with the knockout model's faster
    // `COLD_OPTIONS` (no scaling, Dantzig pricing) a Monte Carlo sample's per-country split moved by one grid
    // step between a reused and a fresh model (tests/uncertainty/reused-model.test.ts).
    lp.options.set({
      output_flag: false,
      primal_feasibility_tolerance: 1e-9,
      dual_feasibility_tolerance: 1e-9,
    });
    this.lp = lp;
    this.items = new ConsumerItems(lp, flow, built.servedCol, built.fractionRow);
    if (start) lp.setBasis(start);
  }

  /**
   * The plain max-total LP's optimal basis (`_plain-start.ts`), or null when HiGHS could not solve it: then the
   * allocator's own first solve starts cold, and its fallbacks decide.
   */
  private plainStart(highs: Highs, built: AllocatorMatrix): StartBasis | null {
    try {
      return plainStartBasis(highs, built, this.flow.consumers);
    } catch (error) {
      if (error instanceof FlowSolveError) return null;
      throw error;
    }
  }

  /** Take `removed` (node indices) out: their edges carry nothing. Replaces the previous knockout. */
  knockOut(removed: Iterable<number>): void {
    if (!this.lp) return;
    const target = new Set<number>();
    for (const i of removed) {
      for (const e of this.flow.outEdges[i]!) target.add(e);
      for (const e of this.flow.inEdges[i]!) target.add(e);
    }
    for (const e of this.zeroed)
      if (!target.has(e)) this.lp.changeColBounds(this.edgeCol[e]!, 0, this.infinity);
    for (const e of target) if (!this.zeroed.has(e)) this.lp.changeColBounds(this.edgeCol[e]!, 0, 0);
    this.zeroed = target;
  }

  private run(what: string, strategy: number = DUAL): number {
    const lp = this.lp!;
    lp.options.set({ solver: "simplex", simplex_strategy: strategy });
    // A warm start can fail on a degenerate or ill-conditioned basis: retry from the slack basis, then from a
    // cleared solver, before giving up. The optimum VALUE does not depend on where the solve started.
    const attempts = [() => {}, () => lp.setLogicalBasis(), () => lp.clearSolver()];
    const value = runWithFallbacks(lp, attempts, what);
    this.onSolve?.();
    return value;
  }

  /** Objective: maximise Σ weight_i·s_i + tWeight·t (weights by node index; absent = 0). */
  private objective(weight: (i: number) => number, tWeight: number): void {
    const lp = this.lp!;
    this.plain = false;
    this.items!.costs(weight);
    lp.changeColCost(this.tCol, tWeight);
  }

  /** Reset to the plain max-total problem: no levels, no fraction rows, t fixed at 0, total free. */
  private reset(): void {
    if (this.plain) return;
    const lp = this.lp!;
    this.items!.served(this.flow.consumers, () => 0);
    this.items!.rows(this.flow.consumers, -this.infinity, this.infinity);
    lp.changeColBounds(this.tCol, 0, 0);
    lp.changeRowBounds(this.totalRow, -this.infinity, this.infinity);
    this.objective(() => 1, 0);
    this.plain = true;
  }

  /** The largest total served demand (unique, whatever the split). */
  maxTotal(): number {
    if (!this.lp) return 0;
    this.reset();
    return Math.max(0, this.run("max-total"));
  }

  /** Hold the total at `total` (a hair below, for tolerance) in the next solves. */
  private holdTotal(total: number): void {
    this.plain = false;
    this.lp!.changeRowBounds(this.totalRow, total - 1e-10 * Math.max(1, total), this.infinity);
  }

  /**
   * The leximin allocation: among the max-total optima when `holdTotal` (the default split of `max-total`),
   * else among all feasible flows (`max-min`). `onTotal` is called with the max-total value once it is solved.
   */
  leximin(holdTotal: boolean, onTotal?: (total: number) => void): Allocation {
    const served = new Float64Array(this.flow.nodes.length);
    if (!this.lp) return { served, total: 0, minFraction: null };
    const total = this.maxTotal();
    onTotal?.(total);
    if (holdTotal) this.holdTotal(total);
    const lp = this.lp;
    this.plain = false;
    const active = new Set(this.flow.consumers);
    lp.changeColBounds(this.tCol, 0, 1);
    this.items!.rows(this.flow.consumers, 0, this.infinity);
    this.objective(() => 0, 1);
    let minFraction: number | null = null;
    let previous = -1;
    /** Freeze `consumers` (in consumer order) at level t. */
    const freeze = (consumers: readonly number[], t: number) => {
      for (const i of consumers) {
        served[i] = t * this.flow.demand[i]!;
        active.delete(i);
      }
      this.items!.served(consumers, (i) => Math.min(hair(served[i]!), this.flow.demand[i]!));
      this.items!.rows(consumers, -this.infinity, this.infinity);
    };
    while (active.size > 0) {
      const t = Math.max(0, Math.min(1, this.run("leximin level", PRIMAL)));
      minFraction ??= t;
      if (t >= 1 - 1e-12) {
        freeze([...active], 1);
        break;
      }
      const dual = lp.getSolution().rowDual;
      let frozen = [...active].filter(
        (i) => Math.abs(dual[this.fractionRow[i]!]!) * this.flow.demand[i]! > 1e-7,
      );
      if (frozen.length === 0 || t <= previous + 1e-12) frozen = this.blocked(active, t);
      previous = t;
      freeze(frozen, t);
      // back to the level problem for the next round
      lp.changeColBounds(this.tCol, 0, 1);
      this.objective(() => 0, 1);
    }
    this.reset();
    return { served, total, minFraction };
  }

  /**
   * The active consumers that cannot exceed level t while the others keep it (used when the duals did not tell,
   * or when a round did not raise the level: on a scenario that cuts many consumers off, the duals at level 0
   * named a few of them per round, 333 rounds on a 10^4-node graph). With t fixed, maximise the served demand
   * of the candidates together (no caps: a held total must stay reachable): whoever rises is not blocked and
   * leaves the candidates; when nobody rises, no candidate can rise alone either (its rise would raise the sum), so
   * the candidates left are exactly the blocked ones. A few LPs instead of one per consumer.
   */
  private blocked(active: Set<number>, t: number): number[] {
    const lp = this.lp!;
    this.plain = false;
    lp.changeColBounds(this.tCol, hair(t), hair(t));
    const demand = this.flow.demand;
    const level = (i: number) => t * demand[i]!;
    const tolerance = (i: number) => 1e-7 * Math.max(1, demand[i]!);
    let candidates = [...active];
    for (;;) {
      const mine = new Set(candidates);
      this.objective((j) => (mine.has(j) ? 1 : 0), 0);
      this.run("leximin blocked", PRIMAL);
      const { colValue } = lp.getSolution();
      const left = candidates.filter((i) => colValue[this.servedCol[i]!]! <= level(i) + tolerance(i));
      if (left.length === candidates.length || left.length === 0) break;
      candidates = left;
    }
    // Tolerance can hide a bottleneck altogether: then everybody left ends at this level.
    return candidates.length > 0 ? candidates : [...active];
  }

  /** [least, most] served to `consumers` together over all max-total optima. */
  servedRange(consumers: readonly number[], total: number): [number, number] {
    if (!this.lp || consumers.length === 0) return [0, 0];
    this.reset();
    this.holdTotal(total);
    const mine = new Set(consumers);
    this.objective((i) => (mine.has(i) ? -1 : 0), 0);
    // PRIMAL, as in the level rounds: the last solve's optimum stays primal feasible (the total is held at its
    // max), while the new objective makes it dual infeasible; the dual simplex took 20-30 s per solve repairing
    // that on a 10^4-node graph (20 countries: 17 minutes), the primal simplex 0.1-0.3 s from the same basis.
    const least = -this.run("served range (least)", PRIMAL);
    this.objective((i) => (mine.has(i) ? 1 : 0), 0);
    const most = this.run("served range (most)", PRIMAL);
    this.reset();
    return [Math.max(0, least), Math.max(0, most)];
  }

  /**
   * Served demand gained per unit of extra capacity on one capacity (node `index`'s output, or edge `index`):
   * the right derivative of the max-total value in that bound, measured over a step of 10^-3 of the bound.
   * Unlike a dual value of one optimal basis (degenerate optima have many), it is a property of the LP, not of
   * the solver's vertex. `base` = the max-total value at the current bounds; 0 when there is no such capacity.
   */
  gainPerUnit(kind: "node" | "edge", index: number, bound: number, base: number): number {
    const r = (kind === "node" ? this.nodeCapRow : this.edgeCapRow)[index] ?? -1;
    if (!this.lp || r < 0) return 0;
    const lp = this.lp;
    const step = 1e-3 * Math.max(1, bound);
    this.reset();
    this.plain = false;
    lp.changeRowBounds(r, -this.infinity, bound + step);
    const raised = this.run("bottleneck gain");
    lp.changeRowBounds(r, -this.infinity, bound);
    return Math.max(0, (raised - base) / step);
  }

  /** The basis of the last solve; `maxTotalFrom` restarts from it. Null without consumers. */
  basis(): Basis | null {
    return this.lp ? this.lp.getBasis() : null;
  }

  /**
   * Knock `removed` out (replacing the previous knockout) and restart the next solve from `basis` (the base
   * max-total optimum's) on a cleared solver. A knockout only tightens bounds, so the base optimum stays dual
   * feasible and the dual simplex repairs it in a few iterations (75 ms instead of 2.3 s from the previous
   * knockout's basis on a 10^4-node graph). Clearing the solver first makes the next result a function of
   * (model, basis, removed) alone, not of the solves before it: the N-1 sweep gives the same figures whatever
   * the thread that ran a knockout.
   */
  restart(basis: Basis, removed: Iterable<number>): void {
    if (!this.lp) return;
    this.reset();
    this.knockOut(removed);
    restartFromBasis(this.lp, basis);
  }

  /** Primal values of the last solve: flow per edge index, served per node index (0 for non-consumers). */
  primal(): { edgeFlow: Float64Array; served: Float64Array } {
    return flowPrimal(this.lp, this.flow, this.edgeCol, this.servedCol);
  }

  dispose(): void {
    this.lp?.dispose();
  }
}
