/**
 * Attack curves: the share of demand still supplied as facilities are removed one by one in a given order (by
 * betweenness, by the demand each cuts off alone, country by country with China first, at random), and the
 * robustness R = the mean of that share over all removal steps (Schneider, Moreira, Andrade, Havlin & Herrmann,
 * "Mitigation of malicious attacks on networks", PNAS 108, 2011).
 *
 * Each curve costs O(n + m): we run it backwards, as Newman & Ziff do for percolation (Phys. Rev. Lett. 85, 2000):
 * start with every facility removed and add them back in reverse order; supply only grows when a node comes back,
 * so the supplied set is extended incrementally (each edge is looked at a bounded number of times).
 * Only facilities are removed (consumers stay); the orders are static (computed once on the scenario graph).
 */
import type { AppliedScenario } from "../scenario/types.js";
import { type Csr, csrOf, type GraphInput, type Masks, scenarioMasks } from "./_csr.js";
import { dominators } from "./_dominators.js";
import { inColumns } from "./_in-columns.js";
import { mulberry32 } from "../model/random.js";
import { cutOffCounts } from "./single-points-of-failure.js";
import { centrality } from "./centrality.js";
import { supplyMask } from "./supply.js";

/** Options of `attackCurves`. */
export interface AttackCurvesOptions {
  /** Seeds of the random orders; the random curve is their mean. @defaultValue `[1, 2, 3, 4, 5]` */
  seeds?: number[];
  /**
   * Country removed first in the country order (the rest follow by baseline out-volume, largest first).
   * @defaultValue `"CN"`
   */
  firstCountry?: string;
  /** Points kept per curve in the result (R uses every step). @defaultValue `101` */
  maxPoints?: number;
  /** Betweenness indexed like `csr.ids`, if already computed (else `centrality` runs). */
  betweenness?: Float64Array;
  csr?: Csr;
}

export const DEFAULT_ATTACK_CURVES_OPTIONS = {
  seeds: [1, 2, 3, 4, 5],
  firstCountry: "CN",
  maxPoints: 101,
} as const;

/** One point of a curve: after removing `removed` (fraction of steps), `supplied` of the demand is still supplied. */
export interface CurvePoint {
  removed: number;
  supplied: number;
}

/** One attack. */
export interface AttackCurve {
  order: "betweenness" | "demandCutAlone" | "country" | "random";
  /** Removal steps (facilities, or countries for `country`). */
  steps: number;
  /** Schneider et al.'s R: mean supplied share over steps 1..steps. */
  robustness: number;
  curve: CurvePoint[];
  /** Country order (for `country`). */
  countries?: string[];
}

/** The result of `attackCurves`. */
export interface AttackCurves {
  /** Demand of the consumers the scenario keeps (the denominator). */
  totalDemand: number;
  attacks: AttackCurve[];
  seeds: number[];
}

/**
 * Nodes removed in groups: group k is `nodes[groupStart[k] .. groupStart[k+1])`. Flat typed arrays, not an
 * array per group: the per-node orders have ~10^6 groups of one.
 */
export interface RemovalOrder {
  nodes: Int32Array;
  groupStart: Int32Array;
}

/** A removal order of one node per group. */
export function singletons(nodes: Int32Array): RemovalOrder {
  return { nodes, groupStart: Int32Array.from({ length: nodes.length + 1 }, (_, k) => k) };
}

/** Work arrays of `curveByGroups`, reused across the curves of one graph (fresh memory is what costs at 10^6). */
export class CurveScratch {
  readonly alive: Uint8Array;
  readonly supplied: Uint8Array;
  readonly filled: Uint8Array;
  readonly remaining: Int32Array;
  readonly queue: Int32Array;
  constructor(csr: Csr) {
    this.alive = new Uint8Array(csr.n);
    this.supplied = new Uint8Array(csr.n);
    this.filled = new Uint8Array(csr.slotMaterial.length);
    this.remaining = new Int32Array(csr.n);
    this.queue = new Int32Array(csr.n);
  }
}

/** Supplied demand share after removing the first k groups, for k = 0..groups. */
export function curveByGroups(
  csr: Csr,
  masks: Masks,
  order: RemovalOrder,
  totalDemand: number,
  scratch: CurveScratch = new CurveScratch(csr),
): Float64Array {
  const groups = order.groupStart.length - 1;
  // waiting[v] = 1: v is back (alive), not supplied yet and not a source, so a supplied supplier can fill its
  // slots. One byte instead of three reads (alive, supplied, source) per edge: the random reads are the cost.
  const { alive: waiting, supplied, filled, remaining, queue } = scratch;
  supplied.fill(0);
  filled.fill(0);
  const { outOffsets, inOffsets, inEdges, edgeTarget, edgeSlot, source } = csr;
  for (let v = 0; v < csr.n; v++) {
    waiting[v] = masks.nodeAlive[v] === 1 && csr.demand[v]! > 0 && source[v] !== 1 ? 1 : 0;
    remaining[v] = csr.slotOffsets[v + 1]! - csr.slotOffsets[v]!;
  }
  const edgeAlive = masks.edgeAlive;
  let demand = 0;
  const supply = (start: number) => {
    let qt = 0;
    supplied[start] = 1;
    waiting[start] = 0;
    queue[qt++] = start;
    for (let qh = 0; qh < qt; qh++) {
      const u = queue[qh]!;
      demand += csr.demand[u]!;
      // edges are numbered in out-list order (outEdges[i] === i, model/csr.ts): e is the position itself
      for (let e = outOffsets[u]!, end = outOffsets[u + 1]!; e < end; e++) {
        const slot = edgeSlot[e]!;
        if (slot < 0 || edgeAlive[e] !== 1) continue;
        const w = edgeTarget[e]!;
        if (waiting[w] !== 1 || filled[slot] === 1) continue;
        filled[slot] = 1;
        if (--remaining[w]! === 0) {
          supplied[w] = 1;
          waiting[w] = 0;
          queue[qt++] = w;
        }
      }
    }
  };
  // v is back and its supplier u supplied (so alive): the edge between them is there unless the scenario cut it
  const { source: inSource, slot: inSlot } = inColumns(csr);
  const checkEdges = masks.cutsLiveEdges;
  const add = (v: number) => {
    if (source[v] === 1) return supply(v);
    waiting[v] = 1;
    for (let i = inOffsets[v]!, end = inOffsets[v + 1]!; i < end; i++) {
      const slot = inSlot[i]!;
      if (slot < 0 || supplied[inSource[i]!] !== 1 || filled[slot] === 1) continue;
      if (checkEdges && edgeAlive[inEdges[i]!] !== 1) continue;
      filled[slot] = 1;
      if (--remaining[v]! === 0) return supply(v);
    }
  };
  const shares = new Float64Array(groups + 1);
  shares[groups] = 0;
  for (let k = groups - 1; k >= 0; k--) {
    for (let i = order.groupStart[k]!; i < order.groupStart[k + 1]!; i++) add(order.nodes[i]!);
    shares[k] = totalDemand > 0 ? demand / totalDemand : 0;
  }
  return shares;
}

/** A removal order from explicit groups. */
export function groupsOf(groups: number[][]): RemovalOrder {
  const groupStart = new Int32Array(groups.length + 1);
  groups.forEach((g, k) => {
    groupStart[k + 1] = groupStart[k]! + g.length;
  });
  return { nodes: Int32Array.from(groups.flat()), groupStart };
}

function summarize(shares: Float64Array, maxPoints: number): { robustness: number; curve: CurvePoint[] } {
  const steps = shares.length - 1;
  let sum = 0;
  for (let k = 1; k <= steps; k++) sum += shares[k]!;
  const count = Math.min(maxPoints, steps + 1);
  const curve: CurvePoint[] = [];
  for (let i = 0; i < count; i++) {
    const k = count === 1 ? 0 : Math.round((i * steps) / (count - 1));
    curve.push({ removed: steps === 0 ? 0 : k / steps, supplied: shares[k]! });
  }
  return { robustness: steps === 0 ? 0 : sum / steps, curve };
}

/**
 * Nodes sorted by score, largest first, in groups of equal score (to a relative 1e-9, which absorbs the rounding
 * of sums taken in different orders): which of two tied nodes goes first is an arbitrary choice, so tied nodes
 * are removed together and the curve is interpolated across the group (`perStep`).
 */
function byScore(candidates: Int32Array, score: ArrayLike<number>): RemovalOrder {
  const sorted = candidates.slice().sort((a, b) => score[b]! - score[a]! || a - b);
  const starts: number[] = [0];
  for (let i = 1; i < sorted.length; i++) {
    const a = score[sorted[i - 1]!]!;
    const b = score[sorted[i]!]!;
    if (Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b))) starts.push(i);
  }
  starts.push(sorted.length);
  return { nodes: sorted, groupStart: Int32Array.from(starts) };
}

/**
 * Shares per removal step from shares per group: inside a group of g tied nodes the share falls linearly from
 * the value before the group to the value after it, the mean over the g! orders of removing them one by one
 * when each matters alike (and, in general, the order-free choice).
 */
function perStep(byGroup: Float64Array, order: RemovalOrder): Float64Array {
  const steps = order.nodes.length;
  const out = new Float64Array(steps + 1);
  const groups = order.groupStart.length - 1;
  for (let k = 0; k < groups; k++) {
    const start = order.groupStart[k]!;
    const size = order.groupStart[k + 1]! - start;
    for (let i = 0; i < size; i++)
      out[start + i] = byGroup[k]! + ((byGroup[k + 1]! - byGroup[k]!) * i) / size;
  }
  out[steps] = byGroup[groups]!;
  return out;
}

/** The candidates sorted by label, then id: what the random orders shuffle, so that renaming ids cannot move them. */
function byLabel(csr: Csr, candidates: Int32Array): Int32Array {
  const label = (v: number) => String(csr.nodeAttributes.at(v).label ?? "");
  const ids = csr.ids;
  return candidates.slice().sort((a, b) => {
    const x = label(a);
    const y = label(b);
    if (x !== y) return x < y ? -1 : 1;
    return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0;
  });
}

/**
 * Attack curves and robustness of the scenario graph under four removal orders.
 * @param graph - the file graph
 * @param applied - the scenario resolved on it
 */
export function attackCurves(
  graph: GraphInput,
  applied: AppliedScenario,
  options: AttackCurvesOptions = {},
): AttackCurves {
  const opts = { ...DEFAULT_ATTACK_CURVES_OPTIONS, ...options };
  const csr = csrOf(graph, opts.csr);
  const masks = scenarioMasks(csr, applied);
  let totalDemand = 0;
  const list: number[] = [];
  for (let v = 0; v < csr.n; v++) {
    if (masks.nodeAlive[v] !== 1) continue;
    if (csr.demand[v]! > 0) totalDemand += csr.demand[v]!;
    else list.push(v);
  }
  const candidates = Int32Array.from(list);
  const scratch = new CurveScratch(csr);
  // A ranking's ties are groups interpolated per node (steps = nodes); a country order's steps are countries.
  const attack = (order: AttackCurve["order"], removal: RemovalOrder): AttackCurve => {
    const byGroup = curveByGroups(csr, masks, removal, totalDemand, scratch);
    const perNode = order !== "country";
    return {
      order,
      steps: perNode ? removal.nodes.length : removal.groupStart.length - 1,
      ...summarize(perNode ? perStep(byGroup, removal) : byGroup, opts.maxPoints),
    };
  };

  const betweenness =
    opts.betweenness ?? Float64Array.from(centrality(csr, applied).nodes, (n) => n.betweenness);
  const runner = supplyMask(csr, masks);
  const cut = cutOffCounts(csr, masks, dominators(csr, masks, runner));

  const volume = new Map<number, number>();
  for (let e = 0; e < csr.m; e++) {
    if (masks.edgeAlive[e] !== 1) continue;
    const c = csr.country[csr.edgeSource[e]!]!;
    volume.set(c, (volume.get(c) ?? 0) + csr.volume[e]!);
  }
  const byCountry = new Map<number, number[]>();
  for (const v of candidates) {
    const list = byCountry.get(csr.country[v]!);
    if (list) list.push(v);
    else byCountry.set(csr.country[v]!, [v]);
  }
  const first = csr.countries.indexOf(opts.firstCountry);
  // Ties in volume fall back to the country code (data), never to the order countries were met in the file.
  const code = (c: number) => csr.countries[c]!;
  const countryOrder = [...byCountry.keys()].sort(
    (a, b) =>
      Number(b === first) - Number(a === first) ||
      (volume.get(b) ?? 0) - (volume.get(a) ?? 0) ||
      (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : 0),
  );

  const canonical = byLabel(csr, candidates);
  const randomShares = opts.seeds.map((seed) => {
    const rng = mulberry32(seed);
    const order = canonical.slice();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    return curveByGroups(csr, masks, singletons(order), totalDemand, scratch);
  });
  const mean = new Float64Array(candidates.length + 1);
  for (const shares of randomShares)
    for (let k = 0; k < mean.length; k++) mean[k]! += shares[k]! / randomShares.length;

  return {
    totalDemand,
    attacks: [
      attack("betweenness", byScore(candidates, betweenness)),
      attack("demandCutAlone", byScore(candidates, cut.demand)),
      {
        ...attack("country", groupsOf(countryOrder.map((c) => byCountry.get(c)!))),
        countries: countryOrder.map((c) => csr.countries[c]!),
      },
      { order: "random", steps: candidates.length, ...summarize(mean, opts.maxPoints) },
    ],
    seeds: [...opts.seeds],
  };
}
