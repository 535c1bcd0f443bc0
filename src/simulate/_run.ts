/**
 * The period-by-period loop. Each period the network first PLANS, then EXECUTES:
 * - the plan is the yearly flow model on the period's network (capacities, open routes) with lead times ignored,
 *   upstream stocks (stockpile nodes, `stockDays`) usable without limit while they last: the flows the network
 *   would run at now, under the yearly model's allocation rule; consumers' own stocks are not in it (they bridge
 *   their own shortfall, as in the yearly survival model);
 * - the execution ships at most the plan on each route, limited by the material actually on hand: what earlier
 *   shipments deliver now (after their lead times), stocks, and this period's shipments on routes shorter than the
 *   period; consumers are served from what arrives and from their stock (fair service), and stock is kept where not
 *   needed.
 * Material in transit at day 0 is the undisrupted plan's flow over each lead time, so an undisrupted network runs
 * at steady state from the first day.
 *
 * Solving period by period is exact for this rule: a period's decisions depend only on the state carried into it
 * (stocks, material in transit, the network's state that day), all fixed once the earlier periods are solved. The
 * rule has no foresight, on purpose: nobody knows on day 1 how long an embargo lasts. Plans are cached by the
 * network state they depend on, so a quiet stretch costs one plan.
 */
import type { Highs } from "highs";
import { arrivalShare, inTransitShare, type Period } from "./_periods.js";
import type { SimNetwork } from "./_network.js";
import { type PeriodLpInput, periodLp } from "./_period-lp.js";
import { executePeriod, type PeriodOutcome } from "./_execute.js";
import { planFlows } from "./_plan.js";
import { FULL_TOLERANCE } from "./_stages.js";
import { type PeriodState, periodState, type Timeline } from "./_timeline.js";

/** Raw per-period results, indexed like the network. */
export interface RunResult {
  /** Per period, per node: tonnes demanded (consumers). */
  demand: Float64Array[];
  /** Per period, per node: tonnes served (consumers). */
  served: Float64Array[];
  /** Per period, per pool: stock at the end. */
  pools: Float64Array[];
  /** Per period, per stockpile: stock at the end. */
  piles: Float64Array[];
  /** Index of the first period with a shortfall anywhere; null when none. */
  firstShort: number | null;
}

/** Capacity in the LP's units: `scale` = period days / 365 (1 for a plan, which is per year). */
function capacities(net: SimNetwork, state: PeriodState, scale: number): Array<number | undefined> {
  return net.nodes.map((n, i) => {
    const share = state.nodeShare[i]!;
    if (n.capacity !== undefined) return n.capacity * share * scale;
    return share >= 1 - 1e-12 ? undefined : n.base * share * scale;
  });
}

function demands(net: SimNetwork, state: PeriodState, scale: number): Float64Array {
  return Float64Array.from(net.nodes, (n, i) => n.demand * state.nodeShare[i]! * scale);
}

/** The plan's LP input for a period state (per year). `poolLeft`/`pileLeft`: stock left, for what is usable. */
function planInput(
  net: SimNetwork,
  state: PeriodState,
  poolLeft: Float64Array,
  pileLeft: Float64Array,
): PeriodLpInput {
  const poolFree = new Uint8Array(net.pools.length);
  for (const [p, pool] of net.pools.entries())
    if (!net.nodes[pool.node]!.consumer && poolLeft[p]! > 1e-9) poolFree[p] = 1;
  for (const [k, pile] of net.piles.entries())
    if (pileLeft[k]! > 1e-9) for (const p of pile.feeds) poolFree[p] = 1;
  return {
    net,
    cap: capacities(net, state, 1),
    demand: demands(net, state, 1),
    edgeUb: Float64Array.from(net.edges, (e, k) =>
      state.edgeShare[k]! >= 0.5 ? (e.capacity ?? Number.POSITIVE_INFINITY) : 0,
    ),
    arriveNow: new Float64Array(net.edges.length).fill(1),
    poolIn: new Float64Array(net.pools.length),
    poolKeep: new Float64Array(net.pools.length),
    poolFree,
    pileLeft: new Float64Array(net.piles.length),
  };
}

/** Plans: a new one only when the network's state changes; each starts from the one before it. */
function planner(highs: Highs) {
  let lastKey = "";
  let last: Float64Array | undefined;
  return (input: PeriodLpInput): Float64Array => {
    const key = [
      input.cap.join(","),
      input.demand.join(","),
      input.edgeUb.join(","),
      input.poolFree.join(""),
    ].join("|");
    if (last && key === lastKey) return last;
    last = planFlows(highs, periodLp(input), last);
    lastKey = key;
    return last;
  };
}

/** A number for a state key: 12 significant digits, so float noise in sums of arrival shares does not split states. */
const keyNum = (x: number | undefined) =>
  x === undefined ? "-" : Number.isFinite(x) ? x.toPrecision(12) : "inf";

/** Everything a period's LP is built from, as one string: equal keys, equal LPs (to 12 digits), equal outcomes. */
function inputKey(input: PeriodLpInput): string {
  const arrays = [
    input.cap,
    input.demand,
    input.edgeUb,
    input.arriveNow,
    input.poolIn,
    input.poolKeep,
    input.pileLeft,
  ];
  return arrays.map((a) => Array.from(a as ArrayLike<number | undefined>, keyNum).join(",")).join("|");
}

/**
 * Executions: solved again only when the period's LP differs from the one before (a network that is short in a
 * steady way repeats the same period, and its leximin rounds are the costly part).
 */
function executor(highs: Highs) {
  let lastKey = "";
  let last: PeriodOutcome | undefined;
  return (input: PeriodLpInput): PeriodOutcome => {
    const key = inputKey(input);
    if (last && key === lastKey) return last;
    last = executePeriod(highs, periodLp(input));
    lastKey = key;
    return last;
  };
}

/** Run the simulation over `periods`. `steady` = the undisrupted timeline (for the material in transit at day 0). */
export function runSimulation(
  highs: Highs,
  net: SimNetwork,
  timeline: Timeline,
  steady: Timeline,
  periods: Period[],
  options: { stopAtShortfall?: boolean; onProgress?: (done: number, total: number) => void } = {},
): RunResult {
  const plan = planner(highs);
  const execute = executor(highs);
  let poolStock: Float64Array = Float64Array.from(net.pools, (p) => p.stock);
  const pileLeft = Float64Array.from(net.piles, (p) => p.stock);
  const arrivals = periods.map(() => new Float64Array(net.pools.length));

  // Material in transit at day 0: the undisrupted plan's flow over each lead time, arriving uniformly.
  const first = periods[0]!;
  const g0 = plan(planInput(net, periodState(net, steady, first), poolStock, pileLeft));
  for (const [e, edge] of net.edges.entries()) {
    if (edge.lag <= 0 || edge.pool < 0 || g0[e]! <= 0) continue;
    const inTransit = (g0[e]! * edge.lag) / 365;
    for (const [j, period] of periods.entries()) {
      if (period.start >= edge.lag) break;
      arrivals[j]![edge.pool]! += inTransit * inTransitShare(period, edge.lag);
    }
  }

  const result: RunResult = { demand: [], served: [], pools: [], piles: [], firstShort: null };
  for (const [k, period] of periods.entries()) {
    const state = periodState(net, timeline, period);
    const g = plan(planInput(net, state, poolStock, pileLeft));
    const scale = period.days / 365;
    const input: PeriodLpInput = {
      net,
      cap: capacities(net, state, scale),
      demand: demands(net, state, scale),
      edgeUb: Float64Array.from(net.edges, (_, e) => state.edgeShare[e]! * g[e]! * scale),
      arriveNow: Float64Array.from(net.edges, (e) => arrivalShare(period, period, e.lag)),
      poolIn: Float64Array.from(net.pools, (_, p) => arrivals[k]![p]! + poolStock[p]!),
      poolKeep: Float64Array.from(net.pools, (p) => p.stock),
      poolFree: new Uint8Array(net.pools.length),
      pileLeft: Float64Array.from(pileLeft),
    };
    const out = execute(input);
    for (const [e, edge] of net.edges.entries()) {
      const shipped = out.shipped[e]!;
      if (shipped <= 0 || edge.pool < 0) continue;
      for (let j = k + 1; j < periods.length; j++) {
        if (periods[j]!.start >= period.start + period.days + edge.lag) break;
        arrivals[j]![edge.pool]! += shipped * arrivalShare(period, periods[j]!, edge.lag);
      }
    }
    poolStock = out.kept;
    for (let q = 0; q < pileLeft.length; q++) pileLeft[q] = Math.max(0, pileLeft[q]! - out.drawn[q]!);
    result.demand.push(input.demand);
    result.served.push(out.served);
    result.pools.push(Float64Array.from(poolStock));
    result.piles.push(Float64Array.from(pileLeft));
    options.onProgress?.(k + 1, periods.length);
    const short = net.consumers.some((i) => out.served[i]! < input.demand[i]! * (1 - FULL_TOLERANCE) - 1e-9);
    if (short && result.firstShort === null) {
      result.firstShort = k;
      if (options.stopAtShortfall) break;
    }
  }
  return result;
}
