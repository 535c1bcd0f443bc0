/**
 * Stockpiles and time: how long each consumer and country can bridge the scenario's shortfall from stock
 * (time-to-survive), and per node a risk exposure index in the manner of Simchi-Levi's time-to-recover model
 * (Simchi-Levi, Schmidt & Wei, "From superstorms to factory fires", Harvard Business Review, Jan-Feb 2014;
 * Simchi-Levi et al., "Identifying risks and mitigating disruptions in the automotive supply chain",
 * Interfaces 45(5), 2015): the demand lost while the node is down for its recovery time, beyond what stocks cover.
 *
 * Stock rules (the README states them too):
 * - private stock of a consumer = `stockpileDays` × demand / 365, in tonnes of what it demands;
 * - a stockpile node's `stock` of its `output` serves the consumers of its country, shared among those that are
 *   short (and whose supply chain uses that material) in proportion to their shortfall, converted to tonnes of
 *   demand with the most intensive recipe chain (see `_intensity.ts`); piles of different materials are
 *   complements, so a consumer's national cover is the smallest over the stocked materials (an NdPr pile
 *   without Dy/Tb makes no high-grade magnets); this still assumes the stocked materials are the ones missing;
 * - time-to-survive = stock / (shortfall per day); null when there is no shortfall.
 */
import { isStockpile, type SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { byId, clean } from "./_clean.js";
import { materialIntensity } from "./_intensity.js";
import type { FlowSweep } from "./flow-chokepoints.js";
import { dict, own } from "../model/dict.js";

/**
 * Days to restore a facility by stage when a node has no `recoveryDays`. Assumptions of chokepoint, not
 * sourced figures: a mine takes about a year to restart after a major outage, a separation plant about six
 * months, a metal/alloy plant four, a magnet plant three (new lines and qualification take longer).
 */
export const DEFAULT_RECOVERY_DAYS: Readonly<Record<string, number>> = {
  mine: 365,
  recycling: 180,
  refinery: 180,
  metal: 120,
  magnet: 90,
};

/** Recovery days for stages not in the table (an assumption as well). */
export const FALLBACK_RECOVERY_DAYS = 180;

export interface SurvivalOptions {
  /** Stage → recovery days, merged over DEFAULT_RECOVERY_DAYS. */
  recoveryDays?: Record<string, number>;
}

/** One consumer under the scenario. Stocks in tonnes of its demand; rates per year. */
export interface ConsumerSurvival {
  id: string;
  country: string;
  demand: number;
  shortfall: number;
  privateStock: number;
  nationalStock: number;
  /** Days until stock runs out at the shortfall rate; null when nothing is short. */
  daysToSurvive: number | null;
}

/** A country's short consumers together. */
export interface CountrySurvival {
  demand: number;
  shortfall: number;
  /** Stock usable by its short consumers (private + national share). */
  stock: number;
  daysToSurvive: number | null;
}

/** A stockpile node and how much of it the scenario's shortfall draws on. */
export interface StockpileUse {
  id: string;
  country: string;
  material: string;
  stock: number;
  /** Tonnes of material allocated to short consumers (0 when none of its country's consumers is short). */
  allocated: number;
}

/** Risk exposure of one node (Simchi-Levi style). */
export interface NodeExposure {
  id: string;
  stage: string;
  country: string;
  recoveryDays: number;
  /** True when recoveryDays is the stage default, not the node's own figure. */
  recoveryAssumed: boolean;
  /** Served demand lost per year while the node is down (its N-1 loss). */
  demandLost: number;
  /** Extra demand lost (tonnes) over the recovery time, beyond what stocks cover, compared with the scenario. */
  exposure: number;
  /** exposure / the largest exposure (1 = the most exposed node; 0 when no node exposes anything). */
  index: number;
}

export interface Survival {
  consumers: ConsumerSurvival[];
  countries: Record<string, CountrySurvival>;
  stockpiles: StockpileUse[];
  /** Sorted by exposure (desc), then id. */
  nodes: NodeExposure[];
}

const SHORT = 1e-9;

/** Per-consumer stock, given the shortfall vector (stock shares depend on who is short). */
function stocks(graph: SupplyGraph, applied: AppliedScenario, sweep: FlowSweep) {
  const intensity = materialIntensity(graph);
  const privateStock = sweep.consumers.map(
    (id, c) => ((graph.getNodeAttribute(id, "stockpileDays") ?? 0) * sweep.demand[c]!) / 365,
  );
  const piles: Array<{ id: string; country: string; material: string; stock: number; per: number[] }> = [];
  graph.forEachNode((id, a) => {
    if (!isStockpile(a) || applied.nodeOut.has(id) || a.output === undefined) return;
    const per = sweep.consumers.map((c) =>
      graph.getNodeAttribute(c, "country") === a.country ? intensity.perDemand(c, a.output!) : 0,
    );
    piles.push({ id, country: a.country, material: a.output, stock: a.stock ?? 0, per });
  });
  piles.sort((a, b) => byId(a.id, b.id));
  /** National stock per consumer (tonnes of demand) and material drawn per pile, for shortfall `r`. */
  const national = (r: number[]) => {
    // Tonnes of demand each consumer can cover from the piles of each material. Piles of different materials
    // are complements (a magnet needs NdPr AND Dy/Tb), so a consumer's national cover is the smallest over the
    // materials stocked for it, not their sum; piles of the same material add up.
    const byMaterial = new Map<string, number[]>();
    const drawn = piles.map((pile) => {
      const short = r.map((x, c) => (x > SHORT && pile.per[c]! > 0 ? x : 0));
      const sum = short.reduce((t, x) => t + x, 0);
      if (sum <= 0) return 0;
      const cover = byMaterial.get(pile.material) ?? r.map(() => 0);
      short.forEach((x, c) => {
        if (x > 0) cover[c]! += (pile.stock * x) / sum / pile.per[c]!;
      });
      byMaterial.set(pile.material, cover);
      return pile.stock;
    });
    const got = r.map((_, c) => {
      let least = Number.POSITIVE_INFINITY;
      for (const cover of byMaterial.values()) if (cover[c]! > 0) least = Math.min(least, cover[c]!);
      return Number.isFinite(least) ? least : 0;
    });
    return { got, drawn };
  };
  return { privateStock, piles, national };
}

/**
 * Time-to-survive per consumer and country, stockpile use, and node exposure, from an N-1 sweep.
 * Pure; no solving (the sweep did it).
 */
export function survival(
  graph: SupplyGraph,
  applied: AppliedScenario,
  sweep: FlowSweep,
  options: SurvivalOptions = {},
): Survival {
  const recovery = { ...DEFAULT_RECOVERY_DAYS, ...options.recoveryDays };
  const { privateStock, piles, national } = stocks(graph, applied, sweep);
  const shortfallOf = (served: Float64Array) =>
    sweep.consumers.map((_, c) => Math.max(0, sweep.demand[c]! - served[c]!));
  const r0 = shortfallOf(sweep.served);
  const n0 = national(r0);

  const consumers: ConsumerSurvival[] = sweep.consumers.map((id, c) => {
    const short = r0[c]! > SHORT;
    const stock = privateStock[c]! + n0.got[c]!;
    return {
      id,
      country: graph.getNodeAttribute(id, "country"),
      demand: sweep.demand[c]!,
      shortfall: clean(r0[c]!),
      privateStock: clean(privateStock[c]!),
      nationalStock: clean(n0.got[c]!),
      daysToSurvive: short ? clean((stock / r0[c]!) * 365) : null,
    };
  });
  const countries = dict<CountrySurvival>();
  for (const code of [...new Set(consumers.map((c) => c.country))].sort(byId)) {
    let demand = 0;
    let shortfall = 0;
    let stock = 0;
    consumers.forEach((c, k) => {
      if (c.country !== code) return;
      demand += c.demand;
      if (r0[k]! <= SHORT) return;
      shortfall += r0[k]!;
      stock += privateStock[k]! + n0.got[k]!;
    });
    countries[code] = {
      demand: clean(demand),
      shortfall: clean(shortfall),
      stock: clean(stock),
      daysToSurvive: shortfall > SHORT ? clean((stock / shortfall) * 365) : null,
    };
  }

  // Demand lost over T days beyond stock, for shortfall vector r (stock shares follow r).
  const lostOver = (r: number[], days: number) => {
    const { got } = national(r);
    return r.reduce((t, x, c) => t + Math.max(0, (x * days) / 365 - privateStock[c]! - got[c]!), 0);
  };
  const raw = sweep.nodes.map((id, k) => {
    const a = graph.getNodeAttributes(id);
    const assumed = a.recoveryDays === undefined;
    const days = a.recoveryDays ?? own(recovery, a.stage) ?? FALLBACK_RECOVERY_DAYS;
    const rk = shortfallOf(sweep.servedWithout[k]!);
    const lost = rk.reduce((t, x) => t + x, 0) - r0.reduce((t, x) => t + x, 0);
    return {
      id,
      stage: a.stage,
      country: a.country,
      recoveryDays: days,
      recoveryAssumed: assumed,
      demandLost: clean(Math.max(0, lost)),
      exposure: clean(Math.max(0, lostOver(rk, days) - lostOver(r0, days))),
    };
  });
  const top = Math.max(0, ...raw.map((x) => x.exposure));
  const nodes = raw
    .map((x) => ({ ...x, index: top > 0 ? clean(x.exposure / top) : 0 }))
    .sort((a, b) => b.exposure - a.exposure || byId(a.id, b.id));
  const stockpiles = piles.map((p, k) => ({
    id: p.id,
    country: p.country,
    material: p.material,
    stock: p.stock,
    allocated: clean(n0.drawn[k]!),
  }));
  return { consumers, countries, stockpiles, nodes };
}
