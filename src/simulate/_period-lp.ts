/**
 * The LP of one period in CPLEX LP format (the text HiGHS reads), for the plan and for the execution.
 * Columns: `f<e>` shipped on edge e, `s<i>` served demand of consumer i, `x<p>` stock kept in pool p at the end of
 * the period, `u<p>` a stock the plan may draw on without limit, `d<k>_<p>` drawn from stockpile k into pool p,
 * `t` the common served fraction of a leximin round. Ids never reach the LP text.
 *
 * Rows: a node ships at most its capacity (`c<i>`); each input pool balances (`p<p>`): what the node makes
 * (shipped + served) × the recipe amount ≤ what arrives this period (a share of this period's shipments on edges
 * shorter than the period, plus what earlier shipments deliver) + the stock at the start − the stock kept + draws;
 * a stockpile gives at most what is left (`k<k>`). Material that arrives and is neither used nor kept is lost.
 */
import type { SimNetwork } from "./_network.js";

/** Everything one period's LP needs; quantities in the LP's units (tonnes in the period, or per year for a plan). */
export interface PeriodLpInput {
  net: SimNetwork;
  /** Per node: bound on what it ships; undefined = none. */
  cap: Array<number | undefined>;
  /** Per node: demand (consumers; 0 for others). */
  demand: Float64Array;
  /** Per edge: upper bound on its shipment, edge capacity included (Infinity = none); edges with 0 are left out. */
  edgeUb: Float64Array;
  /** Per edge: share of this period's shipment that arrives within the period. */
  arriveNow: Float64Array;
  /** Per pool: material available from outside the LP (earlier shipments arriving, stock at the start). */
  poolIn: Float64Array;
  /** Per pool: most stock it may keep at the end (0 = no stock column). */
  poolKeep: Float64Array;
  /** Per pool: 1 when the plan may draw on its stock without limit. */
  poolFree: Uint8Array;
  /** Per stockpile: what is left (0 = not drawn). */
  pileLeft: Float64Array;
}

/** The objective and extra rows of one solve. */
export interface LpGoal {
  sense: "Maximize" | "Minimize";
  /** Objective terms, e.g. `["s3", "s7"]` or `["t"]`. */
  objective: string[];
  /** Extra rows, already written (`name: lhs >= rhs`). */
  rows?: string[];
  /** Per node: lower bound on served demand. */
  servedLower?: Float64Array;
  /** Per edge: lower bound on its shipment. */
  shipLower?: Float64Array;
  /** Add the column `t` in [0, 1]. */
  level?: boolean;
  /** Extra bounds lines for extra columns, already written. */
  bounds?: string[];
}

/** A number as LP text. */
export function num(x: number): string {
  return String(x);
}

/** Terms joined as a sum (`0 t` when empty, which HiGHS reads as zero). */
export function sum(terms: string[]): string {
  return terms.length ? terms.join(" + ").replace(/\+ -/g, "- ") : "0 t";
}

/** The columns of a period LP, by kind, for objectives and reading solutions. */
export interface PeriodColumns {
  edges: number[];
  consumers: number[];
  keep: number[];
  free: number[];
  draws: Array<{ pile: number; pool: number; name: string }>;
}

/** The constraint rows of a period (shared by every stage) and its columns. */
export interface PeriodLp {
  rows: string[];
  columns: PeriodColumns;
  input: PeriodLpInput;
}

/** Write the rows shared by every stage of a period. */
export function periodLp(input: PeriodLpInput): PeriodLp {
  const { net } = input;
  const rows: string[] = [];
  const edges = net.edges.map((_, e) => e).filter((e) => input.edgeUb[e]! > 0);
  const shipping = new Set(edges);
  const keep = net.pools.map((_, p) => p).filter((p) => input.poolKeep[p]! > 0);
  const free = net.pools.map((_, p) => p).filter((p) => input.poolFree[p] === 1);
  const draws: PeriodColumns["draws"] = [];
  const drawsInto = new Map<number, string[]>();
  for (const [k, pile] of net.piles.entries()) {
    if (!(input.pileLeft[k]! > 0)) continue;
    const names = pile.feeds.map((p) => {
      const name = `d${k}_${p}`;
      draws.push({ pile: k, pool: p, name });
      drawsInto.set(p, [...(drawsInto.get(p) ?? []), name]);
      return name;
    });
    rows.push(` k${k}: ${sum(names)} <= ${num(input.pileLeft[k]!)}`);
  }
  const keeps = new Set(keep);
  const frees = new Set(free);
  for (const [i, node] of net.nodes.entries()) {
    const out = net.outEdges[i]!.filter((e) => shipping.has(e)).map((e) => `f${e}`);
    const cap = input.cap[i];
    if (cap !== undefined && out.length > 0) rows.push(` c${i}: ${sum(out)} <= ${num(cap)}`);
    if (node.source) continue;
    const made = node.consumer && input.demand[i]! > 0 ? [...out, `s${i}`] : out;
    for (const p of node.pools) {
      const pool = net.pools[p]!;
      const lhs = made.map((v) => `${num(pool.amount)} ${v}`);
      for (const e of net.inEdges[i]!) {
        const share = input.arriveNow[e]!;
        if (shipping.has(e) && net.edges[e]!.pool === p && share > 0) lhs.push(`-${num(share)} f${e}`);
      }
      if (keeps.has(p)) lhs.push(`x${p}`);
      if (frees.has(p)) lhs.push(`-u${p}`);
      for (const d of drawsInto.get(p) ?? []) lhs.push(`-${d}`);
      if (made.length === 0 && !keeps.has(p)) continue;
      rows.push(` p${p}: ${sum(lhs)} <= ${num(input.poolIn[p]!)}`);
    }
  }
  const consumers = net.consumers.filter((i) => input.demand[i]! > 0);
  return { rows, columns: { edges, consumers, keep, free, draws }, input };
}

/** The full LP text of one stage. */
export function stageText(lp: PeriodLp, goal: LpGoal): string {
  const { input, columns } = lp;
  const bounds: string[] = [];
  for (const i of columns.consumers) {
    const lo = Math.min(goal.servedLower?.[i] ?? 0, input.demand[i]!);
    bounds.push(` ${num(lo)} <= s${i} <= ${num(input.demand[i]!)}`);
  }
  for (const e of columns.edges) {
    const hi = input.edgeUb[e]!;
    const lo = Math.min(goal.shipLower?.[e] ?? 0, hi);
    bounds.push(Number.isFinite(hi) ? ` ${num(lo)} <= f${e} <= ${num(hi)}` : ` f${e} >= ${num(lo)}`);
  }
  for (const p of columns.keep) bounds.push(` 0 <= x${p} <= ${num(input.poolKeep[p]!)}`);
  for (const p of columns.free) bounds.push(` u${p} >= 0`);
  for (const d of columns.draws) bounds.push(` ${d.name} >= 0`);
  bounds.push(...(goal.bounds ?? []));
  bounds.push(goal.level ? " 0 <= t <= 1" : " t = 0");
  const rows = [...lp.rows, ...(goal.rows ?? [])];
  if (rows.length === 0) rows.push(" z0: t <= 1");
  return `${goal.sense}\n obj: ${sum(goal.objective)}\nSubject To\n${rows.join("\n")}\nBounds\n${bounds.join("\n")}\nEnd\n`;
}
