/**
 * A cold allocator's first solve, started at an optimum: the plain max-total LP (`TotalModel`, the N-1 ranking's
 * model) is solved on a throwaway HiGHS model, and its optimal basis is written into the allocator's model
 * (`_allocator-matrix.ts`), where it is an optimal basis of the same LP.
 *
 * Why: the two are one LP written twice, but the allocator's writing carries the leximin machinery (one row
 * `s_i − d_i·t ≥ 0` per consumer, the total row, the column t) and the edge capacities as rows, and HiGHS solves
 * it three to four times slower from scratch: on the generated 10^4-node graph (5,000 consumers, in node) the
 * allocator's cold max-total took 2.4-2.7 s on its default options, the plain model 0.6-0.8 s on the knockouts'
 * `COLD_OPTIONS` (Dantzig pricing, no scaling, no presolve), and the allocator's solve from the handed-over basis
 * 30-40 ms. The allocator's own options stay HiGHS's defaults for every later solve (the leximin levels, the
 * ranges, the gains).
 *
 * The handed-over basis is one optimal vertex of max-total among many, as the allocator's own cold solve gave
 * one: the leximin split and the ranges are unique among ALL max-total optima, so no reported figure depends on
 * which (the rename and reuse tests hold that).
 *
 * The correspondence: the plain model's rows are the allocator's first rows (both follow `networkRows`' order:
 * per node its capacity row, then its recipe or balance rows), its columns the edges in index order and then the
 * consumers' served demand in consumer order. The allocator has besides: a row per capacitated edge (the plain
 * model has a column bound instead), the consumers' rows and the total row (free while max-total is solved:
 * basic), and t (fixed at 0: nonbasic). An edge at its capacity is nonbasic at its upper bound in the plain
 * model; in the allocator its column becomes basic and its capacity row nonbasic at its upper bound, so both
 * bases have the same vertex and as many basic items as rows.
 */
import type { Highs } from "highs";
import type { AllocatorMatrix } from "./_allocator-matrix.js";
import { TotalModel } from "./_total-model.js";
import type { FlowModel } from "./flow-model.js";

/** HiGHS basis statuses (`highs.constants.basisStatus`). */
const LOWER = 0;
const BASIC = 1;
const UPPER = 2;

/** A basis for `Model.setBasis`, by column and row of the allocator's model. */
export interface StartBasis {
  colStatus: Int32Array;
  rowStatus: Int32Array;
}

/**
 * An optimal basis of max-total for the allocator's model `built` of `flow`, from the plain max-total LP solved
 * cold; null when the plain model has no LP (no consumer) or its rows do not line up with the allocator's (they
 * always should: then the allocator simply solves cold).
 * @throws FlowSolveError if HiGHS cannot solve the plain LP
 */
export function plainStartBasis(highs: Highs, flow: FlowModel, built: AllocatorMatrix): StartBasis | null {
  const plain = new TotalModel(highs, flow);
  let basis: ReturnType<TotalModel["basis"]>;
  try {
    plain.maxTotal();
    basis = plain.basis();
  } finally {
    plain.dispose();
  }
  if (!basis) return null;
  const m = flow.edges.length;
  const networkRows = basis.rowStatus.length;
  // the allocator's rows after the network rows: edge capacities, then the consumers' rows, then the total row
  const extraRows = built.data.numRows - networkRows;
  let capacities = 0;
  for (const r of built.edgeCapRow) if (r >= 0) capacities++;
  if (extraRows !== capacities + flow.consumers.length + 1) return null;
  if (basis.colStatus.length !== m + flow.consumers.length) return null;
  const colStatus = new Int32Array(built.data.numCols);
  const rowStatus = new Int32Array(built.data.numRows).fill(BASIC);
  rowStatus.set(basis.rowStatus.subarray(0, networkRows));
  for (let e = 0; e < m; e++) {
    const status = basis.colStatus[e]!;
    const capRow = built.edgeCapRow[e]!;
    if (capRow >= 0 && status === UPPER) {
      colStatus[built.edgeCol[e]!] = BASIC;
      rowStatus[capRow] = UPPER;
    } else colStatus[built.edgeCol[e]!] = status;
  }
  flow.consumers.forEach((i, k) => {
    colStatus[built.servedCol[i]!] = basis.colStatus[m + k]!;
  });
  colStatus[built.tCol] = LOWER;
  return { colStatus, rowStatus };
}
