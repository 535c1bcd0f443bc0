/**
 * The allocator's LP (`_allocator.ts`) as a sparse matrix for HiGHS (`createModel` with model data), not as LP
 * text: writing and parsing the text of a 10^4-node graph took 0.9-1.3 s before the first solve.
 *
 * It is the model the LP text gave HiGHS, entry for entry: the rows of `networkRows` (`_lp.ts`) in their order
 * (node capacity, then recipe or balance, per node; then the edge capacities), one row `s_i − d_i·t ≥ 0` per
 * consumer and the total row `Σ s_i ≥ 0`; the columns in the order HiGHS's LP reader numbers them, that is by
 * first appearance in the text (the objective's served columns, then the rows' flow columns, `t`, and the flow
 * columns only the bounds name). The simplex's path, and with it every figure down to the last bit, depends on
 * the order of rows and columns, so keeping it makes this change of writing a change of speed only
 * (tests/flow/allocator-matrix.test.ts compares both models and their allocations).
 */
import type { FlowModel } from "./flow-model.js";
import { type LpModelData, lpModelData } from "./_total-matrix.js";

/** The allocator's LP and where each of its items sits. */
export interface AllocatorMatrix {
  /** Edge index → its flow column. */
  edgeCol: Int32Array;
  /** Node index → the column of its served demand (-1 for non-consumers). */
  servedCol: Int32Array;
  /** Node index → its row `s_i − d_i·t ≥ 0` (-1 for non-consumers). */
  fractionRow: Int32Array;
  /** Node index → its capacity row (-1 when it has none). */
  nodeCapRow: Int32Array;
  /** Edge index → its capacity row (-1 when it has none). */
  edgeCapRow: Int32Array;
  tCol: number;
  totalRow: number;
  /** The model for `Highs.createModel` (maximise). */
  data: LpModelData;
}

/** The allocator's LP of `flow` (which has at least one consumer). */
export function allocatorMatrix(flow: FlowModel, infinity: number): AllocatorMatrix {
  const n = flow.nodes.length;
  const m = flow.edges.length;
  const edgeCol = new Int32Array(m).fill(-1);
  const servedCol = new Int32Array(n).fill(-1);
  const fractionRow = new Int32Array(n).fill(-1);
  const nodeCapRow = new Int32Array(n).fill(-1);
  const edgeCapRow = new Int32Array(m).fill(-1);
  let columns = 0;
  // the objective names the served columns first, in consumer order
  for (const i of flow.consumers) servedCol[i] = columns++;
  const flowCol = (e: number) => {
    if (edgeCol[e]! < 0) edgeCol[e] = columns++;
    return edgeCol[e]!;
  };
  let tCol = -1;
  // Growable typed buffers: plain arrays of 10^5 boxed pushes took 60-80 ms of the build at 10^4 nodes.
  let indices = new Int32Array(4 * (m + n) + 16);
  let values = new Float64Array(indices.length);
  let size = 0;
  const starts = [0];
  const lower: number[] = [];
  const upper: number[] = [];
  const close = (lo: number, hi: number) => {
    starts.push(size);
    lower.push(lo);
    upper.push(hi);
    return lower.length - 1;
  };
  const term = (col: number, value: number) => {
    if (size === indices.length) {
      const more = new Int32Array(2 * size);
      more.set(indices);
      indices = more;
      const moreValues = new Float64Array(2 * size);
      moreValues.set(values);
      values = moreValues;
    }
    indices[size] = col;
    values[size++] = value;
  };
  for (let i = 0; i < n; i++) {
    const out = flow.outEdges[i]!;
    const cap = flow.capacity[i];
    if (cap !== undefined && out.length > 0) {
      for (const e of out) term(flowCol(e), 1);
      nodeCapRow[i] = close(-infinity, cap);
    }
    if (flow.source[i]) continue;
    // what the node makes: shipped output, plus its own consumption when it is a consumer
    const consumer = flow.demand[i]! > 0;
    if (out.length === 0 && !consumer) continue;
    const ins = flow.inEdges[i]!;
    const recipe = flow.recipe[i];
    const materials = recipe ? Object.keys(recipe).sort() : [undefined];
    for (const material of materials) {
      const amount = material === undefined ? 1 : recipe![material]!;
      for (const e of out) term(flowCol(e), amount);
      if (consumer) term(servedCol[i]!, amount);
      for (const e of ins)
        if (material === undefined || flow.edges[e]!.material === material) term(flowCol(e), -1);
      close(-infinity, 0);
    }
  }
  flow.edges.forEach((edge, e) => {
    if (edge.capacity === undefined) return;
    term(flowCol(e), 1);
    edgeCapRow[e] = close(-infinity, edge.capacity);
  });
  for (const i of flow.consumers) {
    term(servedCol[i]!, 1);
    if (tCol < 0) tCol = columns++;
    term(tCol, -flow.demand[i]!);
    fractionRow[i] = close(0, infinity);
  }
  for (const i of flow.consumers) term(servedCol[i]!, 1);
  const totalRow = close(0, infinity);
  // flow columns that no row names come last, as in the text's bounds section
  for (let e = 0; e < m; e++) flowCol(e);
  const colCost = new Float64Array(columns);
  const colUpper = new Float64Array(columns).fill(infinity);
  for (const i of flow.consumers) {
    colCost[servedCol[i]!] = 1;
    colUpper[servedCol[i]!] = flow.demand[i]!;
  }
  colUpper[tCol] = 0;
  return {
    edgeCol,
    servedCol,
    fractionRow,
    nodeCapRow,
    edgeCapRow,
    tCol,
    totalRow,
    data: lpModelData(colCost, colUpper, lower, upper, {
      starts: Int32Array.from(starts),
      indices: indices.slice(0, size),
      values: values.slice(0, size),
    }),
  };
}
