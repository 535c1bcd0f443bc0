/**
 * The flow model as LP text in CPLEX LP format (the text format HiGHS reads). Columns: `f<e>` = flow on edge e,
 * `s<i>` = served demand of consumer node i, `t` = a common served fraction (leximin rounds), `x<k>` = the
 * release rate of stock into the network (time-to-survive). Ids never reach the LP text (they may contain any
 * character); rows are listed in `rows` so duals and bounds map back to nodes and edges.
 */
import type { FlowModel } from "./flow-model.js";

/** What a row of the LP constrains. */
export type LpRow =
  | { kind: "node-capacity"; node: number; bound: number }
  | { kind: "edge-capacity"; edge: number; bound: number }
  | { kind: "other" };

/** LP text plus the meaning of each row. */
export interface Lp {
  text: string;
  rows: LpRow[];
}

/** Extra inflow of a material into a node, from a column that is not an edge (stock released into the network). */
export interface ExtraInflow {
  /** Column name (`x<k>`). */
  column: string;
  node: number;
  material: string | undefined;
}

/** A number as LP text (JS exponent form `1e-7` is accepted by HiGHS). */
export function num(x: number): string {
  return String(x);
}

/** A sum of terms as LP text; `0 t` when empty (t is always a column, fixed where unused). */
export function sum(terms: string[]): string {
  return terms.length ? terms.join(" + ").replace(/\+ -/g, "- ") : "0 t";
}

/**
 * The network's rows: node capacities, recipes (a node needs ALL its recipe materials) or flow balance (any
 * supplier will do), and edge capacities. `extra` adds inflows that are not edges (stock releases).
 */
export function networkRows(
  model: FlowModel,
  extra: readonly ExtraInflow[] = [],
): { lines: string[]; rows: LpRow[] } {
  const rows: LpRow[] = [];
  const lines: string[] = [];
  const n = model.nodes.length;
  const extraAt = new Map<number, ExtraInflow[]>();
  for (const x of extra) extraAt.set(x.node, [...(extraAt.get(x.node) ?? []), x]);
  for (let i = 0; i < n; i++) {
    const out = model.outEdges[i]!.map((e) => `f${e}`);
    const cap = model.capacity[i];
    if (cap !== undefined && out.length > 0) {
      lines.push(` n${i}: ${sum(out)} <= ${num(cap)}`);
      rows.push({ kind: "node-capacity", node: i, bound: cap });
    }
    if (model.source[i]) continue;
    // What the node makes: shipped output, plus its own consumption when it is a consumer.
    const made = model.demand[i]! > 0 ? [...out, `s${i}`] : out;
    if (made.length === 0) continue;
    const inEdges = model.inEdges[i]!;
    const released = extraAt.get(i) ?? [];
    const recipe = model.recipe[i];
    if (recipe) {
      for (const [k, material] of Object.keys(recipe).sort().entries()) {
        const amount = recipe[material]!;
        const lhs = made.map((v) => `${num(amount)} ${v}`);
        for (const e of inEdges) if (model.edges[e]!.material === material) lhs.push(`-f${e}`);
        for (const x of released) if (x.material === material) lhs.push(`-${x.column}`);
        lines.push(` r${i}_${k}: ${sum(lhs)} <= 0`);
        rows.push({ kind: "other" });
      }
    } else {
      const lhs = [...made, ...inEdges.map((e) => `-f${e}`), ...released.map((x) => `-${x.column}`)];
      lines.push(` b${i}: ${sum(lhs)} <= 0`);
      rows.push({ kind: "other" });
    }
  }
  for (const [e, edge] of model.edges.entries()) {
    if (edge.capacity === undefined) continue;
    lines.push(` e${e}: f${e} <= ${num(edge.capacity)}`);
    rows.push({ kind: "edge-capacity", edge: e, bound: edge.capacity });
  }
  return { lines, rows };
}

/** Bounds of the edge columns. */
export function edgeBounds(model: FlowModel): string[] {
  return model.edges.map((_, e) => ` f${e} >= 0`);
}

/** The LP text of `objective` over the network rows plus `more` rows and bounds. */
export function lpText(objective: string, lines: string[], bounds: string[]): string {
  const constraints = lines.length ? lines : [" z0: t <= 1"];
  return `${objective}\nSubject To\n${constraints.join("\n")}\nBounds\n${bounds.join("\n")}\nEnd\n`;
}

/** Maximise total served demand (the N-1 sweep's persistent model). */
export function buildTotalLp(model: FlowModel): Lp {
  const { lines, rows } = networkRows(model);
  if (!lines.length) rows.push({ kind: "other" });
  const bounds = model.consumers.map((i) => ` 0 <= s${i} <= ${num(model.demand[i]!)}`);
  bounds.push(...edgeBounds(model), " t = 0");
  const objective = `Maximize\n obj: ${sum(model.consumers.map((i) => `s${i}`))}`;
  return { text: lpText(objective, lines, bounds), rows };
}

/**
 * The routing of a given service: minimise Σ f (`squares`: ½ Σ f², strictly convex, so one optimum) with every
 * consumer's served demand held in [low, high].
 */
export function buildRoutingLp(
  model: FlowModel,
  low: Float64Array,
  high: Float64Array,
  squares = false,
  weight?: (e: number) => number,
): string {
  const { lines } = networkRows(model);
  const terms = model.edges.map((_, e) =>
    squares ? `f${e}^2` : weight ? `${num(weight(e))} f${e}` : `f${e}`,
  );
  const objective =
    squares && terms.length
      ? `Minimize\n obj: [ ${terms.join(" + ")} ] / 2`
      : `Minimize\n obj: ${sum(terms)}`;
  const bounds = model.consumers.map((i) => ` ${num(low[i]!)} <= s${i} <= ${num(high[i]!)}`);
  bounds.push(...edgeBounds(model), " t = 0");
  return lpText(objective, lines, bounds);
}
