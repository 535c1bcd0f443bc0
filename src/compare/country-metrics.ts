/**
 * One country's resilience on one graph under one scenario: the metrics `chokepoint compare` sets side by side.
 * Nothing is computed here that another analysis already computes: served demand comes from the flow model
 * (`servedDemand`), cut-offs from `supplyStatus`, single points of failure from `singlePointsOfFailure`,
 * concentration from `concentrationReport`, robustness from the flow attack curves. This file only selects a
 * country's consumers and assembles the figures.
 */
import { concentrationReport } from "../analysis/concentration.js";
import { countryFailureSets } from "../analysis/country-failure-sets.js";
import { singlePointsOfFailure } from "../analysis/single-points-of-failure.js";
import { supplyStatus } from "../analysis/supply.js";
import { FLOW_OBJECTIVES, type FlowObjective } from "../flow/_solve-flow.js";
import { clean, cleanFlow } from "../flow/_clean.js";
import { countryAlone, countryAttackCurve } from "./country-robustness.js";

export { countryAlone } from "./country-robustness.js";
import { flowAnalysis } from "../flow/flow-analysis.js";
import { servedDemand } from "../flow/served-demand.js";
import { isConsumer, type SupplyGraph } from "../model/types.js";
import { applyScenario } from "../scenario/apply-scenario.js";
import type { AppliedScenario, Scenario } from "../scenario/types.js";
import { dict, own } from "../model/dict.js";

/** Options of `countryMetrics`. */
export interface CountryMetricsOptions {
  /** Objectives to solve served demand under (default: all three). Survival and losses use `max-total`. */
  objectives?: readonly FlowObjective[];
  /** Compute robustness R (one N-1 sweep and two attack curves per country: the slowest part). */
  robustness?: boolean;
}

export const DEFAULT_COUNTRY_METRICS_OPTIONS: Required<CountryMetricsOptions> = {
  objectives: FLOW_OBJECTIVES,
  robustness: true,
};

/** A facility abroad that alone cuts off some of the country's consumers. */
export interface ForeignSinglePoint {
  id: string;
  label: string;
  country: string;
  /** The country's consumers it alone cuts off (ids, sorted). */
  consumers: string[];
  /** Their demand per year, in the graph's units. */
  demand: number;
}

/** A minimal set of foreign countries whose joint loss cuts off some of the country's consumers. */
export interface ForeignCountrySet {
  /** Sorted country codes, none of them the country itself. */
  countries: string[];
  /** The country's consumers it cuts off (ids, sorted). */
  consumers: string[];
}

/** The metrics of one country; quantities per year in the graph's units (t of magnet/yr in the bundled data). */
export interface CountryMetrics {
  country: string;
  /** Consumers of the country that the scenario keeps. */
  consumers: number;
  demand: number;
  /** Objective → served / demand of the country's consumers. */
  servedFraction: Partial<Record<FlowObjective, number>>;
  /**
   * [least, most] served / demand over ALL max-total optima: how much of the max-total figure is a choice of
   * split rather than a property of the network (`servedRange` of `servedDemand`).
   */
  servedFractionRange: [number, number];
  /** Objective → served demand per year. */
  served: Partial<Record<FlowObjective, number>>;
  /**
   * Served fraction if the network served this country first (max-total with every other country's consumers
   * removed): an upper bound that, unlike the per-country split of a shared max-total optimum, never falls when
   * capacity is added.
   */
  servedFirst: number;
  /** Consumers that cannot be supplied at all (bill-of-materials reachability), sorted. */
  cutOff: string[];
  /** Facilities abroad that alone cut off some of the country's supplied consumers, by demand cut (desc), then id. */
  singlePointsAbroad: ForeignSinglePoint[];
  /**
   * Minimal sets of up to three foreign countries whose joint loss (on top of the scenario) cuts off some of the
   * country's supplied consumers (`countryFailureSets`), by size, then by countries.
   */
  countryFailureSetsAbroad: ForeignCountrySet[];
  /** Imports by origin (country → share of the country's import volume at the graph's import stages). */
  importShares: Record<string, number>;
  /** Stage → origin country → share of the material made at that stage inside the country's consumption. */
  lookThrough: Record<string, Record<string, number>>;
  /** Stage → Herfindahl-Hirschman index (0-10,000) of the look-through origins of that stage. */
  supplierHhi: Record<string, number>;
  /**
   * Days of the country's full demand its stocks cover: private stock (`stockpileDays`) plus the national
   * stockpile share allocated to it by `survival` (national stock counts only where a consumer is short).
   */
  stockpileDays: number;
  /** Days until the stocks of its short consumers run out at the scenario's shortfall (max-total); null = nothing short. */
  timeToSurviveDays: number | null;
  /** Shortfall per year under max-total. */
  shortfall: number;
  /** Losses (graph currency) for disruptions of 90 and 365 days (Nomura's durations); null without values. */
  losses: { days90: number; days365: number } | null;
  /**
   * Robustness R (Schneider et al., PNAS 2011) of the country's demand: the mean share of its demand still served
   * (max-total) as the nodes of its supply cone are removed in order of the demand they cost (N-1 ranking), with
   * the network serving the country alone (other countries' demand set aside, so the score does not depend on how
   * a shared shortfall is split). The cone = every node with a path to one of the country's consumers in the
   * file graph, so nodes that cannot affect its supply (another country's chain, isolated nodes) do not change R.
   * null when not computed.
   */
  robustness: number | null;
  /** The attack curve behind `robustness`: share of the country's demand served after k removals, k = 0..N. */
  attackCurve: number[];
}

/** Shares to 10 digits: sums over the file's nodes differ in the last bits with the order of the file. */
const roundShares = (shares: Record<string, number>) =>
  Object.fromEntries(Object.entries(shares).map(([k, v]) => [k, clean(v)]));

const hhi = (shares: Record<string, number>) => Object.values(shares).reduce((t, s) => t + (s * 100) ** 2, 0);

/** Stages a look-through is meaningful for: every stage that makes material (not consumers, not stockpiles). */
function tracedStages(graph: SupplyGraph): string[] {
  const made = new Set<string>();
  graph.forEachNode((_id, a) => {
    if (!isConsumer(a) && a.stock === undefined && graph.outDegree(_id) > 0) made.add(a.stage);
  });
  return (graph.getAttribute("stages") ?? []).filter((s) => made.has(s));
}

/**
 * The metrics of each country in `countries` on `graph` under `scenario`.
 * Concentration figures (imports, look-through, HHI) describe the file's structure (with the pipeline the
 * scenario brings online); the others are measured under the scenario.
 * @throws ScenarioError from `applyScenario`; FlowSolveError if the LP solver fails
 */
export async function countryMetrics(
  graph: SupplyGraph,
  scenario: Scenario,
  countries: readonly string[],
  options: CountryMetricsOptions = {},
): Promise<CountryMetrics[]> {
  const { objectives } = { ...DEFAULT_COUNTRY_METRICS_OPTIONS, ...options };
  const { robustness } = { ...DEFAULT_COUNTRY_METRICS_OPTIONS, ...options };
  const applied = applyScenario(graph, scenario);
  const flows = new Map<FlowObjective, Awaited<ReturnType<typeof servedDemand>>>();
  for (const objective of objectives) flows.set(objective, await servedDemand(graph, applied, { objective }));
  const time = await flowAnalysis(graph, applied, { objective: "max-total", attack: false });
  const supply = supplyStatus(graph, applied);
  // every single point abroad counts, however long the lists
  const spof = singlePointsOfFailure(graph, applied, { maxListed: Number.POSITIVE_INFINITY });
  const concentration = concentrationReport(graph, {
    includePlanned: scenario.includePlanned === true || scenario.year !== undefined,
    lookThroughStages: tracedStages(graph),
  });
  const out: CountryMetrics[] = [];
  for (const country of countries) {
    const m = oneCountry(graph, applied, country, flows, supply.unsupplied, spof.consumers, concentration);
    m.countryFailureSetsAbroad = foreignSets(graph, applied, country, supply.unsupplied);
    if (m.demand > 0) {
      const first = await servedDemand(graph, applyScenario(graph, countryAlone(graph, scenario, country)));
      m.servedFirst = first.countries[country]?.fraction ?? 0;
    }
    const survival = time.survival;
    const own = survival.consumers.filter((c) => c.country === country);
    const stock = own.reduce((t, c) => t + c.privateStock + c.nationalStock, 0);
    m.stockpileDays = m.demand > 0 ? cleanFlow((stock / m.demand) * 365) : 0;
    m.timeToSurviveDays = survival.countries[country]?.daysToSurvive ?? null;
    m.shortfall = survival.countries[country]?.shortfall ?? 0;
    const k90 = time.losses.durations.indexOf(90);
    const k365 = time.losses.durations.indexOf(365);
    const loss = time.losses.countries[country];
    m.losses = loss ? { days90: loss[k90] ?? 0, days365: loss[k365] ?? 0 } : null;
    if (robustness && m.demand > 0) {
      const curve = await countryAttackCurve(graph, scenario, country);
      m.robustness = curve?.robustness ?? null;
      m.attackCurve = curve?.servedShare ?? [];
    }
    out.push(m);
  }
  return out;
}

/** The country's consumers' minimal country failure sets that lie wholly abroad, merged over consumers. */
function foreignSets(
  graph: SupplyGraph,
  applied: AppliedScenario,
  country: string,
  unsupplied: string[],
): ForeignCountrySet[] {
  const cut = new Set(unsupplied);
  const consumers = graph
    .filterNodes(
      (id, a) => a.country === country && isConsumer(a) && !applied.nodeOut.has(id) && !cut.has(id),
    )
    .sort();
  if (consumers.length === 0) return [];
  const sets = countryFailureSets(graph, applied, { consumers, maxSetSize: 3 });
  const merged = new Map<string, ForeignCountrySet>();
  for (const c of sets.consumers) {
    for (const set of c.countryFailureSets) {
      if (set.length === 0 || set.includes(country)) continue;
      const key = set.join("+");
      const entry = merged.get(key) ?? { countries: set, consumers: [] };
      entry.consumers.push(c.id);
      merged.set(key, entry);
    }
  }
  return [...merged.values()]
    .map((e) => ({ countries: e.countries, consumers: e.consumers.sort() }))
    .sort(
      (a, b) =>
        a.countries.length - b.countries.length ||
        (a.countries.join("+") < b.countries.join("+")
          ? -1
          : a.countries.join("+") > b.countries.join("+")
            ? 1
            : 0),
    );
}

function oneCountry(
  graph: SupplyGraph,
  applied: AppliedScenario,
  country: string,
  flows: Map<FlowObjective, Awaited<ReturnType<typeof servedDemand>>>,
  unsupplied: string[],
  spof: Array<{ id: string; singlePointsOfFailure: string[] }>,
  concentration: ReturnType<typeof concentrationReport>,
): CountryMetrics {
  const mine = graph
    .filterNodes((id, a) => a.country === country && isConsumer(a) && !applied.nodeOut.has(id))
    .sort();
  const mineSet = new Set(mine);
  const demand = mine.reduce((t, id) => t + (graph.getNodeAttribute(id, "demand") ?? 0), 0);
  const servedFraction: CountryMetrics["servedFraction"] = {};
  const served: CountryMetrics["served"] = {};
  let servedFractionRange: [number, number] = [0, 0];
  for (const [objective, flow] of flows) {
    const c = flow.countries[country];
    served[objective] = c?.served ?? 0;
    servedFraction[objective] = c && c.demand > 0 ? c.fraction : 0;
    if (c && c.demand > 0) servedFractionRange = [c.servedRange[0] / c.demand, c.servedRange[1] / c.demand];
  }
  const abroad = new Map<string, string[]>();
  for (const c of spof) {
    if (!mineSet.has(c.id)) continue;
    for (const node of c.singlePointsOfFailure) {
      if (graph.getNodeAttribute(node, "country") === country) continue;
      abroad.set(node, [...(abroad.get(node) ?? []), c.id]);
    }
  }
  const singlePointsAbroad: ForeignSinglePoint[] = [...abroad]
    .map(([id, consumers]) => ({
      id,
      label: graph.getNodeAttribute(id, "label"),
      country: graph.getNodeAttribute(id, "country"),
      consumers: consumers.sort(),
      demand: consumers.reduce((t, c) => t + (graph.getNodeAttribute(c, "demand") ?? 0), 0),
    }))
    .sort((a, b) => b.demand - a.demand || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lookThrough = dict<Record<string, number>>();
  const supplierHhi = dict<number>();
  for (const [stage, byCountry] of Object.entries(concentration.lookThrough)) {
    const shares = own(byCountry, country);
    if (!shares) continue;
    lookThrough[stage] = roundShares(shares);
    supplierHhi[stage] = clean(hhi(shares));
  }
  return {
    country,
    consumers: mine.length,
    demand,
    servedFraction,
    servedFractionRange,
    served,
    servedFirst: 0,
    cutOff: unsupplied.filter((id) => mineSet.has(id)),
    singlePointsAbroad,
    countryFailureSetsAbroad: [],
    importShares: roundShares(concentration.imports[country]?.shares ?? {}),
    lookThrough,
    supplierHhi,
    stockpileDays: 0,
    timeToSurviveDays: null,
    shortfall: 0,
    losses: null,
    robustness: null,
    attackCurve: [],
  };
}
