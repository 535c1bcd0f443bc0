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
import { dominatorSets } from "./_dominator-sets.js";
import { mulberry32 } from "../model/random.js";
import { cutOffCounts } from "./single-points-of-failure.js";
import { centrality } from "./centrality.js";
import { supplyMask } from "./supply.js";

/** Options of `attackCurves`. */
export interface AttackCurvesOptions {
  /** Seeds of the random orders; the random curve is their mean. */
  seeds?: number[];
  /** Country removed first in the country order (the rest follow by baseline out-volume, largest first). */
  firstCountry?: string;
  /** Points kept per curve in the result (R uses every step). */
  maxPoints?: number;
  /** Betweenness by node id, if already computed (else `centrality` runs). */
  betweenness?: Record<string, number>;
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

/** Supplied demand share after removing the first k groups, for k = 0..groups.length. */
export function curveByGroups(csr: Csr, masks: Masks, groups: number[][], totalDemand: number): Float64Array {
  const alive = new Uint8Array(csr.n);
  for (let v = 0; v < csr.n; v++) if (masks.nodeAlive[v] === 1 && csr.demand[v]! > 0) alive[v] = 1;
  const supplied = new Uint8Array(csr.n);
  const filled = new Uint8Array(csr.slotMaterial.length);
  const remaining = new Int32Array(csr.n);
  for (let v = 0; v < csr.n; v++) remaining[v] = csr.slotOffsets[v + 1]! - csr.slotOffsets[v]!;
  const queue = new Int32Array(csr.n);
  let demand = 0;
  const fill = (e: number, w: number): boolean => {
    const slot = csr.edgeSlot[e]!;
    if (slot < 0 || filled[slot] === 1 || masks.edgeAlive[e] !== 1) return false;
    filled[slot] = 1;
    return --remaining[w]! === 0;
  };
  const supply = (start: number) => {
    let qt = 0;
    supplied[start] = 1;
    queue[qt++] = start;
    for (let qh = 0; qh < qt; qh++) {
      const u = queue[qh]!;
      demand += csr.demand[u]!;
      for (let i = csr.outOffsets[u]!, end = csr.outOffsets[u + 1]!; i < end; i++) {
        const e = csr.outEdges[i]!;
        const w = csr.edgeTarget[e]!;
        if (alive[w] !== 1 || supplied[w] === 1 || csr.source[w] === 1) continue;
        if (fill(e, w)) {
          supplied[w] = 1;
          queue[qt++] = w;
        }
      }
    }
  };
  const add = (v: number) => {
    alive[v] = 1;
    if (csr.source[v] === 1) return supply(v);
    for (let i = csr.inOffsets[v]!, end = csr.inOffsets[v + 1]!; i < end; i++) {
      const e = csr.inEdges[i]!;
      if (supplied[csr.edgeSource[e]!] === 1 && fill(e, v)) return supply(v);
    }
  };
  const shares = new Float64Array(groups.length + 1);
  shares[groups.length] = 0;
  for (let k = groups.length - 1; k >= 0; k--) {
    for (const v of groups[k]!) add(v);
    shares[k] = totalDemand > 0 ? demand / totalDemand : 0;
  }
  return shares;
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

/** Nodes sorted by score, largest first, ties by id (index). */
function byScore(candidates: number[], score: ArrayLike<number>): number[][] {
  return [...candidates].sort((a, b) => score[b]! - score[a]! || a - b).map((v) => [v]);
}

/**
 * Attack curves and robustness of the scenario graph under four removal orders.
 * @param graph the file graph
 * @param applied the scenario resolved on it
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
  const candidates: number[] = [];
  for (let v = 0; v < csr.n; v++) {
    if (masks.nodeAlive[v] !== 1) continue;
    if (csr.demand[v]! > 0) totalDemand += csr.demand[v]!;
    else candidates.push(v);
  }
  const attack = (order: AttackCurve["order"], groups: number[][]): AttackCurve => ({
    order,
    steps: groups.length,
    ...summarize(curveByGroups(csr, masks, groups, totalDemand), opts.maxPoints),
  });

  const betweennessById =
    opts.betweenness ??
    Object.fromEntries(centrality(graph, applied, { csr }).nodes.map((n) => [n.id, n.betweenness]));
  const betweenness = Float64Array.from(csr.ids, (id) => betweennessById[id] ?? 0);
  const runner = supplyMask(csr, masks);
  const cut = cutOffCounts(csr, masks, runner, dominatorSets(csr, masks, runner));

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
  const countryOrder = [...byCountry.keys()].sort(
    (a, b) =>
      Number(b === first) - Number(a === first) || (volume.get(b) ?? 0) - (volume.get(a) ?? 0) || a - b,
  );

  const randomShares = opts.seeds.map((seed) => {
    const rng = mulberry32(seed);
    const order = [...candidates];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return curveByGroups(
      csr,
      masks,
      order.map((v) => [v]),
      totalDemand,
    );
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
        ...attack(
          "country",
          countryOrder.map((c) => byCountry.get(c)!),
        ),
        countries: countryOrder.map((c) => csr.countries[c]!),
      },
      { order: "random", steps: candidates.length, ...summarize(mean, opts.maxPoints) },
    ],
    seeds: [...opts.seeds],
  };
}
