/**
 * The flow model as an LP in CPLEX LP format (the text format HiGHS reads). Columns: `f<e>` = flow on edge e,
 * `s<i>` = served demand of consumer node i, `t` = the served fraction of `max-min`. Ids never reach the LP
 * text (they may contain any character); rows are listed in `rows` so duals map back to nodes and edges.
 */
import type { FlowModel } from "./flow-model.js";

/** What a row of the LP constrains: only capacity rows matter to the bottleneck report. */
export type LpRow =
  | { kind: "node-capacity"; node: number; bound: number }
  | { kind: "edge-capacity"; edge: number; bound: number }
  | { kind: "other" };

/** Which LP to write. */
export type LpGoal =
  /** maximise Σ s (over `over` consumers only, when given); `lower` = per-node lower bounds on s. */
  | { kind: "total"; lower?: Float64Array; over?: readonly number[] }
  /**
   * maximise t subject to s_i ≥ t·demand_i for the `active` consumers (default: all); `lower` = per-node lower
   * bounds on s (the levels already fixed by earlier rounds of max-min).
   */
  | { kind: "min-fraction"; lower?: Float64Array; active?: ReadonlySet<number> }
  /** minimise Σ f with s fixed: the cleanest flows that serve exactly `served` (no useless circulation). */
  | { kind: "min-flow"; served: Float64Array };

/** LP text plus the meaning of each row. */
export interface Lp {
  text: string;
  rows: LpRow[];
}

/** A number as LP text (JS exponent form `1e-7` is accepted by HiGHS). */
function num(x: number): string {
  return String(x);
}

function sum(terms: string[]): string {
  return terms.length ? terms.join(" + ").replace(/\+ -/g, "- ") : "0 t";
}

/** Write the LP for `goal` on `model`. */
export function buildLp(model: FlowModel, goal: LpGoal): Lp {
  const rows: LpRow[] = [];
  const lines: string[] = [];
  const n = model.nodes.length;
  const isConsumer = (i: number) => model.demand[i]! > 0;

  for (let i = 0; i < n; i++) {
    const out = model.outEdges[i]!.map((e) => `f${e}`);
    const cap = model.capacity[i];
    if (cap !== undefined && out.length > 0) {
      lines.push(` n${i}: ${sum(out)} <= ${num(cap)}`);
      rows.push({ kind: "node-capacity", node: i, bound: cap });
    }
    if (model.source[i]) continue;
    // What the node makes: shipped output, plus its own consumption when it is a consumer.
    const made = isConsumer(i) ? [...out, `s${i}`] : out;
    if (made.length === 0) continue;
    const inEdges = model.inEdges[i]!;
    const recipe = model.recipe[i];
    if (recipe) {
      for (const [k, material] of Object.keys(recipe).sort().entries()) {
        const amount = recipe[material]!;
        const lhs = made.map((v) => `${num(amount)} ${v}`);
        for (const e of inEdges) if (model.edges[e]!.material === material) lhs.push(`-f${e}`);
        lines.push(` r${i}_${k}: ${sum(lhs)} <= 0`);
        rows.push({ kind: "other" });
      }
    } else {
      const lhs = [...made, ...inEdges.map((e) => `-f${e}`)];
      lines.push(` b${i}: ${sum(lhs)} <= 0`);
      rows.push({ kind: "other" });
    }
  }
  for (const [e, edge] of model.edges.entries()) {
    if (edge.capacity === undefined) continue;
    lines.push(` e${e}: f${e} <= ${num(edge.capacity)}`);
    rows.push({ kind: "edge-capacity", edge: e, bound: edge.capacity });
  }
  if (goal.kind === "min-fraction") {
    for (const i of model.consumers) {
      if (goal.active && !goal.active.has(i)) continue;
      lines.push(` m${i}: s${i} - ${num(model.demand[i]!)} t >= 0`);
      rows.push({ kind: "other" });
    }
  }

  const consumerVars = (goal.kind === "total" && goal.over ? goal.over : model.consumers).map((i) => `s${i}`);
  const objective =
    goal.kind === "total"
      ? `Maximize\n obj: ${sum(consumerVars)}`
      : goal.kind === "min-fraction"
        ? "Maximize\n obj: t"
        : `Minimize\n obj: ${sum(model.edges.map((_, e) => `f${e}`))}`;
  const bounds: string[] = [];
  for (const i of model.consumers) {
    const d = model.demand[i]!;
    if (goal.kind === "min-flow") bounds.push(` s${i} = ${num(goal.served[i]!)}`);
    else {
      const lo = goal.lower?.[i] ?? 0;
      bounds.push(` ${num(Math.min(lo, d))} <= s${i} <= ${num(d)}`);
    }
  }
  for (let e = 0; e < model.edges.length; e++) bounds.push(` f${e} >= 0`);
  if (goal.kind === "min-fraction") bounds.push(" 0 <= t <= 1");
  else bounds.push(" t = 0");
  const constraints = lines.length ? lines : [" z0: t <= 1"];
  if (!lines.length) rows.push({ kind: "other" });
  return {
    text: `${objective}\nSubject To\n${constraints.join("\n")}\nBounds\n${bounds.join("\n")}\nEnd\n`,
    rows,
  };
}
