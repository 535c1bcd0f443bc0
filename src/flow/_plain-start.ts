/**
 * A cold allocator's first solve, started at an optimum: the allocator's LP without its leximin rows (the plain
 * max-total LP) is solved cold on a throwaway HiGHS model with the knockouts' fast options, and its optimal basis
 * is written into the allocator's model (`_allocator-matrix.ts`), where it is an optimal basis of max-total.
 *
 * Why: the allocator's model carries the leximin machinery (one row `s_i − d_i·t ≥ 0` per consumer, the total
 * row, the column t), and on HiGHS's default options (which the allocator keeps for its later solves: see
 * `_allocator.ts`) its cold max-total is slow. On the generated 10^4-node graph (5,000 consumers, in node) the
 * allocator's cold max-total took 2.4-3.4 s; the plain LP on `COLD_OPTIONS` without presolve 0.5-0.8 s (about
 * 20,000 dual simplex iterations either way), and the allocator's solve from the handed-over basis 30-110 ms
 * (no iteration: the basis is optimal).
 *
 * The plain LP is a prefix of the allocator's: its rows are the allocator's rows before the consumers' rows
 * (every node's capacity, recipe and balance rows, then the edges' capacity rows), its columns all of the
 * allocator's, in the same order (t, fixed at 0, appears in no row of it). So the basis maps one to one: the
 * consumers' rows and the total row, free while max-total is solved, are basic, and the basis has as many basic
 * items as the allocator has rows.
 *
 * The handed-over basis is one optimal vertex of max-total among many, as the allocator's own cold solve gave
 * one: the leximin split and the ranges are unique among ALL max-total optima, so no reported figure depends on
 * which (tests/flow/plain-start.test.ts compares both starts; the rename and reuse tests hold the figures).
 */
import type { Highs } from "highs";
import type { AllocatorMatrix } from "./_allocator-matrix.js";
import { COLD_OPTIONS, FALLBACK_OPTIONS, runWithFallbacks } from "./_solver.js";

/** HiGHS's `basisStatus.basic`. */
const BASIC = 1;

/** A basis for `Model.setBasis`, by column and row of the allocator's model. */
export interface StartBasis {
  colStatus: Int32Array;
  rowStatus: Int32Array;
}

/** The allocator's model data without the consumers' rows and the total row (the last rows). */
export function plainData(built: AllocatorMatrix, consumers: readonly number[]): AllocatorMatrix["data"] {
  const { data } = built;
  const rows = consumers.length > 0 ? built.fractionRow[consumers[0]!]! : built.totalRow;
  const end = data.matrix.starts[rows]!;
  return {
    ...data,
    numRows: rows,
    rowLower: data.rowLower.subarray(0, rows),
    rowUpper: data.rowUpper.subarray(0, rows),
    matrix: {
      ...data.matrix,
      numRows: rows,
      starts: data.matrix.starts.subarray(0, rows + 1),
      indices: data.matrix.indices.subarray(0, end),
      values: data.matrix.values.subarray(0, end),
    },
  };
}

/**
 * An optimal basis of max-total for the allocator's model `built` (with these `consumers`), from the plain LP
 * solved cold (see the module comment).
 * @throws FlowSolveError if HiGHS cannot solve the plain LP
 */
export function plainStartBasis(
  highs: Highs,
  built: AllocatorMatrix,
  consumers: readonly number[],
): StartBasis {
  const data = plainData(built, consumers);
  const lp = highs.createModel({ ...data, sense: highs.constants.objectiveSense.maximize });
  let basis: ReturnType<typeof lp.getBasis>;
  try {
    // the allocator's tolerances; presolve off and `COLD_OPTIONS` as the knockouts' `TotalModel` (measured
    // there: presolve costs more than it saves on these LPs), HiGHS's defaults for the last attempt
    lp.options.set({
      output_flag: false,
      primal_feasibility_tolerance: 1e-9,
      dual_feasibility_tolerance: 1e-9,
      solver: "simplex",
      simplex_strategy: 1,
      presolve: "off",
      ...COLD_OPTIONS,
    });
    const attempts = [
      () => {},
      () => {
        lp.clearSolver();
        lp.options.set({ presolve: "on", ...FALLBACK_OPTIONS });
      },
    ];
    runWithFallbacks(lp, attempts, "max-total (plain start)");
    basis = lp.getBasis();
  } finally {
    lp.dispose();
  }
  const rowStatus = new Int32Array(built.data.numRows).fill(BASIC);
  rowStatus.set(basis.rowStatus);
  return { colStatus: Int32Array.from(basis.colStatus), rowStatus };
}
