/**
 * Compare resilience side by side: several countries on one graph under one scenario, one graph under several
 * scenarios, or several graphs (years) under one scenario. Each column is one (graph, scenario) pair; each column
 * reports every country asked for (`countryMetrics`), and, with two columns or more, the change from the first
 * column to the last.
 */
import type { SupplyGraph } from "../model/types.js";
import type { Scenario } from "../scenario/types.js";
import { type CountryMetrics, type CountryMetricsOptions, countryMetrics } from "./country-metrics.js";
import { dict } from "../model/dict.js";

/** One column of a comparison. */
export interface CompareInput {
  graph: SupplyGraph;
  /** The data file, by base name (printed on every chart). */
  file: string;
  scenario: Scenario;
  /** Column heading; default `<graph year> <scenario>`. */
  label?: string;
}

/** Options of `compareResilience`. */
export type CompareOptions = CountryMetricsOptions;

export const DEFAULT_COMPARE_OPTIONS: CompareOptions = {};

/** One column's identity. */
export interface CompareColumn {
  label: string;
  file: string;
  graph: string;
  /** The graph's year (the date of its data); null when the file has none. */
  year: number | null;
  scenario: string;
  units: string | null;
  currency: string | null;
}

/** The change of one country's figures from the first column to the last (last − first); null where undefined. */
export interface CountryChange {
  country: string;
  servedFraction: Record<string, number>;
  servedFirst: number;
  consumersCutOff: number;
  singlePointsAbroad: number;
  countryFailureSetsAbroad: number;
  stockpileDays: number;
  timeToSurviveDays: number | null;
  shortfall: number;
  losses90: number | null;
  losses365: number | null;
  robustness: number | null;
}

/** The comparison; `schema` is bumped on any incompatible change. */
export interface Comparison {
  schema: 1;
  countries: string[];
  columns: CompareColumn[];
  /** metrics[i][k] = column i, country k. */
  metrics: CountryMetrics[][];
  /** Per country, last column minus first; `[]` with a single column. */
  change: CountryChange[];
}

const diff = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : b - a;

function changeOf(first: CountryMetrics, last: CountryMetrics): CountryChange {
  const served = dict<number>();
  for (const [objective, v] of Object.entries(last.servedFraction)) {
    const before = first.servedFraction[objective as keyof typeof first.servedFraction];
    if (before !== undefined && v !== undefined) served[objective] = v - before;
  }
  return {
    country: first.country,
    servedFraction: served,
    servedFirst: last.servedFirst - first.servedFirst,
    consumersCutOff: last.cutOff.length - first.cutOff.length,
    singlePointsAbroad: last.singlePointsAbroad.length - first.singlePointsAbroad.length,
    countryFailureSetsAbroad: last.countryFailureSetsAbroad.length - first.countryFailureSetsAbroad.length,
    stockpileDays: last.stockpileDays - first.stockpileDays,
    timeToSurviveDays: diff(first.timeToSurviveDays, last.timeToSurviveDays),
    shortfall: last.shortfall - first.shortfall,
    losses90: diff(first.losses?.days90, last.losses?.days90),
    losses365: diff(first.losses?.days365, last.losses?.days365),
    robustness: diff(first.robustness, last.robustness),
  };
}

/**
 * Every country's metrics in every column, and the change from the first column to the last.
 * @throws ScenarioError when a scenario does not fit a graph; FlowSolveError if the LP solver fails
 */
export async function compareResilience(
  inputs: CompareInput[],
  countries: readonly string[],
  options: CompareOptions = {},
): Promise<Comparison> {
  const opts = { ...DEFAULT_COMPARE_OPTIONS, ...options };
  const columns: CompareColumn[] = [];
  const metrics: CountryMetrics[][] = [];
  for (const input of inputs) {
    const year = input.graph.getAttribute("year") ?? null;
    const scenarioName = input.scenario.name;
    columns.push({
      label: input.label ?? `${year ?? input.file} ${scenarioName}`,
      file: input.file,
      graph: input.graph.getAttribute("name") ?? input.file,
      year,
      scenario: scenarioName,
      units: input.graph.getAttribute("units") ?? null,
      currency: input.graph.getAttribute("currency") ?? null,
    });
    metrics.push(await countryMetrics(input.graph, input.scenario, countries, opts));
  }
  const first = metrics[0];
  const last = metrics[metrics.length - 1];
  const change = metrics.length > 1 && first && last ? first.map((m, k) => changeOf(m, last[k]!)) : [];
  return { schema: 1, countries: [...countries], columns, metrics, change };
}
