/**
 * Many solves of one flow model with nodes knocked out (the N-1 sweep, attack curves), on HiGHS's persistent
 * model: the LP is parsed once, a removed node's edges get upper bound 0, and each re-solve warm-starts the
 * dual simplex from the previous basis (a few pivots instead of a cold solve: ~1 ms instead of ~100 ms on the
 * bundled graph). Zeroing every edge of a node is the same LP as deleting the node (its rows become 0 ≤ 0).
 */
import type { Highs, Model } from "highs";
import { buildLp } from "./_lp.js";
import { FlowSolveError } from "./_solver.js";
import type { FlowModel } from "./flow-model.js";

const OPTIMAL = 7;

function open(highs: Highs, text: string): Model {
  const model = highs.createModel({ format: "lp", data: text });
  model.options.set({ output_flag: false });
  return model;
}

function run(model: Model, what: string): void {
  model.run();
  const status = model.getModelStatus();
  if (status !== OPTIMAL) throw new FlowSolveError(`model status ${status}`, what);
}

/** Solves of one model under max-total with any set of nodes removed. Call `dispose()` when done. */
export class FlowSession {
  private readonly flow: FlowModel;
  private readonly infinity: number;
  private readonly total: Model | undefined;
  private readonly edgeCol: Int32Array[];
  private readonly servedCol: Int32Array;
  private zeroed = new Set<number>();

  constructor(highs: Highs, flow: FlowModel) {
    this.flow = flow;
    this.infinity = highs.infinity;
    this.edgeCol = [];
    this.servedCol = new Int32Array(flow.consumers.length);
    if (flow.consumers.length === 0) return;
    this.total = open(highs, buildLp(flow, { kind: "total" }).text);
    const total = this.total;
    this.edgeCol.push(Int32Array.from(flow.edges, (_, e) => total.getColByName(`f${e}`)));
    flow.consumers.forEach((i, c) => {
      this.servedCol[c] = this.total!.getColByName(`s${i}`);
    });
  }

  private models(): Model[] {
    return this.total ? [this.total] : [];
  }

  /** Served demand per consumer (in `flow.consumers` order) with `removed` (node indices) taken out. */
  served(removed: Iterable<number>): Float64Array {
    const out = new Float64Array(this.flow.consumers.length);
    if (!this.total) return out;
    const target = new Set<number>();
    for (const i of removed) {
      for (const e of this.flow.outEdges[i]!) target.add(e);
      for (const e of this.flow.inEdges[i]!) target.add(e);
    }
    const models = this.models();
    const setBound = (e: number, upper: number) =>
      models.forEach((m, k) => {
        m.changeColBounds(this.edgeCol[k]![e]!, 0, upper);
      });
    for (const e of this.zeroed) if (!target.has(e)) setBound(e, this.infinity);
    for (const e of target) if (!this.zeroed.has(e)) setBound(e, 0);
    this.zeroed = target;

    run(this.total, "max-total");
    const value = this.total.getSolution().colValue;
    this.flow.consumers.forEach((i, c) => {
      out[c] = Math.max(0, Math.min(this.flow.demand[i]!, value[this.servedCol[c]!]!));
    });
    return out;
  }

  /** Free the native models (WASM memory is not garbage-collected). */
  dispose(): void {
    for (const m of this.models()) m.dispose();
  }
}
