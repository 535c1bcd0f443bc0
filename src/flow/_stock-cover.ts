/**
 * How long stocks keep consumers whole, with the stock released THROUGH the network (one LP per question).
 *
 * A stockpile node of material m in country C releases into the facilities of C that use m (its recipe names m,
 * or a supplier in the file makes m), so a pile counts only as far as C's surviving conversion capacity and
 * routes can turn it into the consumers' demand. A consumer's private stock (`stockpileDays`) sits at the
 * consumer, in tonnes of what it demands, and needs no conversion. A consumer with no route left gets no
 * national stock, because none can reach it.
 *
 * Keeping the target consumers whole for D days means releasing at rates x (t/yr) with x·D/365 ≤ stock. With
 * u = 365/D the question is one LP: minimise u subject to the network rows plus the releases, every target
 * served in full (network + private release), every other consumer at least at its scenario level (stock never
 * buys one consumer's cover with another's supply), and release rates ≤ stock·u. Then D = 365/u. Infeasible
 * means the targets cannot be made whole even for a day (D = 0). The optimum u is unique, so D is too.
 */
import type { Highs } from "highs";
import { hair } from "./_allocator.js";
import { edgeBounds, type ExtraInflow, lpText, networkRows, num, sum } from "./_lp.js";
import { FlowSolveError, lpOptions } from "./_solver.js";
import type { FlowModel } from "./flow-model.js";

/** A national stockpile, resolved against the flow model. */
export interface Pile {
  id: string;
  country: string;
  material: string;
  stock: number;
  /** Model node indices of the country's facilities that can take the material. */
  into: number[];
}

/** One question: keep `targets` (node indices) whole; `levels` = everyone's served demand without stock. */
export interface CoverQuestion {
  targets: readonly number[];
  levels: Float64Array;
  /** Private stock per node index, tonnes of demand. */
  privateStock: Float64Array;
  piles: readonly Pile[];
  /** Nodes knocked out on top of the scenario (indices): their edges and releases carry nothing. */
  removed?: ReadonlySet<number>;
  /**
   * Also find how much each pile releases. The days fix only u; releases are then the least drawn (Σ share of
   * each pile) that still keeps the targets whole that long: a second LP. Off where only days count.
   */
  release?: boolean;
  /**
   * Upper bounds on edge flows (by edge index), for allocations that do not reroute (`proportional`,
   * `frozen-routing`): stock then moves only along existing contracts. Absent = any route.
   */
  edgeCap?: Float64Array;
  /**
   * How far below its level another consumer may fall (tonnes): the levels are reported on a grid (`quantum`),
   * so a level rounded up must not make the question infeasible.
   */
  slack?: number;
  /**
   * The largest total the network of this question can serve (its max-total value), when known: then a
   * question no stock can help and that would serve more than it is answered without an LP (see `hopeless`).
   */
  maxTotal?: number;
}

/** The answer: days the targets stay whole (Infinity when nothing is short), and each pile's release rate. */
export interface Cover {
  days: number;
  /** Pile index → tonnes per year released at the optimum (0 when not drawn). */
  release: number[];
}

/** Days `question.targets` can be kept whole from stock. */
export function stockCover(highs: Highs, model: FlowModel, question: CoverQuestion): Cover {
  const { targets, levels, privateStock, piles } = question;
  const removed = question.removed ?? new Set<number>();
  const short = targets.filter((i) => levels[i]! < model.demand[i]! * (1 - 1e-9));
  if (short.length === 0) return { days: Number.POSITIVE_INFINITY, release: piles.map(() => 0) };
  const extra: ExtraInflow[] = [];
  const pileColumns: string[][] = piles.map(() => []);
  // Only the targets' own countries release their piles.
  const countries = new Set(short.map((i) => model.country[i]!));
  for (const [k, pile] of piles.entries()) {
    if (!countries.has(pile.country)) continue;
    for (const j of pile.into) {
      if (removed.has(j)) continue;
      const column = `x${k}_${j}`;
      extra.push({ column, node: j, material: pile.material });
      pileColumns[k]!.push(column);
    }
  }
  if (hopeless(model, question, short, extra.length)) return { days: 0, release: piles.map(() => 0) };
  const { lines } = networkRows(model, extra);
  const target = new Set(short);
  const bounds: string[] = [];
  for (const i of model.consumers) {
    const d = model.demand[i]!;
    if (target.has(i)) {
      lines.push(` w${i}: s${i} + z${i} >= ${num(d)}`);
      lines.push(` q${i}: z${i} - ${num(privateStock[i]!)} u <= 0`);
      bounds.push(` 0 <= s${i} <= ${num(d)}`, ` z${i} >= 0`);
    } else {
      const low = Math.max(0, Math.min(hair(levels[i]!) - (question.slack ?? 0), d));
      bounds.push(` ${num(low)} <= s${i} <= ${num(d)}`);
    }
  }
  for (const [k, pile] of piles.entries()) {
    if (pileColumns[k]!.length) lines.push(` p${k}: ${sum(pileColumns[k]!)} - ${num(pile.stock)} u <= 0`);
  }
  const dead = new Set<number>();
  for (const i of removed) for (const e of [...model.outEdges[i]!, ...model.inEdges[i]!]) dead.add(e);
  const cap = question.edgeCap;
  const edgeBound = (b: string, e: number) =>
    dead.has(e) ? ` f${e} = 0` : cap ? ` 0 <= f${e} <= ${num(cap[e]!)}` : b;
  bounds.push(...edgeBounds(model).map(edgeBound), " t = 0", " u >= 0");
  for (const x of extra) bounds.push(` ${x.column} >= 0`);
  const options = lpOptions(model.edges.length);
  const first = solveTyped(() => highs.solve(lpText("Minimize\n obj: u", lines, bounds), options));
  if (first.Status !== "Optimal") return { days: 0, release: piles.map(() => 0) };
  const u = Math.max(0, (first.Columns.u as { Primal?: number } | undefined)?.Primal ?? 0);
  const days = u > 1e-12 ? 365 / u : Number.POSITIVE_INFINITY;
  if (!question.release || !Number.isFinite(days)) return { days, release: piles.map(() => 0) };
  // Least drawn at that duration (u a hair above its optimum for tolerance).
  const drawn = piles.flatMap((pile, k) =>
    pileColumns[k]!.map((c) => `${num(1 / Math.max(pile.stock, 1e-12))} ${c}`),
  );
  const fixed = bounds.map((b) => (b === " u >= 0" ? ` u = ${num(u * (1 + 1e-9) + 1e-12)}` : b));
  const second = solveTyped(() =>
    highs.solve(lpText(`Minimize\n obj: ${sum(drawn)}`, lines, fixed), options),
  );
  const result = second.Status === "Optimal" ? second : first;
  const value = (name: string) => (result.Columns[name] as { Primal?: number } | undefined)?.Primal ?? 0;
  const release = pileColumns.map((columns) => columns.reduce((t, c) => t + Math.max(0, value(c)), 0));
  return { days, release };
}

/**
 * The closed form of an infeasible question, exact where it answers. When no stock reaches the targets (no
 * private stock, no pile column), the LP is a feasibility question: the network alone must serve the targets
 * in full and everyone else at least its floor. If that asks for more than the network's max-total, by far more
 * than the solver's tolerances could bridge (10^-6 of the total, at least 10^-3 t), no flow does it: the LP
 * would end infeasible, i.e. 0 days. On graphs without stocks (generated ones) this answers most questions of
 * the node exposure, which was about 70% of the flow's time at 2,000 nodes.
 */
function hopeless(model: FlowModel, question: CoverQuestion, short: readonly number[], pileColumns: number) {
  const { maxTotal, levels, privateStock } = question;
  if (maxTotal === undefined || pileColumns > 0 || short.some((i) => privateStock[i]! > 0)) return false;
  const target = new Set(short);
  let needed = 0;
  for (const i of model.consumers) {
    const d = model.demand[i]!;
    needed += target.has(i) ? d : Math.max(0, Math.min(hair(levels[i]!) - (question.slack ?? 0), d));
  }
  return needed > maxTotal + Math.max(1e-3, 1e-6 * maxTotal);
}

/** HiGHS throws a plain Error when it cannot read a model (coefficients of 1e15 and more): keep it typed. */
function solveTyped<T>(solve: () => T): T {
  try {
    return solve();
  } catch (error) {
    throw new FlowSolveError(
      error instanceof Error ? error.message.split("\n")[0]! : String(error),
      "stock cover",
    );
  }
}
