/**
 * The max-total LP of a flow model as a sparse matrix for HiGHS's `passModel` (`_total-model.ts`): the rows of
 * `networkRows` (`_lp.ts`) in the same order, edge capacities as column bounds.
 */
import type { FlowModel } from "./flow-model.js";

/** The sparse rows of the max-total LP: columns f_0..f_{m-1} (edges), then s for each consumer in order. */
export function matrixOf(flow: FlowModel, infinity: number) {
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
  return {
    served,
    colUpper,
    data: lpModelData(colCost, colUpper, lower, upper, {
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    }),
  };
}

/** A flow LP for `Highs.createModel`: columns in [0, colUpper], rows in [rowLower, rowUpper], a CSR matrix. */
export interface LpModelData {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  matrix: {
    format: "csr";
    numRows: number;
    numCols: number;
    starts: Int32Array;
    indices: Int32Array;
    values: Float64Array;
  };
}

/** The model data of an LP whose columns are bounded below by 0 (both flow models' matrices end here). */
export function lpModelData(
  colCost: Float64Array,
  colUpper: Float64Array,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  rows: { starts: Int32Array; indices: Int32Array; values: Float64Array },
): LpModelData {
  const numCols = colCost.length;
  const numRows = lower.length;
  return {
    numCols,
    numRows,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper,
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    matrix: { format: "csr", numRows, numCols, ...rows },
  };
}
