/**
 * Stockpiles and time: how long stocks keep each consumer and country whole under the scenario (time-to-survive),
 * and per node a risk exposure index in the manner of Simchi-Levi's time-to-recover model (Simchi-Levi, Schmidt &
 * Wei, "From superstorms to factory fires", Harvard Business Review, Jan-Feb 2014; Simchi-Levi et al.,
 * "Identifying risks and mitigating disruptions in the automotive supply chain", Interfaces 45(5), 2015): the
 * demand lost while the node is down for its recovery time, beyond what stocks cover.
 *
 * Stock rules (docs/flow.md states them too):
 * - private stock of a consumer = `stockpileDays` × demand / 365, in tonnes of what it demands, at the consumer;
 * - a stockpile node's `stock` of its `output` is released into its country's facilities that use that material
 *   and reaches consumers only through the scenario's surviving capacities and routes (`_stock-cover.ts`): a pile
 *   the country cannot convert counts for nothing, and a consumer with no route left gets none of it;
 * - a consumer's time-to-survive = days it alone can be kept whole by its private stock and its country's piles
 *   (every other consumer keeping its scenario level); a country's = days ALL its short consumers can be kept
 *   whole together (the first shortfall in the country); null when nothing is short;
 * - losses and exposure use the country's joint figure: every short consumer is whole until then, and loses its
 *   shortfall after.
 * - under the allocations that do not reroute (`proportional`, `frozen-routing`) stock moves only along existing
 *   contracts: each edge carries at most the larger of its baseline volume and its flow under the scenario.
 * Served levels are the scenario's allocation (the sweep's), so the figures are as unique as that allocation.
 */
import type { Highs } from "highs";
import { isStockpile, type SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { byId, clean, cleanFlow, quantum } from "./_clean.js";
import { isLpObjective, solveFlow } from "./_solve-flow.js";
import { type Pile, stockCover } from "./_stock-cover.js";
import type { FlowSweep, ProgressCallback } from "./flow-chokepoints.js";
import { buildFlowModel, type FlowModel } from "./flow-model.js";
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
  /**
   * Called after each consumer's and each node's stock questions (`total` = consumers + nodes); what it throws
   * abandons the computation (the viewer stops a stale analysis this way).
   */
  onProgress?: ProgressCallback;
}

/** One consumer under the scenario. Stocks in tonnes of its demand; rates per year. */
export interface ConsumerSurvival {
  id: string;
  country: string;
  demand: number;
  shortfall: number;
  privateStock: number;
  /** Tonnes of its demand the national piles supply while it alone is kept whole (0 when none can reach it). */
  nationalStock: number;
  /** Days it alone can be kept whole from stock; null when nothing is short. */
  daysToSurvive: number | null;
  /** Days it stays whole when its country's stocks keep every short consumer whole together; null = not short. */
  daysCovered: number | null;
}

/** A country's short consumers together. */
export interface CountrySurvival {
  demand: number;
  shortfall: number;
  /** Tonnes of demand its stocks supply while they keep every short consumer whole (shortfall × days). */
  stock: number;
  /** Days until the country's first shortfall; null when nothing is short. */
  daysToSurvive: number | null;
}

/** A stockpile node and how much of it the scenario's shortfall draws on. */
export interface StockpileUse {
  id: string;
  country: string;
  material: string;
  stock: number;
  /** Tonnes of material released while the country's short consumers are kept whole (0 when none is short). */
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

const finiteDays = (d: number) => (Number.isFinite(d) ? cleanFlow(d) : null);

/** The scenario's piles and private stocks, resolved against the flow model. */
function stocksOf(graph: SupplyGraph, applied: AppliedScenario, model: FlowModel) {
  const privateStock = new Float64Array(model.nodes.length);
  for (const i of model.consumers)
    privateStock[i] =
      ((graph.getNodeAttribute(model.nodes[i]!, "stockpileDays") ?? 0) * model.demand[i]!) / 365;
  const piles: Pile[] = [];
  graph.forEachNode((id, a) => {
    if (!isStockpile(a) || applied.nodeOut.has(id) || a.output === undefined) return;
    const material = a.output;
    const into: number[] = [];
    for (const [j, node] of model.nodes.entries()) {
      if (model.country[j] !== a.country || model.source[j]) continue;
      const recipe = model.recipe[j];
      const uses = recipe
        ? recipe[material] !== undefined
        : graph.inNeighbors(node).some((s) => graph.getNodeAttribute(s, "output") === material);
      if (uses) into.push(j);
    }
    piles.push({ id, country: a.country, material, stock: a.stock ?? 0, into });
  });
  return { privateStock, piles: piles.sort((a, b) => byId(a.id, b.id)) };
}

/**
 * Time-to-survive per consumer and country, stockpile use, and node exposure, from an N-1 sweep.
 * @throws FlowSolveError never: an LP that cannot keep a consumer whole means 0 days
 */
export function survival(
  highs: Highs,
  graph: SupplyGraph,
  applied: AppliedScenario,
  sweep: FlowSweep,
  options: SurvivalOptions = {},
): Survival {
  const recovery = { ...DEFAULT_RECOVERY_DAYS, ...options.recoveryDays };
  const model = buildFlowModel(graph, applied);
  const { privateStock, piles } = stocksOf(graph, applied, model);
  const slack = quantum(sweep.demand.reduce((t, x) => t + x, 0));
  let edgeCap: Float64Array | undefined;
  if (!isLpObjective(sweep.objective)) {
    const { edgeFlow } = solveFlow(highs, model, sweep.objective, { flows: true });
    edgeCap = Float64Array.from(model.edges, (edge, e) => Math.max(edge.volume, edgeFlow[e]!));
  }
  const at = sweep.consumers.map((id) => model.index.get(id)!);
  const levelsOf = (served: Float64Array) => {
    const levels = new Float64Array(model.nodes.length);
    at.forEach((i, c) => {
      levels[i] = served[c]!;
    });
    return levels;
  };
  const codes = [...new Set(at.map((i) => model.country[i]!))].sort(byId);
  const shortIn = (levels: Float64Array, code: string) =>
    at.filter((i) => model.country[i] === code && levels[i]! < model.demand[i]! * (1 - 1e-9));
  /** Country → days its short consumers stay whole together (Infinity when none is short), and pile releases. */
  // The max-total of each question's network, when the sweep knows it (under max-total its totals are that):
  // lets `stockCover` answer hopeless questions without an LP.
  const maxTotal = (total: number) => (sweep.objective === "max-total" ? total : undefined);
  const countryCover = (
    levels: Float64Array,
    removed: ReadonlySet<number> | undefined,
    release: boolean,
    networkTotal: number,
  ) =>
    new Map(
      codes.map((code) => {
        const question = {
          targets: shortIn(levels, code),
          levels,
          privateStock,
          piles,
          removed,
          release,
          edgeCap,
          slack,
          maxTotal: maxTotal(networkTotal),
        };
        return [code, stockCover(highs, model, question)];
      }),
    );
  const base = levelsOf(sweep.served);
  const joint = countryCover(base, undefined, true, sweep.total);
  let done = 0;
  const questions = at.length + sweep.nodes.length;
  const answered = () => options.onProgress?.(++done, questions);

  const consumers: ConsumerSurvival[] = at.map((i, c) => {
    const shortfall = Math.max(0, sweep.demand[c]! - sweep.served[c]!);
    const short = base[i]! < model.demand[i]! * (1 - 1e-9);
    const alone = short
      ? stockCover(highs, model, {
          targets: [i],
          levels: base,
          privateStock,
          piles,
          edgeCap,
          slack,
          maxTotal: maxTotal(sweep.total),
        }).days
      : 0;
    const days = short ? Math.min(alone, 1e9) : 0;
    answered();
    return {
      id: sweep.consumers[c]!,
      country: model.country[i]!,
      demand: sweep.demand[c]!,
      shortfall: clean(shortfall),
      privateStock: clean(privateStock[i]!),
      nationalStock: short ? cleanFlow(Math.max(0, (shortfall * days) / 365 - privateStock[i]!)) : 0,
      daysToSurvive: short ? finiteDays(alone) : null,
      daysCovered: short ? finiteDays(joint.get(model.country[i]!)!.days) : null,
    };
  });
  const countries = dict<CountrySurvival>();
  for (const code of codes) {
    const mine = consumers.filter((c) => c.country === code);
    const shortfall = mine.reduce((t, c) => t + c.shortfall, 0);
    const days = joint.get(code)!.days;
    const short = shortIn(base, code).length > 0;
    countries[code] = {
      demand: clean(mine.reduce((t, c) => t + c.demand, 0)),
      shortfall: clean(shortfall),
      stock: short && Number.isFinite(days) ? cleanFlow((shortfall * days) / 365) : 0,
      daysToSurvive: short ? finiteDays(days) : null,
    };
  }

  // Demand lost over T days: every short consumer whole until its country's stocks give out, then its shortfall.
  const lostOver = (levels: Float64Array, cover: Map<string, { days: number }>, days: number) =>
    at.reduce((t, i) => {
      const short = Math.max(0, model.demand[i]! - levels[i]!);
      const covered = cover.get(model.country[i]!)!.days;
      return t + (short * Math.max(0, days - covered)) / 365;
    }, 0);
  const raw = sweep.nodes.map((id, k) => {
    const a = graph.getNodeAttributes(id);
    const assumed = a.recoveryDays === undefined;
    const days = a.recoveryDays ?? own(recovery, a.stage) ?? FALLBACK_RECOVERY_DAYS;
    const without = sweep.servedWithout[k]!;
    const drop = sweep.total - sweep.totalWithout[k]!;
    const lost =
      drop > 1e-8 * Math.max(1, model.consumers.length ? sweep.demand.reduce((t, x) => t + x, 0) : 1)
        ? drop
        : 0;
    let exposure = 0;
    if (without !== sweep.served && without.some((x, c) => Math.abs(x - sweep.served[c]!) > 1e-9)) {
      const levels = levelsOf(without);
      const cover = countryCover(levels, new Set([model.index.get(id)!]), false, sweep.totalWithout[k]!);
      exposure = Math.max(0, lostOver(levels, cover, days) - lostOver(base, joint, days));
    }
    answered();
    return {
      id,
      stage: a.stage,
      country: a.country,
      recoveryDays: days,
      recoveryAssumed: assumed,
      demandLost: clean(Math.max(0, lost)),
      exposure: cleanFlow(exposure),
    };
  });
  const top = Math.max(0, ...raw.map((x) => x.exposure));
  const nodes = raw
    .map((x) => ({ ...x, index: top > 0 ? cleanFlow(x.exposure / top) : 0 }))
    .sort((a, b) => b.exposure - a.exposure || byId(a.id, b.id));
  const stockpiles = piles.map((p, k) => {
    const cover = joint.get(p.country);
    const release = cover && Number.isFinite(cover.days) ? (cover.release[k]! * cover.days) / 365 : 0;
    return {
      id: p.id,
      country: p.country,
      material: p.material,
      stock: p.stock,
      allocated: cleanFlow(release),
    };
  });
  return { consumers, countries, stockpiles, nodes };
}
