/**
 * Leximin by progressive filling (max-min fair allocation; Bertsekas & Gallager, "Data Networks", 1992, §6.5.2),
 * as `leximinLevels` in src/flow/_solve-flow.ts does it for the yearly model: raise every active consumer's served
 * fraction together as far as the LP allows, freeze those that cannot go higher, raise the rest, until all are
 * frozen. A consumer is frozen when it cannot exceed the round's level while everyone keeps theirs: an LP over the
 * sum of those still at the level tells which can rise; repeated on the rest until none rises (the yearly version
 * tests those one at a time).
 * Written against an abstract solver so the plan and the execution LPs share it.
 *
 * TO UNIFY (left for the owner of src/flow): this is a second leximin, beside `Allocator.leximin` in
 * src/flow/_allocator.ts, and `_stages.ts` wraps HiGHS a second time (LP text per stage, `highs.solve`) where
 * the allocator keeps one persistent model and warm-starts it. The two differ in how they freeze: the allocator
 * reads the round's duals, this one maximises the sum over those at the level. Moving simulate onto the
 * allocator needs from src/flow an allocator over a caller-built model with extra rows (stocks, draws, keeps)
 * and per-stage lower bounds; the levels must stay equal (tests/simulate/*.test.ts pin them).
 */

/** The two solves progressive filling needs, on whatever LP the caller holds. */
export interface LeximinSolver {
  /** Maximise the common fraction t with s_i ≥ t·demand_i for `active` and s ≥ `lower`; returns t. */
  level(lower: Float64Array, active: ReadonlySet<number>): number;
  /** Maximise Σ s over `over` with s ≥ `lower`; returns each consumer's served amount. */
  total(lower: Float64Array, over: readonly number[]): (i: number) => number;
}

/** A level a hair lower, so solver tolerance never makes a frozen level infeasible in later rounds. */
export function hair(x: number): number {
  return Math.max(0, x * (1 - 1e-9) - 1e-9);
}

/**
 * The leximin levels of `consumers` (exact fraction × demand; callers pass `hair` of them to later LPs).
 * `demand` is indexed by node.
 */
export function leximinLevels(
  consumers: readonly number[],
  demand: Float64Array,
  solver: LeximinSolver,
): Float64Array {
  const exact = new Float64Array(demand.length);
  const lower = new Float64Array(demand.length);
  const active = new Set(consumers);
  while (active.size > 0) {
    const t = Math.max(0, Math.min(1, solver.level(lower, active)));
    const level = Float64Array.from(lower);
    for (const i of active) level[i] = hair(t * demand[i]!);
    const frozen: number[] = [];
    if (t < 1 - 1e-9) {
      const tol = (i: number) => 1e-7 * Math.max(1, demand[i]!);
      const at = (i: number) => t * demand[i]!;
      // Maximise the sum over the consumers still at the level: those that rise can exceed it while everyone keeps
      // theirs (not frozen); repeat on the rest until none rises, which proves each of them frozen (one rising
      // alone would raise the sum). Usually two or three LPs instead of one per consumer.
      let atLevel = [...active];
      for (;;) {
        const got = solver.total(level, atLevel);
        const still = atLevel.filter((i) => got(i) <= at(i) + tol(i));
        if (still.length === atLevel.length || still.length === 0) {
          frozen.push(...still);
          break;
        }
        atLevel = still;
      }
    }
    // At full service, or when tolerance hides every bottleneck, the remaining consumers end at this level.
    for (const i of frozen.length > 0 ? frozen : [...active]) {
      lower[i] = level[i]!;
      exact[i] = t * demand[i]!;
      active.delete(i);
    }
  }
  return exact;
}
