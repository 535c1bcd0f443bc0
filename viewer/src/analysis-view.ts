/**
 * The shape of the analysis results the viewer displays. It is filled from the library's analyses
 * (`analysis.ts`); nothing in the viewer computes supply, failure points or flows itself.
 */

/**
 * Above this many nodes the page works in stages: the quick analysis posts reachability alone before the
 * structural passes (single points of failure, routes), the full one posts the max-total served demand before
 * its split, sigma re-processes only the items that changed, and the timeline waits for the yearly analysis.
 * Below it every step takes milliseconds, and one message per phase keeps the page from flickering.
 */
export const STAGED_MIN_NODES = 2_000;

/** One consumer under the current scenario. */
export interface ConsumerView {
  id: string;
  demand: number;
  /** Reachability with bills of materials (library `analyze`). */
  supplied: boolean;
  /** Recipe materials that no longer reach it. */
  missing: string[];
  singlePointsOfFailure: string[];
  countryFailureSets: string[][];
  /** Fewest facilities whose loss cuts it off (null: not computed). */
  minFailures: number | null;
  /** Fastest supply route, source → consumer; null when none. */
  route: string[] | null;
  /** The fastest route in the baseline (to show what a disruption took away). */
  routeBefore: string[] | null;
  /** Total lead time of `route`, in days. */
  leadTimeDays: number | null;
  /** Served demand from the flow model (null until the flow library is available). */
  served: number | null;
  servedFraction: number | null;
  /** Days its stock lasts at the scenario's shortfall; null when there is no shortfall or no data. */
  timeToSurviveDays: number | null;
}

/** A node ranked by what its loss alone cuts off. */
export interface ChokepointView {
  id: string;
  consumersCut: number;
  demandCut: number;
  /** Served demand lost when removed alone (flow N-1), when the flow library is available. */
  demandLost: number | null;
}

/** One country in the compare panel. */
export interface CountryView {
  country: string;
  demand: number;
  served: number | null;
  servedFraction: number | null;
  /** [least, most] served fraction over every max-total optimum (the split is a choice; the range is not). */
  servedFractionRange: [number, number] | null;
  /**
   * 5th-95th percentile of the served fraction over a Monte Carlo of the graph's ranges (docs/uncertainty.md);
   * null when the graph has no ranges or the flow is not computed.
   */
  servedInterval: { p05: number; p95: number } | null;
  timeToSurviveDays: number | null;
  /** Loss over a year-long disruption, in the graph's currency (null without valuePerYear or flow). */
  lossPerYear: number | null;
  currency: string | null;
}

/**
 * How far an analysis has got, in order: `reach` (which consumers are cut off), `structure` (single points of
 * failure, routes, chokepoints), `total` (the max-total served demand), `served` (its split by consumer and
 * country), `ranges` (each country's range over the max-total optima), `complete` (survival, losses, country
 * failure sets, centrality). Small graphs skip the middle ones.
 */
export type AnalysisStage = "reach" | "structure" | "total" | "served" | "ranges" | "complete";

/** The stages in order (a later stage's data supersedes an earlier one's). */
export const ANALYSIS_STAGES: readonly AnalysisStage[] = [
  "reach",
  "structure",
  "total",
  "served",
  "ranges",
  "complete",
];

/** True once the data holds the per-consumer served demand (or the analysis is complete). */
export function servedShown(view: Pick<AnalysisView, "stage"> | null): boolean {
  return view !== null && ANALYSIS_STAGES.indexOf(view.stage) >= ANALYSIS_STAGES.indexOf("served");
}

export interface AnalysisView {
  scenarioName: string;
  /** Nodes out of the scenario (removed, or pipeline/idle not online). */
  nodeOut: ReadonlySet<string>;
  /** Nodes removed by the scenario's rules (a subset of nodeOut). */
  removed: ReadonlySet<string>;
  edgeOut: ReadonlySet<string>;
  consumers: ReadonlyMap<string, ConsumerView>;
  /** Consumers kept by the scenario but unsupplied, sorted. */
  cutOff: string[];
  /** Ranked, largest first; ties by id. */
  chokepoints: ChokepointView[];
  countries: ReadonlyMap<string, CountryView>;
  /** Analyses that could not run (missing library part or an error), as sentences for the page. */
  notes: string[];
  /** What each origin rule of the scenario cut, one sentence per rule (the library's report wording). */
  originCuts: string[];
  /** Node → betweenness on the scenario graph and share of baseline volume (full phase only). */
  centrality: Readonly<Record<string, { betweenness: number; volumeShare: number }>>;
  /** The largest total served demand over all splits (null until computed). */
  maxTotalServed: number | null;
  stage: AnalysisStage;
  /** False while the LP-based results (served demand, survival, losses) and country sets are still coming. */
  complete: boolean;
}

/** The analysis results as plain arrays (structured-clone friendly). */
export interface AnalysisData {
  scenarioName: string;
  nodeOut: string[];
  removed: string[];
  edgeOut: string[];
  consumers: ConsumerView[];
  cutOff: string[];
  chokepoints: ChokepointView[];
  countries: CountryView[];
  notes: string[];
  originCuts: string[];
  centrality: Record<string, { betweenness: number; volumeShare: number }>;
  maxTotalServed: number | null;
  stage: AnalysisStage;
  complete: boolean;
}

/** The data from the worker → the view the panels and reducers read (sets and maps for fast lookups). */
export function toAnalysisView(data: AnalysisData): AnalysisView {
  return {
    scenarioName: data.scenarioName,
    nodeOut: new Set(data.nodeOut),
    removed: new Set(data.removed),
    edgeOut: new Set(data.edgeOut),
    consumers: new Map(data.consumers.map((c) => [c.id, c])),
    cutOff: data.cutOff,
    chokepoints: data.chokepoints,
    countries: new Map(data.countries.map((c) => [c.country, c])),
    notes: data.notes,
    originCuts: data.originCuts,
    centrality: data.centrality,
    maxTotalServed: data.maxTotalServed,
    stage: data.stage,
    complete: data.complete,
  };
}
